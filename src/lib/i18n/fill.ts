/** A string with `{name}` placeholders filled in: the one syntax of every UI string (nl.json). */
export const fill = (text: string, values: Record<string, string | number>): string =>
	text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));

// A few strings of nl.json (some-strings.ts checks at build time that each key exists).
declare module '$lib/i18n/nl.json?keys=*' {
	const strings: Record<string, string>;
	export default strings;
}

import { fill } from './fill';
import strings from './nl.json';

export type StringKey = keyof typeof strings;

/**
 * A UI string, with `{name}` placeholders filled in. Every text the interface shows comes from
 * nl.json, so an organisation can adjust wording, and a translation is one file.
 */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
	return fill(strings[key], values);
}

// Only the strings an exercise's browser code shows reach the browser: the server hands each
// exercise island the keys its type lists (the view module's `strings`), never the whole nl.json.
// What the server can say at build time (buttons, "Waarom?", hints) is in the static view instead.
import type { StringKey } from '$lib/i18n';
import { fill } from '$lib/islands/page-data';

/** What the shared scored base (scored.ts) shows: verdicts, messages, marks, the score line. */
export const scoredStrings = [
	'exercise.verdict.correct',
	'exercise.verdict.partial',
	'exercise.verdict.incorrect',
	'exercise.verdict.revealed',
	'exercise.feedback.correct',
	'exercise.feedback.partial',
	'exercise.feedback.incorrect',
	'exercise.feedback.revealed',
	'exercise.feedback.firstTry',
	'exercise.mark.right',
	'exercise.mark.wrong',
	'exercise.mark.chosen',
	'exercise.mark.missed',
	'exercise.mark.notBelongs',
	'exercise.mark.answer',
	'exercise.score',
	'exercise.retried'
] as const satisfies readonly StringKey[];

/** The strings an island got, by key. */
export type Strings = Partial<Record<StringKey, string>>;

/** A string with its `{name}` placeholders filled in; the key itself if the server left it out (a bug to see). */
export const say = (strings: Strings, key: StringKey, values: Record<string, string | number> = {}): string =>
	fill(strings[key] ?? key, values);

// Only the strings an exercise's browser code shows reach the browser: the server puts the keys the
// page's exercise types list (each view module's `strings`) in one element per page
// (ExerciseStrings.svelte), never the whole nl.json, and not once per island.
// What the server can say at build time (buttons, "Waarom?", hints) is in the static view instead.
import type { StringKey } from '$lib/i18n';
import { fill } from '$lib/i18n/fill';

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

/** The element that holds the strings of a page's exercises, once for the page (not per island). */
export const EXERCISE_STRINGS_ID = 'etool-exercise-strings';

/** The strings an island got, by key. */
export type Strings = Partial<Record<StringKey, string>>;

/** A string with its `{name}` placeholders filled in; the key itself if the server left it out (a bug to see). */
export const say = (strings: Strings, key: StringKey, values: Record<string, string | number> = {}): string =>
	fill(strings[key] ?? key, values);

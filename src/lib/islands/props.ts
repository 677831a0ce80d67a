import type { ScoredItem } from '$lib/exercises/core/score';
import type { ExerciseIslandProps } from '$lib/exercises/core/island-props';
import type { Strings } from '$lib/exercises/core/strings';
import type { Exercise } from '$lib/exercises/schemas';
import type { StringKey } from '$lib/i18n';

/** The strings a plain island changes to in the browser; the rest of its words are in its HTML. */
export const islandStrings = {
	answers: [
		'answers.draft',
		'answers.verdict.correct',
		'answers.verdict.partial',
		'answers.verdict.incorrect',
		'answers.revealed',
		'answers.attempts',
		'answers.firstTry'
	],
	'clear-data': ['sync.clear.intro', 'clear.done', 'sync.clear.busy', 'sync.clear.done', 'sync.clear.pending', 'sync.clear.failed'],
	resume: [
		'resume.make.busy',
		'resume.make.ready',
		'resume.make.again',
		'resume.code.once',
		'resume.enter.fromLink',
		'resume.enter.button',
		'resume.enter.replaceConfirm',
		'resume.enter.busy',
		'resume.done.continue',
		'resume.done.start',
		'resume.error.invalid',
		'resume.error.unknown',
		'resume.error.tooMany',
		'resume.error.offline',
		'resume.error.server',
		'resume.error.static'
	]
} as const satisfies Record<string, readonly StringKey[]>;
export type IslandStrings<N extends keyof typeof islandStrings> = Record<(typeof islandStrings)[N][number], string>;

/**
 * Each island and the props the server hands it. Everything else on a page is enhanced by the
 * plain code in client.ts.
 */
export interface IslandProps {
	/** One exercise (the strings its loader shows are once per page: islands/ExerciseStrings.svelte). */
	exercise: Omit<ExerciseIslandProps, 'strings'>;
	/** Every answer, on "Mijn antwoorden": the exercises, to describe a saved answer in words. */
	answers: { exercises: Exercise[]; strings: IslandStrings<'answers'> };
	/** "Wis mijn gegevens". */
	'clear-data': { strings: IslandStrings<'clear-data'> };
	/** "Verder op een ander apparaat": make or enter a resume code. The sections come from the side navigation. */
	resume: { strings: IslandStrings<'resume'> };

	// Issue 7 (exercises): the quiz score at the end of "Test je kennis", a separate entry.
	/** "Je score": right at the first try, and the sections to reread (`::quiz-score`). */
	'quiz-score': { exercises: ScoredItem[]; titles: Record<string, string>; title?: string; strings: Strings };
}
export type IslandName = keyof IslandProps;

/**
 * Props as a JSON script element. `<` is escaped so text in the content can never close the
 * script element early; the browser's JSON.parse reads `\u003c` back as `<`.
 */
export function islandJson(props: unknown, id?: string): string {
	return `<script type="application/json"${id ? ` id="${id}"` : ''}>${JSON.stringify(props).replace(/</g, '\\u003c')}</script>`;
}

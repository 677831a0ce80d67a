import type { OutlineSection } from '$lib/content/outline';
import type { ScoredItem } from '$lib/exercises/core/score';
import type { ExerciseIslandProps } from '$lib/exercises/core/island-props';
import type { Strings } from '$lib/exercises/core/strings';
import type { Exercise } from '$lib/exercises/schemas';

/**
 * Each island and the props the server hands it. Everything else on a page is enhanced
 * by the plain code in client.ts, without Svelte.
 */
export interface IslandProps {
	/** One exercise (the strings its loader shows are once per page: exercises/ExerciseStrings.svelte). */
	exercise: Omit<ExerciseIslandProps, 'strings'>;
	/** Every answer, on "Mijn antwoorden". */
	answers: { groups: { path: string; number: string; title: string; exercises: Exercise[] }[] };
	/** "Wis mijn gegevens". */
	'clear-data': Record<string, never>;
	/** "Verder op een ander apparaat": make or enter a resume code. */
	resume: { sections: Pick<OutlineSection, 'path' | 'title' | 'exerciseIds'>[] };

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

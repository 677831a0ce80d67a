import type { OutlineSection } from '$lib/content/outline';
import type { ScoredItem } from '$lib/exercises/core/score';
import type { Exercise } from '$lib/exercises/schemas';
import type { SectionRef } from '$lib/progress/sections';

/** Each island and the props the server hands it. */
export interface IslandProps {
	/** The progress bar in the header. */
	progress: { sections: SectionRef[] };
	/** A message when storage fails (corrupt, full, blocked). */
	'storage-notice': Record<string, never>;
	/** "Nog niet begonnen / Bezig / Klaar" for one section. */
	'section-state': { section: SectionRef };
	/** "Start" or "Verder waar je was" on the start page. */
	'start-action': { sections: Pick<OutlineSection, 'path' | 'title' | 'exerciseIds'>[] };
	/** One exercise. */
	exercise: { exercise: Exercise; headingLevel: number; rereadTitle?: string };
	/** Every answer, on "Mijn antwoorden". */
	answers: { groups: { path: string; number: string; title: string; exercises: Exercise[] }[] };
	/** "Deel deze e-tool". */
	share: { title: string };
	/** "Wis mijn gegevens". */
	'clear-data': Record<string, never>;
	/** "Opgeslagen" or "Nog niet verstuurd" in the header, when a server keeps a copy. */
	'sync-status': Record<string, never>;
	/** The footer's sentence on where answers are kept. */
	'privacy-note': Record<string, never>;
	/** "Verder op een ander apparaat": make or enter a resume code. */
	resume: { sections: Pick<OutlineSection, 'path' | 'title' | 'exerciseIds'>[] };

	// Issue 7 (exercises): the quiz score at the end of "Test je kennis", a separate entry.
	/** "Je score": right at the first try, and the sections to reread (`::quiz-score`). */
	'quiz-score': { exercises: ScoredItem[]; titles: Record<string, string>; title?: string };
}
export type IslandName = keyof IslandProps;

/**
 * Props as a JSON script element. `<` is escaped so text in the content can never close the
 * script element early; the browser's JSON.parse reads `\u003c` back as `<`.
 */
export function islandJson(props: unknown): string {
	return `<script type="application/json">${JSON.stringify(props).replace(/</g, '\\u003c')}</script>`;
}

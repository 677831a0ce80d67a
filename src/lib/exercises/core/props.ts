import type { Exercise } from '../schemas';
import type { AnswerRecord } from './types';

/** Props of `Exercise.svelte`, the one component pages use. */
export interface ExerciseProps {
	exercise: Exercise;
	/** Saved state; undefined until the progress store has loaded (after mount), or when never answered. */
	record: AnswerRecord | undefined;
	/** Called on every change the learner makes, with the whole new record. */
	onchange: (record: AnswerRecord) => void;
	/** URL of a section, from its `chapter/section` path (default: `/chapter/section`). */
	rereadHref?: (path: string) => string;
	/** Title of a section, for the "Lees nog eens" link. */
	rereadTitle?: (path: string) => string | undefined;
	/** Level of the exercise title (2 to 5, default 2); headings inside it are one deeper. */
	headingLevel?: number;
}

/** Props every type component gets from `Exercise.svelte`. */
export type TypeProps<E extends Exercise> = Omit<ExerciseProps, 'exercise' | 'headingLevel'> & {
	exercise: E;
	/** Level of the headings inside the exercise (feedback, piles, "Vergelijk je antwoord"). */
	headingLevel: number;
};

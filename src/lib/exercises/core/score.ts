import type { AnswerRecord } from './types';

/** What the score needs of an exercise: its id and the section to reread when it went wrong. */
export interface ScoredItem {
	id: string;
	/** `chapter/section`, from the exercise's `reread`. */
	reread?: string;
}

export interface QuizScore {
	/** Exercises whose first check was fully right. */
	right: number;
	/** Exercises that count: every scored exercise in the list. */
	total: number;
	/** Exercises checked at least once (the others are still open). */
	checked: number;
	/** Sections to reread, once each, in the order of the exercises: from those not right at the first try. */
	reread: string[];
}

/**
 * The score that means something: right at the first try, not after retries or after "Toon het
 * juiste antwoord". Pass only scored exercises (reflections are never graded). An exercise that
 * was never checked counts in `total` but not in `checked`, and asks for no rereading yet.
 */
export function quizScore(exercises: ScoredItem[], answers: Record<string, AnswerRecord | undefined>): QuizScore {
	let right = 0;
	let checked = 0;
	const reread: string[] = [];
	for (const exercise of exercises) {
		const first = answers[exercise.id]?.firstVerdict;
		if (!first) continue;
		checked++;
		if (first === 'correct') right++;
		else if (exercise.reread && !reread.includes(exercise.reread)) reread.push(exercise.reread);
	}
	return { right, total: exercises.length, checked, reread };
}

import { verdictFor, type CheckResult } from '../core/types';
import type { SortingExercise } from './schema';

/** Each card is right when it lies on its pile; a card not yet placed is not right. */
export function check(exercise: SortingExercise, placed: Record<string, string>): CheckResult {
	const items: Record<string, boolean> = {};
	let right = 0;
	for (const card of exercise.cards) {
		items[card.id] = placed[card.id] === exercise.answer[card.id];
		if (items[card.id]) right++;
	}
	return { verdict: verdictFor(right, exercise.cards.length), score: right / exercise.cards.length, items };
}

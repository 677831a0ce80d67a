import { verdictFor, type CheckResult } from '../core/types';
import type { MatchingExercise } from './schema';

/** Each term is right when it is linked to its description. */
export function check(exercise: MatchingExercise, pairs: Record<string, string>): CheckResult {
	const items: Record<string, boolean> = {};
	let right = 0;
	for (const term of exercise.terms) {
		items[term.id] = pairs[term.id] === exercise.answer[term.id];
		if (items[term.id]) right++;
	}
	return { verdict: verdictFor(right, exercise.terms.length), score: right / exercise.terms.length, items };
}

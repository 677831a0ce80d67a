import type { CheckResult } from '../core/types';
import type { MultipleResponseExercise } from './schema';

/**
 * Every option counts: a right option must be chosen, a wrong one left alone.
 * Partly right when at least one right option is chosen but not everything is right.
 */
export function check(exercise: MultipleResponseExercise, choices: string[]): CheckResult {
	const chosen = new Set(choices);
	const answer = new Set(exercise.answer);
	const items: Record<string, boolean> = {};
	let right = 0;
	for (const option of exercise.options) {
		items[option.id] = chosen.has(option.id) === answer.has(option.id);
		if (items[option.id]) right++;
	}
	const hits = [...chosen].filter((id) => answer.has(id)).length;
	const verdict = right === exercise.options.length ? 'correct' : hits > 0 ? 'partial' : 'incorrect';
	return { verdict, score: right / exercise.options.length, items };
}

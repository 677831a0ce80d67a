import type { CheckResult } from '../core/types';
import type { SingleChoiceExercise } from './schema';

/** Right when the chosen option is the answer. `items` marks only the chosen option. */
export function check(exercise: SingleChoiceExercise, choice: string | null): CheckResult {
	const right = choice === exercise.answer;
	return {
		verdict: right ? 'correct' : 'incorrect',
		score: right ? 1 : 0,
		items: choice ? { [choice]: right } : {}
	};
}

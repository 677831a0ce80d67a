import { definitionOf, scoredDefinitionOf } from '../definitions';
import type { Exercise, ScoredExercise } from '../schemas';
import type { AnswerValue, CheckResult } from './types';

// Over all types, by looking the type up in definitions.ts: each type's rules are in its folder.

/** Check any scored exercise; null when the answer does not belong to this exercise type. */
export function checkAnswer(exercise: ScoredExercise, value: AnswerValue): CheckResult | null {
	if (exercise.type !== value.type) return null;
	return scoredDefinitionOf(exercise).check(exercise, value);
}

/** The answer that is right, in the stored shape: used by "Toon het juiste antwoord". */
export const rightAnswer = (exercise: ScoredExercise): AnswerValue => scoredDefinitionOf(exercise).right(exercise);

/** An empty answer of the right shape for a new attempt. */
export const emptyAnswer = (exercise: Exercise): AnswerValue => definitionOf(exercise).empty(exercise);

/** Is the answer complete enough to check? Returns the number of items still open. */
export function itemsOpen(exercise: Exercise, value: AnswerValue): number {
	return exercise.type === value.type ? definitionOf(exercise).open(exercise, value) : 1;
}

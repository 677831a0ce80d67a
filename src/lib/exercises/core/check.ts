import { check as checkMatching } from '../matching/check';
import { check as checkMultiple } from '../multiple-response/check';
import { check as checkSingle } from '../single-choice/check';
import { check as checkSorting } from '../sorting/check';
import type { Exercise, ScoredExercise } from '../schemas';
import type { AnswerValue, CheckResult } from './types';

/** Check any scored exercise; null when the answer does not belong to this exercise type. */
export function checkAnswer(exercise: ScoredExercise, value: AnswerValue): CheckResult | null {
	if (exercise.type !== value.type) return null;
	switch (value.type) {
		case 'single-choice':
			return checkSingle(exercise as Extract<Exercise, { type: 'single-choice' }>, value.choice);
		case 'multiple-response':
			return checkMultiple(exercise as Extract<Exercise, { type: 'multiple-response' }>, value.choices);
		case 'matching':
			return checkMatching(exercise as Extract<Exercise, { type: 'matching' }>, value.pairs);
		case 'sorting':
			return checkSorting(exercise as Extract<Exercise, { type: 'sorting' }>, value.placed);
		default:
			return null;
	}
}

/** The answer that is right, in the stored shape: used by "Toon het juiste antwoord". */
export function rightAnswer(exercise: ScoredExercise): AnswerValue {
	switch (exercise.type) {
		case 'single-choice':
			return { type: 'single-choice', choice: exercise.answer };
		case 'multiple-response':
			return { type: 'multiple-response', choices: [...exercise.answer] };
		case 'matching':
			return { type: 'matching', pairs: { ...exercise.answer } };
		case 'sorting':
			return { type: 'sorting', placed: { ...exercise.answer } };
	}
}

/** An empty answer of the right shape for a new attempt. */
export function emptyAnswer(exercise: Exercise): AnswerValue {
	switch (exercise.type) {
		case 'reflection':
			return { type: 'reflection', text: '' };
		case 'single-choice':
			return { type: 'single-choice', choice: null };
		case 'multiple-response':
			return { type: 'multiple-response', choices: [] };
		case 'matching':
			return { type: 'matching', pairs: {} };
		case 'sorting':
			return { type: 'sorting', placed: {} };
	}
}

/** Is the answer complete enough to check? Returns the number of items still open. */
export function itemsOpen(exercise: Exercise, value: AnswerValue): number {
	switch (value.type) {
		case 'reflection':
			return value.text.trim() ? 0 : 1;
		case 'single-choice':
			return value.choice ? 0 : 1;
		case 'multiple-response':
			return value.choices.length ? 0 : 1;
		case 'matching':
			return exercise.type === 'matching' ? exercise.terms.filter((t) => !value.pairs[t.id]).length : 0;
		case 'sorting':
			return exercise.type === 'sorting' ? exercise.cards.filter((c) => !value.placed[c.id]).length : 0;
	}
}

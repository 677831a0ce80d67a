import { textOf, type ScoredDefinition, type ValueOf } from '../core/definition';
import { check } from './check';
import type { SingleChoiceExercise } from './schema';

/** Single choice: the id of the chosen option, or null. */
export const singleChoice: ScoredDefinition<SingleChoiceExercise, ValueOf<'single-choice'>> = {
	empty: () => ({ type: 'single-choice', choice: null }),
	fit: (exercise, value) => ({
		type: 'single-choice',
		choice: typeof value.choice === 'string' && exercise.options.some((o) => o.id === value.choice) ? value.choice : null
	}),
	open: (_exercise, value) => (value.choice ? 0 : 1),
	describe: (exercise, value) => (value.choice ? [textOf(exercise.options, value.choice)] : []),
	check: (exercise, value) => check(exercise, value.choice),
	right: (exercise) => ({ type: 'single-choice', choice: exercise.answer }),
	items: (exercise) => exercise.options,
	keepRight: (value, right) => ({ type: 'single-choice', choice: value.choice && right[value.choice] ? value.choice : null }),
	kept: (kept, now) => (kept.choice && kept.choice === now.choice ? { [kept.choice]: 'right' } : {}),
	// Only the right option says "Juiste antwoord".
	revealedItems: (exercise) => [exercise.answer],
	// The one option chosen.
	tally: (exercise, value) => {
		const choice = singleChoice.fit(exercise, value).choice;
		return choice ? [choice] : [];
	}
};

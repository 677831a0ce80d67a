import type { MarkKind } from '../core/types';
import { textOf, type ScoredDefinition, type ValueOf } from '../core/definition';
import { check } from './check';
import type { MultipleResponseExercise } from './schema';

/** Multiple response: the ids of the ticked options, in the order shown. */
export const multipleResponse: ScoredDefinition<MultipleResponseExercise, ValueOf<'multiple-response'>> = {
	empty: () => ({ type: 'multiple-response', choices: [] }),
	fit: (exercise, value) => {
		const options = new Set(exercise.options.map((o) => o.id));
		const choices = Array.isArray(value.choices) ? value.choices : [];
		return { type: 'multiple-response', choices: [...new Set(choices)].filter((id) => options.has(id)) };
	},
	open: (_exercise, value) => (value.choices.length ? 0 : 1),
	describe: (exercise, value) => value.choices.map((id) => textOf(exercise.options, id)),
	check: (exercise, value) => check(exercise, value.choices),
	right: (exercise) => ({ type: 'multiple-response', choices: [...exercise.answer] }),
	items: (exercise) => exercise.options,
	keepRight: (value, right) => ({ type: 'multiple-response', choices: value.choices.filter((id) => right[id]) }),
	kept: (kept, now) => Object.fromEntries(kept.choices.filter((id) => now.choices.includes(id)).map((id) => [id, 'chosen' as const])),
	// Words that say what is true: an option left alone that does not belong gets no mark.
	checkedMarks: (exercise, value) => {
		const chosen = new Set(value.choices);
		const marks: Record<string, MarkKind> = {};
		for (const option of exercise.options) {
			const belongs = exercise.answer.includes(option.id);
			if (chosen.has(option.id)) marks[option.id] = belongs ? 'chosen' : 'notBelongs';
			else if (belongs) marks[option.id] = 'missed';
		}
		return marks;
	},
	// The options that belong say "Juiste antwoord".
	revealedItems: (exercise) => exercise.options.filter((o) => exercise.answer.includes(o.id)).map((o) => o.id),
	// Each ticked option, in the order shown.
	tally: (exercise, value) => {
		const chosen = new Set(multipleResponse.fit(exercise, value).choices);
		return exercise.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
	}
};

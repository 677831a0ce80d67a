import { keepKnown, rightPairs, samePairs, textOf, type ScoredDefinition, type ValueOf } from '../core/definition';
import { check } from './check';
import type { MatchingExercise } from './schema';

/** Matching: per term id the id of the chosen description (items assigned to targets). */
export const matching: ScoredDefinition<MatchingExercise, ValueOf<'matching'>> = {
	empty: () => ({ type: 'matching', pairs: {} }),
	fit: (exercise, value) => ({ type: 'matching', pairs: keepKnown(value.pairs, exercise.terms, exercise.descriptions) }),
	open: (exercise, value) => exercise.terms.filter((t) => !value.pairs[t.id]).length,
	describe: (exercise, value) =>
		exercise.terms.filter((t) => value.pairs[t.id]).map((t) => `${t.text}: ${textOf(exercise.descriptions, value.pairs[t.id])}`),
	check: (exercise, value) => check(exercise, value.pairs),
	right: (exercise) => ({ type: 'matching', pairs: { ...exercise.answer } }),
	items: (exercise) => exercise.terms,
	keepRight: (value, right) => ({ type: 'matching', pairs: rightPairs(value.pairs, right) }),
	kept: (kept, now) => Object.fromEntries(samePairs(kept.pairs, now.pairs).map((id) => [id, 'right' as const])),
	// `term=description` per linked term, in the order of the terms.
	tally: (exercise, value) => {
		const pairs = matching.fit(exercise, value).pairs;
		return exercise.terms.filter((t) => pairs[t.id]).map((t) => `${t.id}=${pairs[t.id]}`);
	}
};

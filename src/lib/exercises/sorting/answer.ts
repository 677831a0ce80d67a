import { keepKnown, rightPairs, samePairs, type ScoredDefinition, type ValueOf } from '../core/definition';
import { check } from './check';
import type { SortingExercise } from './schema';

/** Sorting: per card id the id of its pile (items assigned to targets, like matching). */
export const sorting: ScoredDefinition<SortingExercise, ValueOf<'sorting'>> = {
	empty: () => ({ type: 'sorting', placed: {} }),
	fit: (exercise, value) => ({ type: 'sorting', placed: keepKnown(value.placed, exercise.cards, exercise.piles) }),
	open: (exercise, value) => exercise.cards.filter((c) => !value.placed[c.id]).length,
	describe: (exercise, value) =>
		exercise.piles
			.map((p) => ({ pile: p.label, cards: exercise.cards.filter((c) => value.placed[c.id] === p.id).map((c) => c.text) }))
			.filter((p) => p.cards.length)
			.map((p) => `${p.pile}: ${p.cards.join(', ')}`),
	check: (exercise, value) => check(exercise, value.placed),
	right: (exercise) => ({ type: 'sorting', placed: { ...exercise.answer } }),
	items: (exercise) => exercise.cards,
	keepRight: (value, right) => ({ type: 'sorting', placed: rightPairs(value.placed, right) }),
	kept: (kept, now) => Object.fromEntries(samePairs(kept.placed, now.placed).map((id) => [id, 'right' as const])),
	// `card=pile` per placed card, in the order of the cards.
	tally: (exercise, value) => {
		const placed = sorting.fit(exercise, value).placed;
		return exercise.cards.filter((c) => placed[c.id]).map((c) => `${c.id}=${placed[c.id]}`);
	}
};

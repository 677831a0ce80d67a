import { z } from 'zod';
import { choiceItem, dutch, mustName, scoredBase, stableId, text, uniqueIds } from '../core/schema';

/** A pile cards can be put on. */
const pile = z
	.object(
		{
			/** Stable id, used in `answer`. */
			id: stableId,
			/** Shown above the pile and in "Leg hier: <label>". */
			label: text
		},
		{ error: dutch }
	)
	.strict();

/** Cards into piles: every card belongs on one pile. */
export const sortingSchema = scoredBase
	.extend({
		type: z.literal('sorting', { error: dutch }),
		piles: z.array(pile, { error: dutch }).min(2, { error: 'geef minstens twee stapels' }),
		cards: z.array(choiceItem, { error: dutch }).min(2, { error: 'geef minstens twee kaarten' }),
		/** card id → pile id. */
		answer: z.record(stableId, stableId, { error: dutch })
	})
	.strict()
	.superRefine((ex, ctx) => {
		const piles = uniqueIds(ex.piles, ctx, 'piles');
		const cards = uniqueIds(ex.cards, ctx, 'cards');
		for (const [card, pileId] of Object.entries(ex.answer)) {
			mustName(card, cards, ctx, ['answer', card], 'kaart');
			mustName(pileId, piles, ctx, ['answer', card], 'stapel');
		}
		for (const card of cards)
			if (!(card in ex.answer))
				ctx.addIssue({ code: 'custom', path: ['answer'], message: `kaart "${card}" heeft geen stapel` });
	});

export type SortingExercise = z.infer<typeof sortingSchema>;

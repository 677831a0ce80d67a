import { z } from 'zod';
import { choiceItem, dutch, mustName, scoredBase, stableId, uniqueIds } from '../core/schema';

/** One question, several options, exactly one right. */
export const singleChoiceSchema = scoredBase
	.extend({
		type: z.literal('single-choice', { error: dutch }),
		/** At least two options, shown in this order. */
		options: z.array(choiceItem, { error: dutch }).min(2, { error: 'geef minstens twee opties' }),
		/** The id of the right option. */
		answer: stableId
	})
	.strict()
	.superRefine((ex, ctx) => {
		const ids = uniqueIds(ex.options, ctx, 'options');
		mustName(ex.answer, ids, ctx, ['answer'], 'optie');
	});

export type SingleChoiceExercise = z.infer<typeof singleChoiceSchema>;

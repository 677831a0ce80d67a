import { z } from 'zod';
import { choiceItem, dutch, mustName, scoredBase, stableId, uniqueIds } from '../core/schema';

/** One question, several options, one or more right. */
export const multipleResponseSchema = scoredBase
	.extend({
		type: z.literal('multiple-response', { error: dutch }),
		options: z.array(choiceItem, { error: dutch }).min(2, { error: 'geef minstens twee opties' }),
		/** The ids of all right options. */
		answer: z.array(stableId, { error: dutch }).min(1, { error: 'noem minstens één juiste optie' })
	})
	.strict()
	.superRefine((ex, ctx) => {
		const ids = uniqueIds(ex.options, ctx, 'options');
		ex.answer.forEach((id, i) => mustName(id, ids, ctx, ['answer', i], 'optie'));
	});

export type MultipleResponseExercise = z.infer<typeof multipleResponseSchema>;

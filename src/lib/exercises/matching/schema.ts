import { z } from 'zod';
import { choiceItem, dutch, mustName, scoredBase, stableId, uniqueIds } from '../core/schema';

/** Terms to descriptions: every term gets exactly one description. */
export const matchingSchema = scoredBase
	.extend({
		type: z.literal('matching', { error: dutch }),
		terms: z.array(choiceItem, { error: dutch }).min(2, { error: 'geef minstens twee begrippen' }),
		/** At least as many descriptions as terms; extra ones are distractors. */
		descriptions: z.array(choiceItem, { error: dutch }).min(2, { error: 'geef minstens twee omschrijvingen' }),
		/** term id → description id. */
		answer: z.record(stableId, stableId, { error: dutch })
	})
	.strict()
	.superRefine((ex, ctx) => {
		const terms = uniqueIds(ex.terms, ctx, 'terms');
		const descriptions = uniqueIds(ex.descriptions, ctx, 'descriptions');
		for (const [term, description] of Object.entries(ex.answer)) {
			mustName(term, terms, ctx, ['answer', term], 'begrip');
			mustName(description, descriptions, ctx, ['answer', term], 'omschrijving');
		}
		for (const term of terms)
			if (!(term in ex.answer))
				ctx.addIssue({ code: 'custom', path: ['answer'], message: `begrip "${term}" heeft geen antwoord` });
	});

export type MatchingExercise = z.infer<typeof matchingSchema>;

import { z } from 'zod';
import { dutch, exerciseBase, text } from '../core/schema';

/** An open question. Not graded: after saving, the learner sees points to compare with. */
export const reflectionSchema = exerciseBase
	.extend({
		type: z.literal('reflection', { error: dutch }),
		/** Points from the e-tool to compare one's answer with. */
		points: z.array(text, { error: dutch }).min(1, { error: 'geef minstens één punt om mee te vergelijken' }),
		/** Longest answer in characters; the server accepts at most 10,000. */
		maxLength: z.number({ error: dutch }).int().min(100).max(10000).default(5000)
	})
	.strict();

export type ReflectionExercise = z.infer<typeof reflectionSchema>;

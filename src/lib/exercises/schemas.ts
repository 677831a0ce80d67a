import { z } from 'zod';
import { matchingSchema } from './matching/schema';
import { multipleResponseSchema } from './multiple-response/schema';
import { reflectionSchema } from './reflection/schema';
import { singleChoiceSchema } from './single-choice/schema';
import { sortingSchema } from './sorting/schema';

/** Every exercise type, keyed by the `type` field authors write. */
export const exerciseSchemas = {
	reflection: reflectionSchema,
	'single-choice': singleChoiceSchema,
	'multiple-response': multipleResponseSchema,
	matching: matchingSchema,
	sorting: sortingSchema
} as const;

export type ExerciseType = keyof typeof exerciseSchemas;
export const exerciseTypes = Object.keys(exerciseSchemas) as ExerciseType[];

export type Exercise = {
	[K in ExerciseType]: z.infer<(typeof exerciseSchemas)[K]>;
}[ExerciseType];

export type ScoredExercise = Exclude<Exercise, { type: 'reflection' }>;

export function isExerciseType(type: unknown): type is ExerciseType {
	return typeof type === 'string' && type in exerciseSchemas;
}

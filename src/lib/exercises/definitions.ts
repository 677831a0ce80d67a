// Every exercise type's answer definition (`<type>/answer.ts`): one line per type. The schemas are
// listed in schemas.ts (server and build only: zod stays out of the browser); views and loaders are
// found by their folder (views.ts, islands/exercise.ts).
import type { AnswerDefinition, ScoredDefinition, ValueOf } from './core/definition';
import type { AnswerValue } from './core/types';
import { matching } from './matching/answer';
import { multipleResponse } from './multiple-response/answer';
import { reflection } from './reflection/answer';
import type { Exercise, ExerciseType, ScoredExercise } from './schemas';
import { singleChoice } from './single-choice/answer';
import { sorting } from './sorting/answer';

const definitions = {
	reflection,
	'single-choice': singleChoice,
	'multiple-response': multipleResponse,
	matching,
	sorting
} satisfies { [K in ExerciseType]: AnswerDefinition<Extract<Exercise, { type: K }>, ValueOf<K>> };

/** The definition of an exercise's type, for answers of that type. */
export const definitionOf = (exercise: Exercise): AnswerDefinition<Exercise, AnswerValue> =>
	definitions[exercise.type] as unknown as AnswerDefinition<Exercise, AnswerValue>;

/** The definition of a graded exercise's type. */
export const scoredDefinitionOf = (exercise: ScoredExercise): ScoredDefinition<ScoredExercise, AnswerValue> =>
	definitions[exercise.type] as unknown as ScoredDefinition<ScoredExercise, AnswerValue>;

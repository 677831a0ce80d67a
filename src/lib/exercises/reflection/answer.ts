import type { AnswerDefinition, ValueOf } from '../core/definition';
import type { ReflectionExercise } from './schema';

/** A reflection: the learner's text. Never graded. */
export const reflection: AnswerDefinition<ReflectionExercise, ValueOf<'reflection'>> = {
	empty: () => ({ type: 'reflection', text: '' }),
	fit: (_exercise, value) => ({ type: 'reflection', text: typeof value.text === 'string' ? value.text : '' }),
	open: (_exercise, value) => (value.text.trim() ? 0 : 1),
	describe: (_exercise, value) => (value.text.trim() ? value.text.split(/\n+/).filter(Boolean) : [])
};

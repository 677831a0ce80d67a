import { definitionOf } from '../definitions';
import type { Exercise } from '../schemas';
import type { AnswerRecord } from './types';

/** A saved answer as readable lines, for "Mijn antwoorden" and its printout. */
export function describeAnswer(exercise: Exercise, record: AnswerRecord | undefined): string[] {
	if (!record || record.value.type !== exercise.type) return [];
	return definitionOf(exercise).describe(exercise, record.value);
}

import type { ReflectionExercise } from './schema';

/** Whether a reflection can be saved. Reflections are never graded: this only guards saving. */
export type SaveCheck = { saveable: true } | { saveable: false; problem: 'empty' } | { saveable: false; problem: 'too-long'; over: number };

/** An answer can be saved when it has more than white space and fits `maxLength`. */
export function check(exercise: ReflectionExercise, text: string): SaveCheck {
	if (!text.trim()) return { saveable: false, problem: 'empty' };
	if (text.length > exercise.maxLength) return { saveable: false, problem: 'too-long', over: text.length - exercise.maxLength };
	return { saveable: true };
}

/** Announce the characters left only near the limit, so typing is not interrupted all the time. */
export function nearLimit(exercise: ReflectionExercise, text: string): boolean {
	return text.length >= exercise.maxLength * 0.8;
}

/** "14:05": the time of a save, as shown in "Opgeslagen op dit apparaat om 14:05". */
export function clockTime(date: Date): string {
	return new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' }).format(date);
}

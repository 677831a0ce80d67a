import { describe, expect, it } from 'vitest';
import { check, clockTime, nearLimit } from './check';
import { examples } from './examples';
import { reflectionSchema } from './schema';

const exercise = examples[0]!.exercise;
const short = examples[1]!.exercise;

describe('reflection check (can it be saved?)', () => {
	it('accepts any text with more than white space', () => {
		expect(check(exercise, 'Een cliënt had geen wifi.')).toEqual({ saveable: true });
	});

	it('refuses an empty answer and one of only white space', () => {
		expect(check(exercise, '')).toEqual({ saveable: false, problem: 'empty' });
		expect(check(exercise, ' \n\t ')).toEqual({ saveable: false, problem: 'empty' });
	});

	it('refuses an answer over maxLength and says by how much', () => {
		expect(check(short, 'a'.repeat(500))).toEqual({ saveable: true });
		expect(check(short, 'a'.repeat(503))).toEqual({ saveable: false, problem: 'too-long', over: 3 });
	});

	it('announces the characters left only from 80% of the limit', () => {
		expect(nearLimit(short, 'a'.repeat(399))).toBe(false);
		expect(nearLimit(short, 'a'.repeat(400))).toBe(true);
	});

	it('shows the time of a save as HH:MM', () => {
		expect(clockTime(new Date(2024, 0, 1, 9, 5))).toBe('09:05');
		expect(clockTime(new Date(2024, 0, 1, 14, 30))).toBe('14:30');
	});

	it('fills in the default maxLength of 5000', () => {
		const { maxLength, ...withoutMax } = exercise;
		expect(maxLength).toBe(5000);
		expect(reflectionSchema.parse(withoutMax).maxLength).toBe(5000);
	});

	describe.each(examples)('example "$name"', ({ exercise: ex }) => {
		it('is valid content', () => expect(reflectionSchema.parse(ex)).toEqual(ex));
	});
});

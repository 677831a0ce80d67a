import { describe, expect, it } from 'vitest';
import { check } from './check';
import { examples } from './examples';
import { multipleResponseSchema } from './schema';

const exercise = examples[0]!.exercise;
const allRight = ['meebeslissen', 'meedenken', 'meedoen'];

describe('multiple-response check', () => {
	it('is right when exactly the right options are chosen, in any order', () => {
		const result = check(exercise, ['meedoen', 'meebeslissen', 'meedenken']);
		expect(result.verdict).toBe('correct');
		expect(result.score).toBe(1);
		expect(Object.values(result.items).every(Boolean)).toBe(true);
	});

	it('is partly right with some right options missing', () => {
		const result = check(exercise, ['meedenken']);
		expect(result.verdict).toBe('partial');
		expect(result.items).toEqual({ meebeslissen: false, meedenken: true, meelopen: true, meedoen: false });
		expect(result.score).toBe(0.5);
	});

	it('is partly right with all right options plus a wrong one', () => {
		const result = check(exercise, [...allRight, 'meelopen']);
		expect(result.verdict).toBe('partial');
		expect(result.items.meelopen).toBe(false);
	});

	it('is wrong with only wrong options', () => {
		expect(check(exercise, ['meelopen']).verdict).toBe('incorrect');
	});

	it('is wrong when nothing is chosen, and marks every right option as missed', () => {
		const result = check(exercise, []);
		expect(result.verdict).toBe('incorrect');
		expect(result.items).toEqual({ meebeslissen: false, meedenken: false, meelopen: true, meedoen: false });
	});

	it('ignores unknown ids and counts a repeated id once', () => {
		expect(check(exercise, [...allRight, 'bestaat-niet']).verdict).toBe('correct');
		expect(check(exercise, [...allRight, 'meedoen']).verdict).toBe('correct');
		expect(check(exercise, ['bestaat-niet']).verdict).toBe('incorrect');
	});

	describe.each(examples)('example "$name"', ({ exercise: ex, answers }) => {
		it('is valid content', () => expect(multipleResponseSchema.parse(ex)).toEqual(ex));
		it.each(answers)('answer "$name" is $verdict', ({ value, verdict }) => {
			expect(check(ex, value.choices).verdict).toBe(verdict);
		});
	});
});

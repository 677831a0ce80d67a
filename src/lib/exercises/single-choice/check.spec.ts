import { describe, expect, it } from 'vitest';
import { check } from './check';
import { examples } from './examples';
import { singleChoiceSchema } from './schema';

const [first] = examples;
const exercise = first!.exercise;

describe('single-choice check', () => {
	it('marks the right option as right', () => {
		expect(check(exercise, 'driehonderdduizend')).toEqual({
			verdict: 'correct',
			score: 1,
			items: { driehonderdduizend: true }
		});
	});

	it('marks a wrong option as wrong, never as partly right', () => {
		const result = check(exercise, 'honderdduizend');
		expect(result.verdict).toBe('incorrect');
		expect(result.score).toBe(0);
		expect(result.items).toEqual({ honderdduizend: false });
	});

	it('gives nothing to mark when nothing is chosen', () => {
		expect(check(exercise, null)).toEqual({ verdict: 'incorrect', score: 0, items: {} });
	});

	it('treats an unknown id (an option since removed) as wrong', () => {
		expect(check(exercise, 'bestaat-niet').verdict).toBe('incorrect');
	});

	describe.each(examples)('example "$name"', ({ exercise: ex, answers }) => {
		it('is valid content', () => expect(singleChoiceSchema.parse(ex)).toEqual(ex));
		it.each(answers)('answer "$name" is $verdict', ({ value, verdict }) => {
			expect(check(ex, value.choice).verdict).toBe(verdict);
		});
	});
});

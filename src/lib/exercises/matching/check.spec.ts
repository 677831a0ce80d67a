import { describe, expect, it } from 'vitest';
import { check } from './check';
import { examples } from './examples';
import { matchingSchema } from './schema';

const exercise = examples[0]!.exercise;

describe('matching check', () => {
	it('is right when every term has its description', () => {
		const result = check(exercise, { ...exercise.answer });
		expect(result).toEqual({
			verdict: 'correct',
			score: 1,
			items: { digitoeleiding: true, digitoerusting: true, digigebruik: true, 'digi-outcome': true }
		});
	});

	it('is partly right when some terms are linked wrongly, and marks exactly those', () => {
		const result = check(exercise, { ...exercise.answer, digitoeleiding: 'toegang', digitoerusting: 'opleiden' });
		expect(result.verdict).toBe('partial');
		expect(result.score).toBe(0.5);
		expect(result.items).toEqual({ digitoeleiding: false, digitoerusting: false, digigebruik: true, 'digi-outcome': true });
	});

	it('is wrong when no term is right', () => {
		const result = check(exercise, { digitoeleiding: 'voordelen', digitoerusting: 'motiveren', digigebruik: 'toegang', 'digi-outcome': 'opleiden' });
		expect(result.verdict).toBe('incorrect');
		expect(result.score).toBe(0);
	});

	it('is wrong when nothing is linked', () => {
		const result = check(exercise, {});
		expect(result.verdict).toBe('incorrect');
		expect(Object.values(result.items)).toEqual([false, false, false, false]);
	});

	it('ignores unknown terms and treats an unknown description as wrong', () => {
		const result = check(exercise, { ...exercise.answer, 'bestaat-niet': 'opleiden', digigebruik: 'bestaat-niet' });
		expect(result.verdict).toBe('partial');
		expect(Object.keys(result.items)).not.toContain('bestaat-niet');
		expect(result.items.digigebruik).toBe(false);
	});

	describe.each(examples)('example "$name"', ({ exercise: ex, answers }) => {
		it('is valid content', () => expect(matchingSchema.parse(ex)).toEqual(ex));
		it.each(answers)('answer "$name" is $verdict', ({ value, verdict }) => {
			expect(check(ex, value.pairs).verdict).toBe(verdict);
		});
	});
});

import { describe, expect, it } from 'vitest';
import { check } from './check';
import { examples } from './examples';
import { sortingSchema } from './schema';

const exercise = examples[0]!.exercise;

describe('sorting check', () => {
	it('is right when every card lies on its pile', () => {
		const result = check(exercise, { ...exercise.answer });
		expect(result.verdict).toBe('correct');
		expect(result.score).toBe(1);
	});

	it('is partly right with one card on the wrong pile, and marks that card', () => {
		const result = check(exercise, { ...exercise.answer, ouderen: 'hoog' });
		expect(result.verdict).toBe('partial');
		expect(result.score).toBe(0.75);
		expect(result.items).toEqual({ jongeren: true, 'hoger-inkomen': true, ouderen: false, 'lager-inkomen': true });
	});

	it('is wrong when every card is on the wrong pile', () => {
		expect(check(exercise, { jongeren: 'laag', 'hoger-inkomen': 'laag', ouderen: 'hoog', 'lager-inkomen': 'hoog' }).verdict).toBe('incorrect');
	});

	it('counts a card not yet placed as not right', () => {
		const result = check(exercise, { jongeren: 'hoog' });
		expect(result.verdict).toBe('partial');
		expect(result.items.ouderen).toBe(false);
		expect(check(exercise, {}).verdict).toBe('incorrect');
	});

	it('ignores unknown cards and treats an unknown pile as wrong', () => {
		const result = check(exercise, { ...exercise.answer, 'bestaat-niet': 'hoog', jongeren: 'middel' });
		expect(Object.keys(result.items)).not.toContain('bestaat-niet');
		expect(result.items.jongeren).toBe(false);
		expect(result.verdict).toBe('partial');
	});

	describe.each(examples)('example "$name"', ({ exercise: ex, answers }) => {
		it('is valid content', () => expect(sortingSchema.parse(ex)).toEqual(ex));
		it.each(answers)('answer "$name" is $verdict', ({ value, verdict }) => {
			expect(check(ex, value.placed).verdict).toBe(verdict);
		});
	});
});

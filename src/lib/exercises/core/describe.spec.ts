import { describe, expect, it } from 'vitest';
import { describeAnswer } from './describe';
import type { Exercise } from '../schemas';

const sorting = {
	id: 's',
	type: 'sorting',
	title: 'S',
	prompt: 'P',
	piles: [{ id: 'hoog', label: 'Hoog' }, { id: 'laag', label: 'Laag' }],
	cards: [{ id: 'j', text: 'Jongeren' }, { id: 'o', text: 'Ouderen' }, { id: 'i', text: 'Inkomen' }],
	answer: { j: 'hoog', o: 'laag', i: 'laag' }
} as Exercise;

const at = '2026-11-01T00:00:00.000Z';

describe('describeAnswer', () => {
	it('lists cards per pile in the order of the piles', () => {
		const lines = describeAnswer(sorting, { value: { type: 'sorting', placed: { o: 'laag', j: 'hoog', i: 'laag' } }, attempts: 1, savedAt: at });
		expect(lines).toEqual(['Hoog: Jongeren', 'Laag: Ouderen, Inkomen']);
	});

	it('gives a reflection as its paragraphs and nothing for an empty or missing answer', () => {
		const reflection = { id: 'r', type: 'reflection', title: 'R', prompt: 'P', points: ['x'], maxLength: 5000 } as Exercise;
		expect(describeAnswer(reflection, { value: { type: 'reflection', text: 'Een\n\nTwee' }, attempts: 1, savedAt: at })).toEqual(['Een', 'Twee']);
		expect(describeAnswer(reflection, { value: { type: 'reflection', text: '  ' }, attempts: 0, savedAt: at })).toEqual([]);
		expect(describeAnswer(reflection, undefined)).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { examples as matching } from '../matching/examples';
import { examples as multiple } from '../multiple-response/examples';
import { examples as single } from '../single-choice/examples';
import { examples as sorting } from '../sorting/examples';
import { scoredDefinitionOf } from '../definitions';
import type { AnswerValue } from './types';
import type { ScoredExercise } from '../schemas';

// `tally` (issue 11): the keys a team board counts per answer. The board shows only these counts,
// so a key must name a choice of the exercise and nothing else.
const tally = (exercise: ScoredExercise, value: AnswerValue) => scoredDefinitionOf(exercise).tally(exercise, value);

describe('tally: what a team board counts of one answer', () => {
	it('single choice: the chosen option, or nothing', () => {
		const exercise = single[0]!.exercise;
		expect(tally(exercise, { type: 'single-choice', choice: 'driehonderdduizend' })).toEqual(['driehonderdduizend']);
		expect(tally(exercise, { type: 'single-choice', choice: null })).toEqual([]);
		expect(tally(exercise, { type: 'single-choice', choice: 'bestaat-niet' })).toEqual([]);
	});

	it('multiple response: each ticked option once, in the order shown', () => {
		const exercise = multiple[0]!.exercise;
		const value: AnswerValue = { type: 'multiple-response', choices: ['meedoen', 'meebeslissen', 'meedoen', 'weg'] };
		expect(tally(exercise, value)).toEqual(['meebeslissen', 'meedoen']);
		expect(tally(exercise, { type: 'multiple-response', choices: [] })).toEqual([]);
	});

	it('matching: term=description per linked term, in term order; unknown ids left out', () => {
		const exercise = matching[0]!.exercise;
		const value: AnswerValue = { type: 'matching', pairs: { digigebruik: 'motiveren', digitoeleiding: 'toegang', x: 'opleiden', 'digi-outcome': 'weg' } };
		expect(tally(exercise, value)).toEqual(['digitoeleiding=toegang', 'digigebruik=motiveren']);
	});

	it('sorting: card=pile per placed card, in card order', () => {
		const exercise = sorting[0]!.exercise;
		const value: AnswerValue = { type: 'sorting', placed: { ouderen: 'hoog', jongeren: 'hoog', 'lager-inkomen': 'nergens' } };
		expect(tally(exercise, value)).toEqual(['jongeren=hoog', 'ouderen=hoog']);
	});

	it('gives every example answer keys that name only the exercise\'s own ids', () => {
		for (const { exercise, answers } of [...single, ...multiple, ...matching, ...sorting] as { exercise: ScoredExercise; answers: { value: AnswerValue }[] }[]) {
			const ids = new Set(JSON.stringify(exercise).match(/"id":"[^"]+"/g)!.map((m) => m.slice(6, -1)));
			for (const { value } of answers) {
				const keys = tally(exercise, value);
				expect(keys.length, exercise.id).toBeGreaterThan(0);
				for (const key of keys) for (const part of key.split('=')) expect(ids.has(part), `${exercise.id}: ${key}`).toBe(true);
			}
		}
	});
});

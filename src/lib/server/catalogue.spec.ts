import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '$lib/exercises/core/types';
import { rejectUnknown, type Catalogue } from './catalogue';

const known: Catalogue = {
	exercises: new Map([
		['eigen-ervaring', 'reflection'],
		['vier-factoren', 'single-choice']
	]),
	sections: new Set(['inleiding/kansen'])
};
const answer = (exerciseId: string, value: AnswerValue) => ({ id: 'change-1', kind: 'answer' as const, exerciseId, record: { value, attempts: 1, savedAt: '2026-11-28T10:00:00.000Z' } });
const visit = (path: string) => ({ id: 'change-2', kind: 'visit' as const, path, visitedAt: '2026-11-28T10:00:00.000Z' });

describe('changes that do not fit the e-tool', () => {
	it('accepts known exercises of the right type and known sections', () => {
		expect(rejectUnknown([answer('eigen-ervaring', { type: 'reflection', text: 'x' }), visit('inleiding/kansen')], known)).toBeNull();
	});

	it('names an unknown exercise', () => {
		expect(rejectUnknown([answer('weg', { type: 'reflection', text: 'x' })], known)).toEqual({
			code: 'unknown_exercise',
			message: 'Oefening "weg" bestaat niet in deze e-tool (wijziging change-1).'
		});
	});

	it('names the exercise and both types when they differ', () => {
		const rejection = rejectUnknown([answer('vier-factoren', { type: 'reflection', text: 'x' })], known);
		expect(rejection?.code).toBe('type_mismatch');
		expect(rejection?.message).toContain('"vier-factoren" is van het type "single-choice", niet "reflection"');
	});

	it('names an unknown section, after the good changes before it', () => {
		const rejection = rejectUnknown([visit('inleiding/kansen'), visit('inleiding/weg')], known);
		expect(rejection).toMatchObject({ code: 'unknown_section', message: expect.stringContaining('"inleiding/weg"') });
	});
});

import { describe, expect, it } from 'vitest';
import { emptyProgress } from '$lib/progress/model';
import { TEAM_LIMITS } from './contract';
import { nextBatch } from './queue';

const at = '2026-12-01T10:00:00.000Z';
function progress() {
	const p = emptyProgress('etool', at);
	p.answers = {
		keuze: { value: { type: 'single-choice', choice: 'a' }, attempts: 2, verdict: 'correct', firstVerdict: 'incorrect', savedAt: at },
		nietgecontroleerd: { value: { type: 'single-choice', choice: 'b' }, attempts: 0, savedAt: at },
		reflectie: { value: { type: 'reflection', text: 'mijn eigen gedachten' }, attempts: 1, savedAt: at }
	};
	p.sections = { 'h1/s1': { visitedAt: at }, 'h1/s2': { visitedAt: at } };
	return p;
}

describe('what a participant reports to the session', () => {
	it('sends checked scored answers with their first verdict and the sections opened; never a reflection or an unchecked answer', () => {
		expect(nextBatch(progress(), new Set(), new Set())).toEqual({
			answers: [{ exerciseId: 'keuze', value: { type: 'single-choice', choice: 'a' }, firstVerdict: 'incorrect' }],
			sections: ['h1/s1', 'h1/s2']
		});
	});

	it('sends nothing twice, and nothing when all went', () => {
		expect(nextBatch(progress(), new Set(['keuze']), new Set(['h1/s1']))).toEqual({ answers: [], sections: ['h1/s2'] });
		expect(nextBatch(progress(), new Set(['keuze']), new Set(['h1/s1', 'h1/s2']))).toBeNull();
	});

	it('keeps a batch within the endpoint limits', () => {
		const p = progress();
		for (let i = 0; i < 120; i++) p.answers[`x${i}`] = { value: { type: 'single-choice', choice: 'a' }, attempts: 1, verdict: 'correct', firstVerdict: 'correct', savedAt: at };
		for (let i = 0; i < 150; i++) p.sections[`h/s${i}`] = { visitedAt: at };
		const batch = nextBatch(p, new Set(), new Set())!;
		expect(batch.answers).toHaveLength(TEAM_LIMITS.answers);
		expect(batch.sections).toHaveLength(TEAM_LIMITS.sections);
	});
});

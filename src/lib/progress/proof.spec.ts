import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress } from './model';
import { proofFacts } from './proof';

const checked = (attempts: number, firstVerdict: AnswerRecord['verdict'], revealed = false): AnswerRecord => ({
	value: { type: 'single-choice', choice: 'a' },
	attempts,
	verdict: 'correct',
	firstVerdict,
	revealed,
	savedAt: '2026-11-30T10:00:00.000Z'
});

describe('the proof of participation', () => {
	it('lists finished learning sections only, not reference sections', () => {
		const progress = emptyProgress('cursus');
		const end = { visitedAt: '2026-11-30T10:00:00.000Z', endReachedAt: '2026-11-30T10:05:00.000Z' };
		progress.sections = { 'a/een': end, 'a/twee': { visitedAt: end.visitedAt }, 'b/bronnen': end };
		// q2 is right now, but was not at its first check: it does not count.
		progress.answers = { q1: checked(1, 'correct'), q2: checked(3, 'partial') };
		const sections = [
			{ path: 'a/een', exerciseIds: [] },
			{ path: 'a/twee', exerciseIds: [] },
			{ path: 'a/quiz', exerciseIds: ['q1', 'q2'] },
			{ path: 'b/bronnen', exerciseIds: [], counts: false }
		];
		expect(proofFacts(sections, ['q1', 'q2'], progress)).toEqual({ done: ['a/een'], total: 3, right: 1, scored: 2 });
	});
});

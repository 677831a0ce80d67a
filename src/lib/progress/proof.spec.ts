import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress } from './model';
import { proofFacts, rightFirstTime } from './proof';

const checked = (attempts: number, verdict: AnswerRecord['verdict'], revealed = false): AnswerRecord => ({
	value: { type: 'single-choice', choice: 'a' },
	attempts,
	verdict,
	revealed,
	savedAt: '2026-11-30T10:00:00.000Z'
});

describe('the proof of participation', () => {
	it('counts an exercise only when it was right at the first check, without looking at the answer', () => {
		expect(rightFirstTime(checked(1, 'correct'))).toBe(true);
		expect(rightFirstTime(checked(2, 'correct'))).toBe(false);
		expect(rightFirstTime(checked(1, 'partial'))).toBe(false);
		expect(rightFirstTime(checked(1, 'correct', true))).toBe(false);
		expect(rightFirstTime(undefined)).toBe(false);
	});

	it('lists finished learning sections only, not reference sections', () => {
		const progress = emptyProgress('cursus');
		const end = { visitedAt: '2026-11-30T10:00:00.000Z', endReachedAt: '2026-11-30T10:05:00.000Z' };
		progress.sections = { 'a/een': end, 'a/twee': { visitedAt: end.visitedAt }, 'b/bronnen': end };
		progress.answers = { q1: checked(1, 'correct'), q2: checked(3, 'correct') };
		const sections = [
			{ path: 'a/een', exerciseIds: [] },
			{ path: 'a/twee', exerciseIds: [] },
			{ path: 'a/quiz', exerciseIds: ['q1', 'q2'] },
			{ path: 'b/bronnen', exerciseIds: [], counts: false }
		];
		expect(proofFacts(sections, ['q1', 'q2'], progress)).toEqual({ done: ['a/een'], total: 3, right: 1, scored: 2 });
	});
});

import { describe, expect, it } from 'vitest';
import { quizScore } from './score';
import type { AnswerRecord, Verdict } from './types';

const record = (firstVerdict: Verdict | undefined, verdict?: Verdict): AnswerRecord => ({
	value: { type: 'single-choice', choice: 'a' },
	attempts: firstVerdict ? 2 : 0,
	...(verdict ? { verdict } : {}),
	...(firstVerdict ? { firstVerdict } : {}),
	savedAt: '2026-11-30T10:00:00.000Z'
});

const quiz = [
	{ id: 'sorteren', reread: 'de-vier-factoren/digigebruik' },
	{ id: 'kiezen', reread: 'de-digitale-kloof/digivaardigheid' },
	{ id: 'koppelen', reread: 'de-vier-factoren/digigebruik' },
	{ id: 'aankruisen' }
];

describe('quizScore', () => {
	it('counts only what was right at the first check, not a later right answer', () => {
		const score = quizScore(quiz, {
			sorteren: record('correct', 'correct'),
			kiezen: record('incorrect', 'correct'),
			koppelen: record('partial', 'correct'),
			aankruisen: record('correct', 'incorrect')
		});
		expect(score).toEqual({
			right: 2,
			total: 4,
			checked: 4,
			// Each section once, in the order of the exercises.
			reread: ['de-digitale-kloof/digivaardigheid', 'de-vier-factoren/digigebruik']
		});
	});

	it('an exercise never checked is open: in the total, not checked, nothing to reread', () => {
		expect(quizScore(quiz, { kiezen: record(undefined), koppelen: record('correct', 'correct') })).toEqual({
			right: 1,
			total: 4,
			checked: 1,
			reread: []
		});
	});

	it('a wrong first try without a section to reread adds nothing to reread', () => {
		expect(quizScore(quiz, { aankruisen: record('incorrect') }).reread).toEqual([]);
	});

	it('no exercises, no score', () => {
		expect(quizScore([], {})).toEqual({ right: 0, total: 0, checked: 0, reread: [] });
	});
});

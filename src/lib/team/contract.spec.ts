import { describe, expect, it } from 'vitest';
import {
	checkCreateBody,
	checkDecisionBody,
	checkJoinBody,
	checkProgressBody,
	checkShareBody,
	checkWithdrawBody,
	formatJoinCode,
	normaliseJoinCode,
	reflectionProblem,
	TEAM_LIMITS,
	teamText,
	titleProblem
} from './contract';

describe('team contract', () => {
	it('reads a join code without case, spaces or dashes, and only from the code alphabet', () => {
		expect(normaliseJoinCode('abc-def')).toBe('ABCDEF');
		expect(normaliseJoinCode(' AB C D-EF ')).toBe('ABCDEF');
		expect(normaliseJoinCode('ABCDE')).toBeNull();
		expect(normaliseJoinCode('ABCDEFG')).toBeNull();
		expect(normaliseJoinCode('ABCDE0')).toBeNull(); // 0 is no symbol of the alphabet
		expect(normaliseJoinCode('A'.repeat(40))).toBeNull();
		expect(normaliseJoinCode(42)).toBeNull();
		expect(formatJoinCode('ABCDEF')).toBe('ABC-DEF');
	});

	it('takes a title of 1 to 80 characters, trimmed, on one line, without direction overrides', () => {
		expect(checkCreateBody({ title: '  Team Noord  ' })).toEqual({ ok: true, value: { title: 'Team Noord' } });
		expect(checkCreateBody({ title: 'x'.repeat(80) }).ok).toBe(true);
		expect(checkCreateBody({ title: 'x'.repeat(81) })).toMatchObject({ ok: false, field: 'title', problem: 'long' });
		expect(checkCreateBody({ title: '   ' })).toMatchObject({ ok: false, problem: 'empty' });
		expect(titleProblem('a\nb')).toBe('control');
		expect(titleProblem('abc\u202Efed')).toBe('control');
		expect(checkCreateBody({})).toMatchObject({ ok: false, field: 'title', problem: 'invalid' });
		expect(checkCreateBody(null).ok).toBe(false);
	});

	it('shares a reflection of 1 to 2,000 characters exactly as previewed; refuses overrides and endless words', () => {
		expect(teamText(' Eerste regel\r\nTweede regel \n')).toBe('Eerste regel\nTweede regel');
		expect(checkShareBody({ exerciseId: 'r1', text: ' Eerste\r\nTweede ' })).toEqual({ ok: true, value: { exerciseId: 'r1', text: 'Eerste\nTweede' } });
		const words = ('woord '.repeat(400)).trim(); // 2,399 characters
		expect(reflectionProblem(words.slice(0, TEAM_LIMITS.text))).toBeNull();
		expect(reflectionProblem(words)).toBe('long');
		expect(reflectionProblem('x'.repeat(TEAM_LIMITS.word))).toBeNull();
		expect(reflectionProblem('x'.repeat(TEAM_LIMITS.word + 1))).toBe('word');
		expect(reflectionProblem('x'.repeat(10_000))).toBe('long');
		expect(reflectionProblem('tekst \u2066verborgen\u2069')).toBe('control');
		expect(reflectionProblem('bel\u0007')).toBe('control');
		expect(reflectionProblem('tab\tmag')).toBeNull();
		expect(reflectionProblem('<script>alert(1)</script>')).toBeNull(); // text is shown as text, never as HTML
		expect(checkShareBody({ exerciseId: '', text: 'x' })).toMatchObject({ ok: false, field: 'exerciseId' });
		expect(checkShareBody({ exerciseId: 'r1', text: 5 })).toMatchObject({ ok: false, field: 'text' });
	});

	it('takes scored first attempts and section paths within the batch limits', () => {
		const answer = { exerciseId: 'e1', value: { type: 'single-choice', choice: 'a' }, firstVerdict: 'correct', extra: 1 };
		expect(checkProgressBody({ answers: [answer], sections: ['h/s', 'h/s'] })).toEqual({
			ok: true,
			value: { answers: [{ exerciseId: 'e1', value: { type: 'single-choice', choice: 'a' }, firstVerdict: 'correct' }], sections: ['h/s'] }
		});
		expect(checkProgressBody({ answers: [] }).ok).toBe(true);
		expect(checkProgressBody({ answers: Array(TEAM_LIMITS.answers + 1).fill(answer) })).toMatchObject({ ok: false, field: 'answers' });
		expect(checkProgressBody({ sections: Array(TEAM_LIMITS.sections + 1).fill('h/s') })).toMatchObject({ ok: false, field: 'sections' });
		expect(checkProgressBody({ answers: [{ ...answer, value: { type: 'reflection', text: 'mijn tekst' } }] }).ok).toBe(false);
		expect(checkProgressBody({ answers: [{ ...answer, firstVerdict: 'great' }] }).ok).toBe(false);
		expect(checkProgressBody({ sections: [''] }).ok).toBe(false);
		expect(checkProgressBody([]).ok).toBe(false);
	});

	it('checks withdraw, decision and join bodies', () => {
		expect(checkWithdrawBody({ exerciseId: 'r1' })).toEqual({ ok: true, value: { exerciseId: 'r1' } });
		expect(checkWithdrawBody({}).ok).toBe(false);
		const id = 'A'.repeat(22);
		expect(checkDecisionBody({ id, decision: 'approve' })).toEqual({ ok: true, value: { id, decision: 'approve' } });
		expect(checkDecisionBody({ id, decision: 'delete' }).ok).toBe(false);
		expect(checkDecisionBody({ id: 'kort', decision: 'hide' }).ok).toBe(false);
		expect(checkJoinBody({ code: 'abc-def' })).toEqual({ ok: true, value: { code: 'ABCDEF' } });
		expect(checkJoinBody({ code: 'fout' })).toEqual({ ok: true, value: { code: '' } });
		expect(checkJoinBody({ code: 'x'.repeat(33) }).ok).toBe(false);
	});
});

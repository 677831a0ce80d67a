import { describe, expect, it } from 'vitest';
import { parseBody, resumeBodySchema, syncBodySchema } from './api-schema';

const record = { value: { type: 'reflection', text: 'Mijn antwoord' }, attempts: 1, savedAt: '2026-11-28T10:00:00Z' };
const change = { id: 'change-01', kind: 'answer', exerciseId: 'eigen-ervaring', record };

describe('request bodies', () => {
	it('accept a change and store times in one form, so text order is time order', () => {
		const parsed = parseBody(syncBodySchema, { changes: [change, { id: 'change-02', kind: 'visit', path: 'a/b', visitedAt: '2026-11-28T10:00:00.5Z' }] });
		expect(parsed).toEqual({
			data: {
				changes: [
					{ ...change, record: { ...record, savedAt: '2026-11-28T10:00:00.000Z' } },
					{ id: 'change-02', kind: 'visit', path: 'a/b', visitedAt: '2026-11-28T10:00:00.500Z' }
				]
			}
		});
	});

	it('drop fields they do not know, so nothing unknown is stored', () => {
		const parsed = parseBody(syncBodySchema, { changes: [{ ...change, extra: 1, record: { ...record, note: 'x' } }], device: 'y' });
		expect(parsed).toEqual({ data: { changes: [{ ...change, record: { ...record, savedAt: '2026-11-28T10:00:00.000Z' } }] } });
	});

	it('keep the first check\'s verdict, so the quiz score survives a move to another device', () => {
		const scored = { value: { type: 'single-choice', choice: 'a' }, attempts: 2, verdict: 'correct', firstVerdict: 'incorrect', savedAt: '2026-11-28T10:00:00.000Z' };
		const parsed = parseBody(syncBodySchema, { changes: [{ ...change, record: scored }] });
		expect(parsed).toEqual({ data: { changes: [{ ...change, record: scored }] } });
		expect('message' in parseBody(syncBodySchema, { changes: [{ ...change, record: { ...scored, firstVerdict: 'bijna' } }] })).toBe(true);
	});

	it('name each wrong field in Dutch', () => {
		const parsed = parseBody(syncBodySchema, { changes: [{ ...change, id: 'x', record: { ...record, verdict: 'goed', revealed: 'ja' } }] });
		expect('message' in parsed && parsed.message).toBe(
			'De gegevens kloppen niet. changes.0.id: moet 8 tot 64 tekens zijn: letters, cijfers, _ of -; ' +
				'changes.0.record.verdict: moet "correct" of "partial" of "incorrect" zijn; changes.0.record.revealed: moet true of false zijn.'
		);
	});

	it('check each answer type', () => {
		const value = (v: unknown) => parseBody(syncBodySchema, { changes: [{ ...change, record: { ...record, value: v } }] });
		expect('data' in value({ type: 'single-choice', choice: null })).toBe(true);
		expect('data' in value({ type: 'multiple-response', choices: ['a', 'b'] })).toBe(true);
		expect('data' in value({ type: 'matching', pairs: { a: 'b' } })).toBe(true);
		expect('data' in value({ type: 'sorting', placed: { a: 'b' } })).toBe(true);
		expect(value({ type: 'matching', pairs: ['a'] })).toEqual({ message: expect.stringContaining('record.value.pairs: moet een groep velden zijn') });
		expect(value({ type: 'multiple-response', choices: [''] })).toEqual({ message: expect.stringContaining('choices.0: mag niet leeg zijn') });
	});

	it('take a resume code of at most 64 characters', () => {
		expect(parseBody(resumeBodySchema, { code: 'abcd efgh' })).toEqual({ data: { code: 'abcd efgh' } });
		expect(parseBody(resumeBodySchema, { code: 'x'.repeat(65) })).toEqual({ message: expect.stringContaining('code: een code heeft 14 tekens') });
	});
});

import { describe, expect, it } from 'vitest';
import { stableId } from '$lib/exercises/core/schema';
import { changeSchema, parseBody, resumeBodySchema, syncBodySchema } from '$lib/server/api-schema';
import { BODY_LIMIT } from '$lib/server/api';
import { CODE_LENGTH, isChange, LIMITS, normaliseCode, type Change } from './contract';
import { readProgress } from './model';
import { MAX_BATCH, nextBatch, readQueue } from './sync';

// One contract, two notations (hand checks in the browser, zod on the server): at every boundary
// both must say the same, or a learner's answer is kept on the device and refused by the server
// (or the other way round) and silently never arrives.

const at = '2026-11-30T10:00:00.000Z';
const id = (n: number) => 'a'.repeat(n);
const answer = (value: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
	id: 'change-01',
	kind: 'answer',
	exerciseId: 'oefening',
	record: { value, attempts: 1, savedAt: at, ...extra }
});
const visit = (extra: Record<string, unknown> = {}) => ({ id: 'change-02', kind: 'visit', path: 'hoofdstuk/sectie', visitedAt: at, ...extra });
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const map = (n: number, key = 10, value = 10) => Object.fromEntries(many(n, (i) => `${String(i).padStart(key, 'k')}`).map((k) => [k, id(value)]));

/** [what, change, should it be accepted] */
const cases: [string, unknown, boolean][] = [
	['a reflection at the maximum length', answer({ type: 'reflection', text: 'x'.repeat(LIMITS.text) }), true],
	['a reflection one character over', answer({ type: 'reflection', text: 'x'.repeat(LIMITS.text + 1) }), false],
	['an empty reflection', answer({ type: 'reflection', text: '' }), true],
	['an exercise id at the maximum length', { ...answer({ type: 'single-choice', choice: null }), exerciseId: id(LIMITS.id) }, true],
	['an exercise id one over', { ...answer({ type: 'single-choice', choice: null }), exerciseId: id(LIMITS.id + 1) }, false],
	['an empty exercise id', { ...answer({ type: 'single-choice', choice: null }), exerciseId: '' }, false],
	['a choice id at the maximum length', answer({ type: 'single-choice', choice: id(LIMITS.id) }), true],
	['a choice id one over', answer({ type: 'single-choice', choice: id(LIMITS.id + 1) }), false],
	['an empty choice id', answer({ type: 'single-choice', choice: '' }), false],
	['no choice at all', answer({ type: 'single-choice' }), false],
	['the most options ticked', answer({ type: 'multiple-response', choices: many(LIMITS.items, (i) => `o${i}`) }), true],
	['one option too many', answer({ type: 'multiple-response', choices: many(LIMITS.items + 1, (i) => `o${i}`) }), false],
	['an option id one over', answer({ type: 'multiple-response', choices: [id(LIMITS.id + 1)] }), false],
	['the most terms matched', answer({ type: 'matching', pairs: map(LIMITS.items) }), true],
	['one term too many', answer({ type: 'matching', pairs: map(LIMITS.items + 1) }), false],
	['a term id at the maximum length', answer({ type: 'matching', pairs: map(1, LIMITS.id) }), true],
	['a term id one over', answer({ type: 'matching', pairs: map(1, LIMITS.id + 1) }), false],
	['a description id one over', answer({ type: 'matching', pairs: map(1, 10, LIMITS.id + 1) }), false],
	['the most cards placed', answer({ type: 'sorting', placed: map(LIMITS.items) }), true],
	['one card too many', answer({ type: 'sorting', placed: map(LIMITS.items + 1) }), false],
	['a pile id one over', answer({ type: 'sorting', placed: map(1, 10, LIMITS.id + 1) }), false],
	['cards as a list', answer({ type: 'sorting', placed: ['a'] }), false],
	['an unknown exercise type', answer({ type: 'essay', text: 'x' }), false],
	['the most attempts', answer({ type: 'reflection', text: 'x' }, { attempts: LIMITS.attempts }), true],
	['one attempt too many', answer({ type: 'reflection', text: 'x' }, { attempts: LIMITS.attempts + 1 }), false],
	['no attempts yet', answer({ type: 'reflection', text: 'x' }, { attempts: 0 }), true],
	['negative attempts', answer({ type: 'reflection', text: 'x' }, { attempts: -1 }), false],
	['half an attempt', answer({ type: 'reflection', text: 'x' }, { attempts: 1.5 }), false],
	['every verdict field', answer({ type: 'single-choice', choice: 'a' }, { verdict: 'partial', firstVerdict: 'incorrect', revealed: true }), true],
	['an unknown verdict', answer({ type: 'single-choice', choice: 'a' }, { verdict: 'bijna' }), false],
	['an unknown first verdict', answer({ type: 'single-choice', choice: 'a' }, { firstVerdict: 'bijna' }), false],
	['revealed as text', answer({ type: 'single-choice', choice: 'a' }, { revealed: 'ja' }), false],
	['a verdict of null', answer({ type: 'single-choice', choice: 'a' }, { verdict: null }), false],
	['a time without fraction', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-11-30T10:00:00Z' }), true],
	['a time with a short fraction', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-11-30T10:00:00.5Z' }), true],
	['a time with an offset', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-11-30T11:00:00+01:00' }), false],
	['a time without seconds', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-11-30T10:00Z' }), false],
	['a date only', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-11-30' }), false],
	['month 13', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-13-30T10:00:00.000Z' }), false],
	['30 February', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-02-30T10:00:00.000Z' }), false],
	['29 February in a leap year', answer({ type: 'reflection', text: 'x' }, { savedAt: '2028-02-29T10:00:00.000Z' }), true],
	['24:00', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-11-28T24:00:00.000Z' }), false],
	['a leap second', answer({ type: 'reflection', text: 'x' }, { savedAt: '2026-12-31T23:59:60.000Z' }), false],
	['the year +275760', answer({ type: 'reflection', text: 'x' }, { savedAt: '+275760-09-13T00:00:00.000Z' }), false],
	['an empty time', answer({ type: 'reflection', text: 'x' }, { savedAt: '' }), false],
	['a time as a number', answer({ type: 'reflection', text: 'x' }, { savedAt: 1764496800000 }), false],
	['no time', answer({ type: 'reflection', text: 'x' }, { savedAt: undefined }), false],
	['extra fields (dropped by the server, ignored by the browser)', { ...answer({ type: 'reflection', text: 'x', kleur: 'rood' }, { notitie: 1 }), apparaat: 'x' }, true],
	['a change id of 8', { ...answer({ type: 'reflection', text: 'x' }), id: id(8) }, true],
	['a change id of 7', { ...answer({ type: 'reflection', text: 'x' }), id: id(7) }, false],
	['a change id of 64', { ...answer({ type: 'reflection', text: 'x' }), id: id(64) }, true],
	['a change id of 65', { ...answer({ type: 'reflection', text: 'x' }), id: id(65) }, false],
	['a change id with a dot', { ...answer({ type: 'reflection', text: 'x' }), id: 'change.01' }, false],
	['an unknown kind', { ...answer({ type: 'reflection', text: 'x' }), kind: 'quiz' }, false],
	['a visit', visit(), true],
	['a visit to its end', visit({ endReachedAt: at }), true],
	['a visit with an unreadable end', visit({ endReachedAt: 'straks' }), false],
	['a path at the maximum length', visit({ path: id(LIMITS.path) }), true],
	['a path one over', visit({ path: id(LIMITS.path + 1) }), false],
	['an empty path', visit({ path: '' }), false],
	['a visit without a time', visit({ visitedAt: undefined }), false],
	['no object', 'answer', false],
	['null', null, false]
];

const serverTakes = (change: unknown) => 'data' in parseBody(changeSchema, change);

describe('the progress contract, in the browser and on the server', () => {
	it.each(cases)('%s: the same verdict on both sides', (_, change, accepted) => {
		expect({ browser: isChange(change), server: serverTakes(change) }).toEqual({ browser: accepted, server: accepted });
	});

	it.each(cases)('%s: the device keeps an answer the server would take, and only such', (_, change, accepted) => {
		const c = change as Change;
		if (c?.kind !== 'answer' || typeof c.exerciseId !== 'string' || c.exerciseId.length === 0 || c.exerciseId.length > LIMITS.id || !/^[A-Za-z0-9_-]{8,64}$/.test(String(c.id))) return;
		const stored = JSON.stringify({ version: 1, courseId: 'e-tool', updatedAt: at, sections: {}, answers: { [c.exerciseId]: c.record } });
		const read = readProgress(stored, 'e-tool');
		expect(read.kind).toBe('ok');
		const kept = read.kind === 'ok' ? read.progress.answers[c.exerciseId] : undefined;
		// What the server takes, the device keeps as it is; what the device keeps (an unreadable
		// first verdict is dropped, not the answer: model.ts), the server takes.
		if (accepted) expect(kept).toEqual(c.record);
		if (kept) expect(serverTakes({ ...c, record: kept })).toBe(true);
		// A queued change survives a reload exactly when the server would take it.
		expect(readQueue(JSON.stringify([change]))).toHaveLength(accepted ? 1 : 0);
	});

	it('lets an author use no exercise or option id that the contract refuses', () => {
		const longest = Array.from({ length: LIMITS.id / 2 }, () => 'a').join('-').padEnd(LIMITS.id - 1, 'a') + 'b';
		expect(longest).toHaveLength(LIMITS.id);
		expect(stableId.safeParse(longest).success).toBe(true);
		expect(stableId.safeParse(`${longest}c`).success).toBe(false);
		expect(serverTakes({ ...answer({ type: 'single-choice', choice: longest }), exerciseId: longest })).toBe(true);
	});

	it('sends batches the server takes: at most the batch limit, and under its body limit', () => {
		expect(BODY_LIMIT).toBe(LIMITS.body);
		const big = many(LIMITS.batch + 5, (i) => ({ ...answer({ type: 'reflection', text: 'x'.repeat(LIMITS.text) }), id: `change-${String(i).padStart(4, '0')}`, exerciseId: `o${i}` })) as unknown as Change[];
		const batch = nextBatch(big);
		expect(batch.length).toBeGreaterThan(0);
		expect(new TextEncoder().encode(JSON.stringify({ changes: batch })).length).toBeLessThanOrEqual(LIMITS.body);
		const small = many(LIMITS.batch + 5, (i) => ({ ...visit(), id: `change-${String(i).padStart(4, '0')}`, path: `h/s${i}` })) as unknown as Change[];
		expect(nextBatch(small)).toHaveLength(MAX_BATCH);
		expect('data' in parseBody(syncBodySchema, { changes: nextBatch(small) })).toBe(true);
		expect('data' in parseBody(syncBodySchema, { changes: small.slice(0, LIMITS.batch + 1) })).toBe(false);
	});

	it('reads a resume code the same way the server takes it', () => {
		expect(normaliseCode('abcd-efgh-jkmn-pq')).toHaveLength(CODE_LENGTH);
		expect('data' in parseBody(resumeBodySchema, { code: ' '.repeat(LIMITS.typedCode - CODE_LENGTH) + 'ABCDEFGHJKMNPQ' })).toBe(true);
		expect('data' in parseBody(resumeBodySchema, { code: 'x'.repeat(LIMITS.typedCode + 1) })).toBe(false);
	});
});

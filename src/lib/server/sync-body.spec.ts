import { describe, expect, it } from 'vitest';
import { LIMITS } from '$lib/progress/contract';
import { parseBody, syncBodySchema } from './api-schema';
import { quickSyncBody } from './sync-body';

// The quick check may only ever say what zod would say: the same body (same fields, same order,
// same stored times) when it takes one, and nothing when zod would refuse it, so a refusal keeps
// zod's status and Dutch message.

const zod = (input: unknown) => {
	const parsed = parseBody(syncBodySchema, input);
	return 'data' in parsed ? parsed.data : undefined;
};

const at = '2026-11-28T10:00:00.000Z';
const answer = (id: string, exerciseId: string, value: object, extra: object = {}) => ({ id, kind: 'answer', exerciseId, record: { value, attempts: 1, savedAt: at, ...extra } });
const VALID: unknown[] = [
	{ changes: [answer('change-01', 'eigen-ervaring', { type: 'reflection', text: 'Mijn antwoord' })] },
	{ changes: [answer('change-02', 'e', { type: 'reflection', text: '' }, { savedAt: '2026-11-28T10:00:00Z' })] },
	{ changes: [answer('change-03', 'e', { type: 'single-choice', choice: null }, { verdict: 'correct', firstVerdict: 'incorrect', revealed: true })] },
	{ changes: [answer('change-04', 'e', { type: 'single-choice', choice: 'a' }, { revealed: false, savedAt: '2026-11-28T10:00:00.123456789Z' })] },
	{ changes: [answer('change-05', 'e', { type: 'multiple-response', choices: ['a', 'b'] }, { firstVerdict: 'partial', note: 'weg' })] },
	{ changes: [answer('change-06', 'e', { type: 'matching', pairs: { t1: 'd2', t2: 'd1', 10: 'x' }, extra: 1 })] },
	{ changes: [answer('change-07', 'e', { type: 'sorting', placed: {} }, { attempts: 0 })] },
	{ changes: [{ id: 'change-08', kind: 'visit', path: 'a/b', visitedAt: '2026-11-28T10:00:00.5Z', other: true }] },
	{ changes: [{ id: 'change-09', kind: 'visit', path: 'a/b', visitedAt: at, endReachedAt: '2026-11-28T10:01:00Z' }], device: 'telefoon' },
	{
		changes: Array.from({ length: LIMITS.batch }, (_, i) =>
			i % 2 ? answer(`change-1${String(i).padStart(3, '0')}`, `oefening-${i}`, { type: 'reflection', text: 'x'.repeat(i) }) : { id: `visit-00${i}`, kind: 'visit', path: `h/${i}`, visitedAt: at }
		)
	}
];

describe('the quick check of a sync body', () => {
	it('gives exactly what the zod schema gives for valid bodies: fields, their order and stored times', () => {
		for (const body of VALID) {
			const expected = zod(body);
			expect(expected).toBeDefined();
			expect(JSON.stringify(quickSyncBody(body))).toBe(JSON.stringify(expected));
			expect(quickSyncBody(body)).toEqual(expected);
		}
	});

	it('takes nothing that zod refuses, so every refusal keeps its message', () => {
		const refused: unknown[] = [
			null,
			[],
			'x',
			{},
			{ changes: [] },
			{ changes: {} },
			{ changes: Array.from({ length: LIMITS.batch + 1 }, () => (VALID[0] as { changes: unknown[] }).changes[0]) },
			{ changes: [answer('kort', 'e', { type: 'reflection', text: 'x' })] },
			{ changes: [answer('change-01', '', { type: 'reflection', text: 'x' })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection', text: 'x'.repeat(LIMITS.text + 1) })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection' })] },
			{ changes: [answer('change-01', 'e', { type: 'essay', text: 'x' })] },
			{ changes: [answer('change-01', 'e', { type: 'single-choice' })] },
			{ changes: [answer('change-01', 'e', { type: 'multiple-response', choices: ['a', ''] })] },
			{ changes: [answer('change-01', 'e', { type: 'matching', pairs: { a: 1 } })] },
			{ changes: [answer('change-01', 'e', { type: 'sorting', placed: [] })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection', text: 'x' }, { attempts: -1 })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection', text: 'x' }, { attempts: 1.5 })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection', text: 'x' }, { attempts: LIMITS.attempts + 1 })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection', text: 'x' }, { verdict: null })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection', text: 'x' }, { revealed: 'ja' })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection', text: 'x' }, { savedAt: '2026-02-30T10:00:00Z' })] },
			{ changes: [answer('change-01', 'e', { type: 'reflection', text: 'x' }, { savedAt: '2026-11-28 10:00:00Z' })] },
			{ changes: [{ id: 'change-01', kind: 'visit', path: 'a/b' }] },
			{ changes: [{ id: 'change-01', kind: 'visit', path: 'a/b', visitedAt: at, endReachedAt: null }] },
			{ changes: [{ id: 'change-01', kind: 'bezoek', path: 'a/b', visitedAt: at }] }
		];
		for (const body of refused) {
			expect(zod(body), JSON.stringify(body)).toBeUndefined();
			expect(quickSyncBody(body), JSON.stringify(body)).toBeUndefined();
		}
	});

	it('leaves a `__proto__` key to zod (which drops it) instead of copying it', () => {
		const body = { changes: [answer('change-01', 'e', { type: 'matching', pairs: JSON.parse('{"__proto__":"x"}') })] };
		expect(quickSyncBody(body)).toBeUndefined();
		expect(zod(body)).toBeDefined();
	});

	it('agrees with zod on thousands of mutated bodies: it takes one only when zod gives the same', () => {
		// A fixed pseudo-random sequence, so a failure can be run again.
		let seed = 9;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
		const VALUES = [null, true, false, 0, -1, 1.5, 1e7, '', 'a', 'x'.repeat(200), 'correct', 'reflection', 'visit', 'answer', at, '2026-11-28T10:00:00Z', '2026-13-01T00:00:00Z', [], ['a'], {}, { a: 'b' }, undefined];
		/** Replace or remove one value somewhere in the body. */
		function mutate(node: unknown): unknown {
			if (random() < 0.3 || node === null || typeof node !== 'object') return pick(VALUES);
			const copy: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...(node as object) };
			const keys = Object.keys(copy);
			if (keys.length === 0) return pick(VALUES);
			const key = pick(keys);
			const changed = mutate((copy as Record<string, unknown>)[key]);
			if (changed === undefined && !Array.isArray(copy)) delete copy[key];
			else (copy as Record<string, unknown>)[key] = changed;
			return copy;
		}
		let taken = 0;
		let refused = 0;
		for (let i = 0; i < 5000; i++) {
			const body = mutate(JSON.parse(JSON.stringify(pick(VALID.slice(0, -1)))));
			const quick = quickSyncBody(body);
			const expected = zod(body);
			if (quick === undefined) {
				refused++;
				continue;
			}
			taken++;
			expect(JSON.stringify(quick), JSON.stringify(body)).toBe(JSON.stringify(expected));
		}
		// Both kinds happened, so the comparison above meant something.
		expect(taken).toBeGreaterThan(200);
		expect(refused).toBeGreaterThan(200);
	});
});

import { describe, expect, it } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { emptyProgress } from './model';
import {
	enqueue, mergeProgress, newChangeId, nextBatch, outcome, readQueue, retryDelay, without, MAX_BATCH, MAX_QUEUE, type Change
} from './sync';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const reflection = (text: string, day: number): AnswerRecord => ({ value: { type: 'reflection', text }, attempts: 1, savedAt: at(day) });
let n = 0;
const id = () => `change-${String(++n).padStart(4, '0')}`;
const answer = (exerciseId: string, record: AnswerRecord) => ({ id: id(), kind: 'answer', exerciseId, record }) satisfies Change;
const visit = (path: string, visitedAt: string, endReachedAt?: string): Change =>
	endReachedAt ? { id: id(), kind: 'visit', path, visitedAt, endReachedAt } : { id: id(), kind: 'visit', path, visitedAt };

describe('newChangeId', () => {
	it('is base64url, long enough for the server, and different every time', () => {
		const ids = new Set(Array.from({ length: 200 }, () => newChangeId()));
		expect(ids.size).toBe(200);
		for (const x of ids) expect(x).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
	});

	it('uses every byte it is given', () => {
		expect(newChangeId((b) => b.fill(255))).toBe('_____________________w');
	});
});

describe('the queue', () => {
	it('keeps only the newest change per exercise, at the end, under the new id', () => {
		const first = answer('a', reflection('eerst', 1));
		const other = answer('b', reflection('ander', 1));
		const second = answer('a', reflection('later', 2));
		const queue = [first, other, second].reduce(enqueue, [] as Change[]);
		expect(queue).toEqual([other, second]);
	});

	it('never lets an older answer replace a newer one that waits', () => {
		const recent = answer('a', reflection('nieuw', 5));
		const stale = answer('a', reflection('oud', 1));
		const queue = enqueue([recent], stale);
		expect(queue).toEqual([{ ...stale, record: recent.record }]);
	});

	it('combines visits to a section: the first visit and the end once reached', () => {
		const queue = [visit('een/a', at(3)), visit('een/a', at(1), at(4)), visit('een/a', at(2))].reduce(enqueue, [] as Change[]);
		expect(queue).toHaveLength(1);
		expect(queue[0]).toMatchObject({ kind: 'visit', visitedAt: at(1), endReachedAt: at(4) });
	});

	it('stays bounded even without coalescing', () => {
		let queue: Change[] = [];
		for (let i = 0; i < MAX_QUEUE + 5; i++) queue = enqueue(queue, visit(`p/${i}`, at(1)));
		expect(queue).toHaveLength(MAX_QUEUE);
		expect(queue.at(-1)).toMatchObject({ path: `p/${MAX_QUEUE + 4}` });
	});

	it('removes what the server accepted and keeps a change made while the request was out', () => {
		const sent = answer('a', reflection('verstuurd', 1));
		const meanwhile = answer('a', reflection('intussen', 2));
		const queue = enqueue([sent], meanwhile);
		expect(without(queue, [sent.id])).toEqual([meanwhile]);
	});

	it('cuts batches of at most 100 changes and about 60 KB, but always sends one', () => {
		const many = Array.from({ length: 250 }, (_, i) => visit(`p/${i}`, at(1)));
		expect(nextBatch(many)).toHaveLength(MAX_BATCH);
		const long = Array.from({ length: 10 }, (_, i) => answer(`r${i}`, reflection('é'.repeat(10_000), 1)));
		const batch = nextBatch(long);
		expect(batch.length).toBeGreaterThan(1);
		expect(new TextEncoder().encode(JSON.stringify({ changes: batch })).length).toBeLessThan(64 * 1024);
		expect(nextBatch(long, 100, 10)).toHaveLength(1);
		expect(nextBatch([])).toEqual([]);
	});

	it('reads back what was stored and skips what the server could not take', () => {
		const good = answer('a', reflection('x', 1));
		const raw = JSON.stringify([good, { id: 'kort', kind: 'visit', path: 'a', visitedAt: at(1) }, { id: 'lang-genoeg', kind: 'answer', exerciseId: 'b', record: { value: 3 } }]);
		expect(readQueue(raw)).toEqual([good]);
		expect(readQueue('{kapot')).toEqual([]);
		expect(readQueue(null)).toEqual([]);
	});
});

describe('retrying', () => {
	it('tries again after no connection, 429 and 5xx, and drops other 4xx', () => {
		expect([200, 204, 0, 429, 500, 503, 400, 403, 404, 413, 415].map(outcome)).toEqual([
			'ok', 'ok', 'retry', 'retry', 'retry', 'retry', 'drop', 'drop', 'drop', 'drop', 'drop'
		]);
	});

	it('waits 1 s, doubling to 60 s at most, with up to a quarter less at random', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 20].map((f) => retryDelay(f, () => 0))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
		expect(retryDelay(1, () => 1)).toBe(750);
		for (let i = 0; i < 50; i++) expect(retryDelay(3)).toBeGreaterThanOrEqual(3000);
	});
});

describe('mergeProgress', () => {
	const course = 'digitale-kloof';

	it('takes a newer answer from the server and sends a newer one from the device', () => {
		const local = emptyProgress(course, at(1));
		local.answers = { a: reflection('oud hier', 1), b: reflection('nieuw hier', 5), c: reflection('alleen hier', 2) };
		const remote = { answers: { a: reflection('nieuw daar', 3), b: reflection('oud daar', 2), d: reflection('alleen daar', 1) }, sections: {} };
		const { progress, changed, toSend } = mergeProgress(local, remote);
		expect(changed).toBe(true);
		expect(progress.answers).toEqual({ a: remote.answers.a, b: local.answers.b, c: local.answers.c, d: remote.answers.d });
		expect(toSend.map((c) => c.kind === 'answer' && c.exerciseId)).toEqual(['b', 'c']);
		expect(local.answers.a?.value).toEqual({ type: 'reflection', text: 'oud hier' });
	});

	it('keeps the earliest visit and any end reached, on both sides', () => {
		const local = emptyProgress(course, at(1));
		local.sections = { x: { visitedAt: at(2) }, y: { visitedAt: at(1), endReachedAt: at(3) }, z: { visitedAt: at(4) } };
		const remote = { answers: {}, sections: { x: { visitedAt: at(5), endReachedAt: at(6) }, y: { visitedAt: at(1) }, w: { visitedAt: at(1) } } };
		const { progress, toSend } = mergeProgress(local, remote);
		expect(progress.sections).toEqual({
			x: { visitedAt: at(2), endReachedAt: at(6) },
			y: { visitedAt: at(1), endReachedAt: at(3) },
			z: { visitedAt: at(4) },
			w: { visitedAt: at(1) }
		});
		expect(toSend).toEqual([
			{ kind: 'visit', path: 'x', visitedAt: at(2), endReachedAt: at(6) },
			{ kind: 'visit', path: 'y', visitedAt: at(1), endReachedAt: at(3) },
			{ kind: 'visit', path: 'z', visitedAt: at(4) }
		]);
	});

	it('changes and sends nothing when both copies agree', () => {
		const local = emptyProgress(course, at(1));
		local.answers = { a: reflection('zelfde', 1) };
		local.sections = { x: { visitedAt: at(1) } };
		const result = mergeProgress(local, { answers: { a: reflection('zelfde', 1) }, sections: { x: { visitedAt: at(1) } } });
		expect(result).toMatchObject({ changed: false, toSend: [] });
	});

	it('ignores malformed entries from the server and sends the device copy instead', () => {
		const local = emptyProgress(course, at(1));
		local.answers = { a: reflection('goed', 1) };
		const result = mergeProgress(local, { answers: { a: { value: 'kapot' }, b: 5 }, sections: { x: 'nee' } });
		expect(result.changed).toBe(false);
		expect(result.progress.answers).toEqual(local.answers);
		expect(result.toSend).toHaveLength(1);
	});
});

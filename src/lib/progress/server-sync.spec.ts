// The sync runtime against a fake server: the decisions in sync.ts are tested on their own in
// sync.spec.ts; this checks that the runtime acts on them (off, retry, drop one bad change).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { createServerSync, type SyncState } from './server-sync';
import type { Change, ChangeData } from './sync';

const course = 'digitale-kloof';
const queueKey = `etool:${course}:wachtrij`;
const record = (text: string): AnswerRecord => ({ value: { type: 'reflection', text }, attempts: 1, savedAt: new Date().toISOString() });
const answer = (exerciseId: string): ChangeData => ({ kind: 'answer', exerciseId, record: record(exerciseId) });

type Reply = { status: number; body?: unknown };
let store: Map<string, string>;
let requests: { method: string; path: string; body: { changes?: Change[] } | null }[];
let answerWith: (method: string, path: string, body: { changes?: Change[] } | null) => Reply;

beforeEach(() => {
	store = new Map();
	requests = [];
	vi.resetModules();
	vi.useFakeTimers();
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => store.get(k) ?? null,
		setItem: (k: string, v: string) => void store.set(k, v),
		removeItem: (k: string) => void store.delete(k)
	});
	vi.stubGlobal('location', { protocol: 'http:' });
	vi.stubGlobal('navigator', { onLine: true });
	vi.stubGlobal('addEventListener', () => undefined);
	vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
		const body = init.body ? (JSON.parse(String(init.body)) as { changes?: Change[] }) : null;
		requests.push({ method: init.method ?? 'GET', path, body });
		const reply = answerWith(init.method ?? 'GET', path, body);
		return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status });
	});
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** A fresh runtime, started with a host that has nothing to add. */
async function runtime() {
	const sync = createServerSync();
	sync.start(course, { mergeRemote: () => [] });
	await sync.ready;
	return Object.defineProperty(sync, 'syncState', { get: () => sync.get() }) as typeof sync & { readonly syncState: SyncState };
}
const sent = () => requests.filter((r) => r.path === '/api/sync').flatMap((r) => r.body?.changes ?? []);

describe('the sync runtime', () => {
	it('stays off and keeps nothing when the server has no API', async () => {
		answerWith = () => ({ status: 404 });
		const sync = await runtime();
		sync.queueChange(answer('a'));
		expect(sync.syncState.enabled).toBe(false);
		expect(store.has(queueKey)).toBe(false);
		expect(requests.map((r) => r.path)).toEqual(['/api/status']);
	});

	it('says "Opgeslagen" only once a change of the learner reached the server', async () => {
		answerWith = (_m, path, body) => (path === '/api/status' ? { status: 200, body: { sync: true } } : { status: 200, body: { accepted: body?.changes?.map((c) => c.id) } });
		const sync = await runtime();
		expect(await sync.flushQueue()).toBe(true);
		expect(sync.syncState.saveState).toBe('');
		sync.queueChange(answer('a'));
		await sync.flushQueue();
		expect(sync.syncState.saveState).toBe('saved');
		await sync.deleteCopy();
		expect(sync.syncState.saveState).toBe('');
	});

	it('takes in the server copy when the server kept a newer answer than the one sent', async () => {
		const newer = { answers: { a: { ...record('van het andere apparaat'), savedAt: '2099-01-01T00:00:00.000Z' } }, sections: {} };
		answerWith = (method, path, body) =>
			path === '/api/status' ? { status: 200, body: { sync: true } }
			: path === '/api/progress' ? { status: 200, body: newer }
			: { status: 200, body: { accepted: body?.changes?.map((c) => c.id), notApplied: body?.changes?.map((c) => c.id) } };
		const merged: unknown[] = [];
		const sync = createServerSync();
		sync.start(course, { mergeRemote: (remote) => (merged.push(remote), []) });
		await sync.ready;
		sync.queueChange(answer('a'));
		await sync.flushQueue();
		expect(requests.filter((r) => r.path === '/api/progress').length).toBeGreaterThan(0);
		expect(merged.at(-1)).toMatchObject({ answers: { a: { value: { text: 'van het andere apparaat' } } } });
	});

	it('keeps the queue through a failing server, says so, and sends it when the server is back', async () => {
		let down = true;
		answerWith = (_m, path, body) =>
			path === '/api/status' ? { status: 200, body: { sync: true } }
			: down ? { status: 503 }
			: { status: 200, body: { accepted: body?.changes?.map((c) => c.id) } };
		const sync = await runtime();
		sync.queueChange(answer('a'));
		expect(await sync.flushQueue()).toBe(false);
		expect(sync.syncState.saveState).toBe('waiting');
		expect(JSON.parse(store.get(queueKey)!)).toHaveLength(1);
		down = false;
		await vi.advanceTimersByTimeAsync(60_000); // the back-off ends and the runtime tries again
		expect(sync.syncState.saveState).toBe('saved');
		expect(store.has(queueKey)).toBe(false);
		expect(sent().map((c) => c.kind === 'answer' && c.exerciseId)).toEqual(['a', 'a']);
	});

	it('halves a refused batch until only the bad change is dropped', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		answerWith = (_m, path, body) => {
			if (path === '/api/status') return { status: 200, body: { sync: true } };
			const changes = body?.changes ?? [];
			if (changes.some((c) => c.kind === 'answer' && c.exerciseId === 'weg')) return { status: 422 };
			return { status: 200, body: { accepted: changes.map((c) => c.id) } };
		};
		const sync = await runtime();
		for (const id of ['a', 'b', 'weg', 'c', 'd']) sync.queueChange(answer(id));
		expect(await sync.flushQueue()).toBe(true);
		const stored = requests.filter((r) => r.path === '/api/sync' && r.body?.changes?.every((c) => c.kind !== 'answer' || c.exerciseId !== 'weg'));
		expect(stored.flatMap((r) => r.body!.changes!.map((c) => c.kind === 'answer' && c.exerciseId)).sort()).toEqual(['a', 'b', 'c', 'd']);
		expect(store.has(queueKey)).toBe(false);
		expect(warn).toHaveBeenCalledOnce();
	});
});

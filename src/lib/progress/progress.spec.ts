// The plain progress store with an in-memory storage port and a recording sync port: no browser,
// no Svelte. What a view sees (snapshots, notices) and what reaches the ports.
import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from './model';
import { createProgress, type StoragePort, type SyncPort, type WriteResult } from './progress';
import type { ChangeData } from './sync';

function memoryStorage(initial?: Progress) {
	let kept: Progress | undefined = initial && structuredClone(initial);
	let result: WriteResult = 'ok';
	const port: StoragePort = {
		load: () => (kept ? { kind: 'ok', progress: structuredClone(kept), dropped: 0 } : { kind: 'empty' }),
		save: (p) => (result === 'ok' ? ((kept = structuredClone(p)), 'ok') : result),
		clear: () => (kept = undefined)
	};
	return { port, kept: () => kept, failWith: (r: WriteResult) => (result = r) };
}
function recordingSync() {
	const changes: ChangeData[] = [];
	const port: SyncPort = { queueChange: (c) => void changes.push(c), deleteCopy: () => Promise.resolve('done') };
	return { port, changes };
}
const reflection = (text: string) => ({ value: { type: 'reflection' as const, text }, attempts: 1, savedAt: '2026-11-30T10:00:00.000Z' });

describe('createProgress', () => {
	it('reads the device copy, saves each change and passes it on once', () => {
		const storage = memoryStorage();
		const sync = recordingSync();
		const store = createProgress({ storage: storage.port, sync: sync.port });
		expect(store.get().loaded).toBe(false);
		store.load('cursus');
		expect(store.get().loaded).toBe(true);
		store.visit('h1/a');
		store.visit('h1/a');
		store.reachEnd('h1/a');
		store.saveAnswer('x', reflection('mijn antwoord'));
		expect(storage.kept()?.answers.x?.value).toEqual({ type: 'reflection', text: 'mijn antwoord' });
		expect(storage.kept()?.sections['h1/a']?.endReachedAt).toBeTruthy();
		expect(sync.changes.map((c) => c.kind)).toEqual(['visit', 'visit', 'answer']);
	});

	it('hands a new snapshot to subscribers after every change and never mutates an old one', () => {
		const store = createProgress({ storage: memoryStorage().port });
		store.load('cursus');
		const seen: unknown[] = [];
		store.subscribe((s) => seen.push(s.progress));
		const before = store.get().progress;
		store.saveAnswer('x', reflection('a'));
		expect(seen).toHaveLength(2);
		expect(seen[1]).not.toBe(before);
		expect(before.answers).toEqual({});
	});

	it('tells the learner when storage is full, and stops telling once a save works again', () => {
		const storage = memoryStorage();
		const store = createProgress({ storage: storage.port });
		store.load('cursus');
		storage.failWith('quota');
		store.saveAnswer('x', reflection('a'));
		expect(store.get().problem).toBe('quota');
		expect(store.get().progress.answers.x).toBeTruthy(); // kept in memory for this page
		storage.failWith('ok');
		store.saveAnswer('y', reflection('b'));
		expect(store.get().problem).toBeNull();
	});

	it('wipes the device copy at once and then the copy elsewhere', async () => {
		const storage = memoryStorage({ ...emptyProgress('cursus'), lastPath: 'h1/a' });
		const store = createProgress({ storage: storage.port, sync: recordingSync().port });
		store.load('cursus');
		expect(store.get().progress.lastPath).toBe('h1/a');
		const wiped = store.clear();
		expect(storage.kept()).toBeUndefined();
		expect(store.get().progress.lastPath).toBeUndefined();
		expect(await wiped).toBe('done');
	});

	it('two stores do not share a copy', () => {
		const a = createProgress({ storage: memoryStorage().port });
		const b = createProgress({ storage: memoryStorage().port });
		a.load('cursus');
		b.load('cursus');
		a.visit('h1/a');
		expect(b.get().progress.sections).toEqual({});
	});
});

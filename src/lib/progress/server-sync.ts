// Progress sync with our own server, in plain TypeScript: the queue in localStorage, sending it,
// retrying, and the calls the "Verder" page and "Wis mijn gegevens" need. The decisions themselves
// are pure, in sync.ts. Every network step runs one at a time (`exclusive`), so a delete or a
// resume never crosses a request that is still on its way. A factory of closures rather than a
// class: with the es2020 target, private class fields compile to WeakMaps and helpers, three times
// the bytes; and no module state, so a second channel (an LMS) gets its own.
import { observable } from './observable';
import { api, asRemote, notAppliedIn, type ApiResult, type ResumeCode } from './api';
import type { DeleteResult, SyncPort } from './progress';
import { deleteKey, queueKey, read, serverKey, write } from './storage';
import { enqueue, newChangeId, nextBatch, outcome, readQueue, retryDelay, without, MAX_BATCH, type Change, type ChangeData, type RemoteProgress } from './sync';

// Loaded with the runtime, so a page that never syncs does not load the merge either.
export { mergeProgress } from './sync';

/** The store, as sync sees it: it merges a server copy and says what the device knows better. */
export interface SyncHost {
	mergeRemote(remote: RemoteProgress): ChangeData[];
}

/** How a server call ended for the learner; `off` = no server (static export). */
export type CallResult<T> = ApiResult<T> | { ok: false; status: 'off' };

/** What the page shows of sync. */
export interface SyncState {
	/** Is there a server that keeps a copy? null until `GET /api/status` answered. */
	enabled: boolean | null;
	/** How many changes wait on this device. */
	pending: number;
	/**
	 * What the header says: nothing, "Opgeslagen" or "Nog niet verstuurd". "Opgeslagen" only once
	 * a change of this learner reached the server on this page; "waiting" also while the status is
	 * unknown for want of a connection: only a server that answered "no" silences it.
	 */
	saveState: '' | 'saved' | 'waiting';
}

export interface ServerSync extends SyncPort {
	get(): SyncState;
	subscribe(listener: (state: SyncState) => void): () => void;
	/** Resolves once the first status check has ended, however it ended. */
	ready: Promise<void>;
	/** `server` false: the page is an export (static, LMS) that has no server to ask. */
	start(courseId: string, host: SyncHost, server?: boolean): void;
	/** Send everything now; true when nothing waits any more. */
	flushQueue(): Promise<boolean>;
	/** A resume code for this learner, after the server copy is complete. */
	createCode(): Promise<CallResult<ResumeCode>>;
	/** Continue as the learner of `code`; their progress merges into this device's (newer wins). */
	redeemCode(code: string): Promise<CallResult<RemoteProgress>>;
}

/** Wait a little after a change, so a burst (typing a reflection) goes out as one request. */
const SEND_AFTER = 1000;
const empty: RemoteProgress = { answers: {}, sections: {} };

export function createServerSync(): ServerSync {
	const observed = observable<SyncState>({ enabled: null, pending: 0, saveState: '' });
	const { get: current, set } = observed;
	let markReady: () => void = () => {};
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	let courseId = '';
	let host: SyncHost | null = null;
	let failures = 0;
	let lastStatus = 0;
	let deleteStatus = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let lock: Promise<unknown> = Promise.resolve();
	let drain: Promise<boolean> | null = null;
	/** The server copy was merged in on this page. */
	let merged = false;
	/** Raised by a wipe or resume: a server answer from before it must not be merged. */
	let generation = 0;

	/** The sync queue when storage is blocked or full: kept for as long as the page is open. */
	let queueInMemory: Change[] = [];

	/** The sync queue, always read from storage, so two open tabs add to one queue instead of overwriting. */
	function loadQueue(courseId: string): Change[] {
		const raw = read(queueKey(courseId));
		return raw === null ? queueInMemory : readQueue(raw);
	}

	function saveQueue(courseId: string, queue: Change[]): void {
		const ok = write(queueKey(courseId), queue.length ? JSON.stringify(queue) : null);
		// Could not store it: the stored copy is out of date now and must not hide the one in memory.
		if (!ok) write(queueKey(courseId), null);
		queueInMemory = ok ? [] : queue;
	}
	const queue = (): Change[] => loadQueue(courseId);
	function save(changes: Change[]): void {
		saveQueue(courseId, changes);
		if (current().pending !== changes.length) set({ pending: changes.length });
	}
	const withId = (change: ChangeData) => ({ ...change, id: newChangeId() }) as Change;

	function start(course: string, store: SyncHost, server = true): void {
		if (host) return;
		courseId = course;
		host = store;
		set({ pending: queue().length });
		// An export, or no http(s) origin (a file): there is no server to ask.
		if (!server || !/^https?:$/.test(location.protocol)) return off();
		addEventListener('online', wake);
		addEventListener('pageshow', wake);
		addEventListener('offline', () => current().pending && set({ saveState: 'waiting' }));
		// Leaving: hand what waits to the browser to deliver (it is acknowledged on the next page).
		addEventListener('pagehide', () => {
			const batch = nextBatch(queue());
			if (current().enabled && batch.length && !read(deleteKey(courseId))) void api.sync(batch, true);
		});
		// Another tab queued or sent: keep the count (and so the header) true.
		addEventListener('storage', (e) => (e.key === null || e.key === queueKey(courseId)) && set({ pending: queue().length }));
		void connect();
	}

	/** Queue a change the store made. Before the status is known it is kept; without a server it is not. */
	function queueChange(change: ChangeData): void {
		if (!host || current().enabled === false) return;
		save(enqueue(queue(), withId(change)));
		if (!navigator.onLine) set({ saveState: 'waiting' });
		if (current().enabled && !failures) later(SEND_AFTER);
	}

	/**
	 * A round already under way may have passed a step the caller needs (the wipe, a change just
	 * made), so wait for it and go again: a round with nothing to do sends nothing.
	 */
	async function flushQueue(): Promise<boolean> {
		clearTimeout(timer);
		await drain;
		drain ??= exclusive(send).finally(() => (drain = null));
		return drain;
	}

	/** "Wis mijn gegevens": forget the queue now, and delete the server copy now or as soon as possible. */
	async function deleteCopy(): Promise<DeleteResult> {
		generation++;
		save([]);
		merged = true; // nothing on the server is wanted back
		// "Opgeslagen" would now describe answers that are gone.
		set({ saveState: '' });
		// Recorded first, whatever the status check said: a "no server" answer can be a proxy or a
		// deploy, and the wipe must still reach the server once it answers again.
		write(deleteKey(courseId), '1');
		if (current().enabled === false) return 'off';
		await ready;
		// Read again: the status check may have ended while we waited.
		const enabled = current().enabled as boolean | null;
		if (enabled === false) return 'off';
		if (!enabled) return 'pending';
		await flushQueue();
		if (read(deleteKey(courseId))) return 'pending';
		return deleteStatus >= 400 && deleteStatus !== 404 ? 'failed' : 'done';
	}

	async function createCode(): Promise<CallResult<ResumeCode>> {
		const unavailable = await whenOn();
		if (unavailable) return unavailable;
		if (!(await flushQueue())) return { ok: false, status: lastStatus };
		const result = await exclusive(api.resumeCode);
		if (result.ok) write(serverKey(courseId), '1');
		return result;
	}

	async function redeemCode(code: string): Promise<CallResult<RemoteProgress>> {
		const unavailable = await whenOn();
		if (unavailable) return unavailable;
		// A wipe that still waits belongs to the old identity: it must not hit the new one.
		await flushQueue();
		if (read(deleteKey(courseId))) return { ok: false, status: lastStatus };
		const result = await exclusive(() => api.resume(code));
		if (result.ok) {
			generation++;
			write(serverKey(courseId), '1');
			merge(asRemote(result.data));
			void flushQueue();
		}
		return result;
	}

	async function whenOn(): Promise<CallResult<never> | null> {
		await ready;
		// The status check failed (offline): try once more now that the learner asks.
		if (current().enabled === null) await connect();
		return current().enabled ? null : { ok: false, status: current().enabled === false ? 'off' : lastStatus };
	}

	function connect(): Promise<void> {
		return exclusive(async () => {
			if (current().enabled !== null) return;
			const result = await api.status();
			if (outcome(result.status) === 'retry') retry(result.status);
			else if (result.ok && (result.data as { sync?: unknown } | null)?.sync === true) set({ enabled: true });
			else off();
			markReady();
		}).then(() => void (current().enabled && flushQueue()));
	}

	/**
	 * No server: nothing is queued and the header stays silent. A pending wipe is kept: on a real
	 * static export it is never sent, and after a passing "no" (a proxy, a deploy) it still gets done.
	 */
	function off(): void {
		set({ enabled: false, saveState: '' });
		save([]);
		write(serverKey(courseId), null);
		markReady();
	}

	/** One round: the pending wipe, then the merge, then the queue in batches. */
	async function send(): Promise<boolean> {
		if (!current().enabled) return false;
		if (read(deleteKey(courseId))) {
			const result = await api.deleteLearner();
			deleteStatus = result.status;
			if (outcome(result.status) === 'retry') return retry(result.status);
			if (!result.ok && result.status !== 404) console.warn('De kopie op de server kon niet worden gewist:', result.status, result.message);
			write(deleteKey(courseId), null);
			write(serverKey(courseId), null);
		}
		if (!merged && !read(serverKey(courseId))) merge(empty); // all of it is news to the server
		else if (!merged) {
			const before = generation;
			const result = await api.progress();
			if (outcome(result.status) === 'retry') return retry(result.status);
			// 404: the server forgot this browser (retention): everything on the device is news to it.
			if (!result.ok) write(serverKey(courseId), null);
			if (before === generation) merge(result.ok ? asRemote(result.data) : empty);
		}
		let limit = MAX_BATCH;
		let delivered = false;
		let stale = false;
		for (let batch = nextBatch(queue(), limit); batch.length; batch = nextBatch(queue(), limit)) {
			const result = await api.sync(batch);
			lastStatus = result.status;
			const ids = batch.map((c) => c.id);
			if (result.ok) {
				delivered = true;
				write(serverKey(courseId), '1');
				const accepted = result.data?.accepted;
				const refused = Array.isArray(accepted) ? ids.filter((id) => !accepted.includes(id)) : [];
				// The server read these and said no; sending them again would get the same answer.
				if (refused.length) console.warn('De server nam deze wijzigingen niet aan:', refused);
				// The server kept a newer copy (saved later on another device): take it in below.
				if (notAppliedIn(result.data).length) stale = true;
			} else if (outcome(result.status) === 'retry') return retry(result.status);
			else if (batch.length > 1) {
				// One bad change (an exercise removed from the content, say) must not sink the rest:
				// halve the batch until the bad one is alone, then drop only that one.
				limit = Math.ceil(batch.length / 2);
				continue;
			} else console.warn('Deze wijziging kan de server nooit aannemen; hij blijft alleen op dit apparaat:', result.status, result.message, batch[0]);
			save(without(queue(), ids));
			// Full batches again: halving was only to find the bad change.
			limit = MAX_BATCH;
		}
		if (stale) {
			// Newer wins on both sides: the merge takes the server's newer answers and queues nothing older.
			const result = await api.progress();
			if (result.ok) merge(asRemote(result.data));
		}
		failures = 0;
		// "Opgeslagen" only after something was saved; a round with nothing to send clears "waiting".
		set({ saveState: delivered ? 'saved' : current().saveState === 'waiting' ? '' : current().saveState });
		return true;
	}

	function merge(remote: RemoteProgress): void {
		merged = true;
		save((host?.mergeRemote(remote) ?? []).map(withId).reduce(enqueue, queue()));
	}

	/** A failed attempt: say so when changes wait, and try again after the back-off. */
	function retry(status: number): false {
		lastStatus = status;
		failures++;
		if (current().pending) set({ saveState: 'waiting' });
		later(retryDelay(failures));
		return false;
	}

	function later(ms: number): void {
		clearTimeout(timer);
		timer = setTimeout(wake, ms);
	}

	/** Back online, back on the page, or the back-off ended: try now. */
	function wake(): void {
		if (current().enabled === null) void connect();
		else if (current().enabled) void flushQueue();
	}

	function exclusive<T>(task: () => Promise<T>): Promise<T> {
		const run = lock.then(task, task);
		lock = run.catch(() => undefined);
		return run;
	}

	return {
		get: observed.get,
		subscribe: observed.subscribe,
		ready,
		start,
		queueChange,
		flushQueue,
		deleteCopy,
		createCode,
		redeemCode
	};
}

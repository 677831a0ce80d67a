// The pure part of progress sync (docs/api.md): the queue of changes waiting for the server, how it
// is coalesced and cut into batches, when to try again, and how a server copy merges into the
// device's copy. No network and no storage here: server-sync.ts does that. The format of a change and
// its limits are the progress contract (contract/changes.ts).
import { isAnswerRecord, isVisit, type SectionVisit } from './contract/answers';
import { isChange, TRANSPORT_LIMITS, type Change, type ChangeData } from './contract/changes';
import { newer, type Progress } from './model';

export type { Change, ChangeData };

/** What `GET /api/progress` and `POST /api/resume` answer. */
export interface RemoteProgress {
	answers: Record<string, unknown>;
	sections: Record<string, unknown>;
}

/** The server takes at most TRANSPORT_LIMITS.batch changes and .body bytes per request; stay under both. */
export const MAX_BATCH: number = TRANSPORT_LIMITS.batch;
export const MAX_BATCH_BYTES: number = TRANSPORT_LIMITS.batchBytes;
export const MAX_QUEUE: number = TRANSPORT_LIMITS.queue;

/**
 * A random change id: 16 bytes from the platform's secure generator, base64url (22 characters).
 * The server uses it to recognise a retry, so it must never repeat.
 */
export function newChangeId(fill: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
	const bytes = fill(new Uint8Array(16));
	return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Changes to the same exercise or section replace each other: only the newest needs sending. */
const keyOf = (c: ChangeData) => (c.kind === 'answer' ? `a:${c.exerciseId}` : `s:${c.path}`);

/** The earliest of two visits, and the end reached as soon as either reached it. */
function mergeVisit(a: SectionVisit | undefined, b: SectionVisit): SectionVisit {
	if (!a) return { ...b };
	const visit: SectionVisit = { visitedAt: a.visitedAt < b.visitedAt ? a.visitedAt : b.visitedAt };
	const end = [a.endReachedAt, b.endReachedAt].filter((x): x is string => !!x).sort()[0];
	if (end) visit.endReachedAt = end;
	return visit;
}

/**
 * Add a change to the queue, replacing an older one for the same exercise or section (the
 * newer answer wins; visits combine). The new change goes to the end, under its own id.
 */
export function enqueue(queue: Change[], change: Change): Change[] {
	const key = keyOf(change);
	const old = queue.find((c) => keyOf(c) === key);
	let next: Change = change;
	if (old?.kind === 'answer' && change.kind === 'answer' && newer(old.record, change.record) === old.record) next = { ...change, record: old.record };
	if (old?.kind === 'visit' && change.kind === 'visit') next = { id: change.id, kind: 'visit', path: change.path, ...mergeVisit(old, change) };
	const rest = queue.filter((c) => c !== old);
	return [...rest.slice(Math.max(0, rest.length - MAX_QUEUE + 1)), next];
}

/** Remove the changes the server accepted (or refused for good); later changes stay. */
export const without = (queue: Change[], ids: Iterable<string>): Change[] => {
	const done = new Set(ids);
	return queue.filter((c) => !done.has(c.id));
};

/** The first changes to send: at most `max` of them and about 60 KB, but always one if there is one. */
export function nextBatch(queue: Change[], max = MAX_BATCH, maxBytes = MAX_BATCH_BYTES): Change[] {
	const encoder = new TextEncoder();
	const batch: Change[] = [];
	let bytes = 0;
	for (const change of queue) {
		const size = encoder.encode(JSON.stringify(change)).length + 1;
		if (batch.length >= max || (batch.length > 0 && bytes + size > maxBytes)) break;
		batch.push(change);
		bytes += size;
	}
	return batch;
}

/**
 * What to do with an answer from the server. `retry`: no connection (status 0), the server is
 * busy (429) or failing (5xx); the change may succeed later. `drop`: any other 4xx, which the same
 * request will get again.
 */
export function outcome(status: number): 'ok' | 'retry' | 'drop' {
	if (status >= 200 && status < 300) return 'ok';
	return status === 0 || status === 429 || status >= 500 ? 'retry' : 'drop';
}

/**
 * How long to wait before attempt `failures + 1`: 1 s, doubling, at most 60 s, minus up to a
 * quarter at random so that many devices coming back online do not all retry at once.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
	const base = Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));
	return Math.round(base * (1 - 0.25 * random()));
}

/** Read a stored queue, keeping only changes of a shape the server can take. */
export function readQueue(raw: string | null): Change[] {
	let data: unknown;
	try {
		data = JSON.parse(raw ?? '[]');
	} catch {
		return [];
	}
	return Array.isArray(data) ? data.filter(isChange) : [];
}

export interface MergeResult {
	progress: Progress;
	/** The device's copy changed, so it must be saved. */
	changed: boolean;
	/** What the device has that the server lacks: send these. */
	toSend: ChangeData[];
}

/**
 * Merge the server's copy into the device's: per answer the newer `savedAt` wins, per section the
 * earliest visit and the end once reached. Whatever the device knows better goes in `toSend`.
 * A malformed entry from the server is ignored rather than trusted.
 */
export function mergeProgress(local: Progress, remote: RemoteProgress): MergeResult {
	const progress: Progress = { ...local, answers: { ...local.answers }, sections: { ...local.sections } };
	const toSend: ChangeData[] = [];
	let changed = false;
	for (const [id, theirs] of Object.entries(remote.answers)) {
		if (!isAnswerRecord(theirs)) continue;
		const mine = progress.answers[id];
		if (newer(mine, theirs) === theirs && mine?.savedAt !== theirs.savedAt) {
			progress.answers[id] = theirs;
			changed = true;
		}
	}
	for (const [id, mine] of Object.entries(local.answers)) {
		const theirs = remote.answers[id];
		if (!isAnswerRecord(theirs) || mine.savedAt > theirs.savedAt) toSend.push({ kind: 'answer', exerciseId: id, record: mine });
	}
	for (const [path, theirs] of Object.entries(remote.sections)) {
		if (!isVisit(theirs)) continue;
		const merged = mergeVisit(progress.sections[path], theirs);
		if (!sameVisit(merged, progress.sections[path])) {
			progress.sections[path] = merged;
			changed = true;
		}
	}
	for (const [path, mine] of Object.entries(local.sections)) {
		const theirs = remote.sections[path];
		const known = isVisit(theirs) ? theirs : undefined;
		if (!known || !sameVisit(mergeVisit(known, mine), known)) toSend.push({ kind: 'visit', path, ...mergeVisit(known, mine) });
	}
	return { progress, changed, toSend };
}

const sameVisit = (a: SectionVisit | undefined, b: SectionVisit | undefined) =>
	a?.visitedAt === b?.visitedAt && a?.endReachedAt === b?.endReachedAt;

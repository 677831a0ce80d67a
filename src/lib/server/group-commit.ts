import { PostgresAdapter } from 'kysely';
import type { Db } from './db';

// Group commit: saves that arrive while a batch is being written wait and are written together in
// the next one, one transaction for all of them. Each caller's promise settles only after the
// transaction of its batch committed (or failed), so an acknowledged save is as durable as before;
// what is saved is one BEGIN/COMMIT (and on PostgreSQL one WAL flush) per batch instead of per save.
// On SQLite the first batch starts at the end of the current turn of the event loop, so the saves
// parsed in that turn go together; on PostgreSQL the same, and while a batch waits for the database,
// the next one fills.

interface Waiting<J, R> {
	job: J;
	resolve: (result: R) => void;
	reject: (error: unknown) => void;
}

interface Queue<J, R> {
	waiting: Waiting<J, R>[];
	/** Batches being written now. */
	writing: number;
	scheduled: boolean;
	write: (db: Db, jobs: J[]) => Promise<R[]>;
}

/**
 * How many batches may be written at once. SQLite has one connection and one writer: one. A
 * PostgreSQL batch mostly waits (round trips, the WAL flush of its commit), and the database
 * flushes the commits of concurrent transactions together, so a few batches run side by side on
 * their own connections of the pool (DATABASE_POOL_SIZE, 10, leaves room for reads and limits).
 */
const parallelBatches = (db: Db) => (db.getExecutor().adapter instanceof PostgresAdapter ? 4 : 1);

/** At most this many requests per transaction: a long batch would hold the write lock for long. */
export const MAX_BATCH = 256;

// One queue per database handle (and per kind of write): a test's in-memory database has its own.
const queues = new WeakMap<Db, Map<unknown, Queue<unknown, unknown>>>();

/** Write `job` with the next batch of `write` on `db`; resolves with its own result after the commit. */
export function enqueue<J, R>(db: Db, job: J, write: (db: Db, jobs: J[]) => Promise<R[]>): Promise<R> {
	let byWrite = queues.get(db);
	if (!byWrite) queues.set(db, (byWrite = new Map()));
	let queue = byWrite.get(write) as Queue<J, R> | undefined;
	if (!queue) byWrite.set(write, (queue = { waiting: [], writing: 0, scheduled: false, write } as Queue<J, R>) as Queue<unknown, unknown>);
	const q = queue;
	return new Promise<R>((resolve, reject) => {
		q.waiting.push({ job, resolve, reject });
		schedule(db, q);
	});
}

function schedule<J, R>(db: Db, q: Queue<J, R>): void {
	if (q.writing >= parallelBatches(db) || q.scheduled) return;
	q.scheduled = true;
	setImmediate(() => {
		q.scheduled = false;
		void flush(db, q);
	});
}

/**
 * A failure that belongs to one request's data (a constraint, a value the database refuses), not to
 * the database itself: then the others in its batch are written again each on their own, so one bad
 * save never costs the rest theirs. A database that is down, locked or full fails them all (503):
 * trying each alone would only make the wait longer (a SQLite lock stalls the event loop).
 */
export function isDataError(error: unknown): boolean {
	const code = String((error as { code?: unknown })?.code ?? '');
	return /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)|^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

async function flush<J, R>(db: Db, q: Queue<J, R>): Promise<void> {
	const batch = q.waiting.splice(0, MAX_BATCH);
	if (!batch.length) return;
	q.writing++;
	try {
		const results = await q.write(db, batch.map((w) => w.job));
		batch.forEach((w, i) => w.resolve(results[i]!));
	} catch (error) {
		if (batch.length > 1 && isDataError(error)) {
			for (const w of batch)
				await q.write(db, [w.job]).then(
					([result]) => w.resolve(result!),
					(own: unknown) => w.reject(own)
				);
		} else for (const w of batch) w.reject(error);
	} finally {
		q.writing--;
		if (q.waiting.length) schedule(db, q);
	}
}

import type { Db } from './db';

// Learners whose row this process wrote (created, or its `touched_at` set) less than a day ago, per
// database handle. Their row is there and its `touched_at` is at least what we wrote, so the
// learners statement of a save batch would change nothing for them (it touches a learner at most
// once a day, save-batch.ts): a batch leaves them out. On SQLite that statement was about 2.5 % of
// a save (decision 0005, fifth part). What this process does not know, it still sends; it forgets
// everything when any learner is deleted (by this process) and when a batch fails (a row deleted
// by someone else, say with the sqlite3 tool, then makes the batch fail once, and the retry sends
// the learner again).

const byDb = new WeakMap<Db, Map<string, string>>();
/** Bounded: a busy day's learners fit; past this the map starts again (they are sent once more). */
const MAX = 100_000;

/** The learners of `ids` the statement must still see: not written by us at or after `cutoff`. */
export function learnersToWrite(db: Db, ids: string[], cutoff: string): string[] {
	const known = byDb.get(db);
	if (!known) return ids;
	return ids.filter((id) => {
		const at = known.get(id);
		return at === undefined || at < cutoff;
	});
}

/** After the commit: these learners' rows were written with `touched_at` = `at`. */
export function noteLearnersWritten(db: Db, ids: string[], at: string): void {
	let known = byDb.get(db);
	if (!known) byDb.set(db, (known = new Map()));
	if (known.size + ids.length > MAX) known.clear();
	for (const id of ids) known.set(id, at);
}

/** A learner was deleted, or a batch failed: know nothing (the next batches send their learners again). */
export function forgetLearners(db: Db): void {
	byDb.delete(db);
}

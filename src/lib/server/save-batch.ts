import type { Change } from '$lib/progress/contract/changes';
import { postgresPool, type Db } from './db';
import { enqueue, isDataError } from './group-commit';
import { forgetLearners, learnersToWrite, noteLearnersWritten } from './known-learners';
import { inSaveTransaction, saveAtOnce, storedAnswers, type AnswerValues, type Stored, type VisitValues, type Written } from './save-statements';
import { isoNow } from './clock';

// Saving a device's changes (POST /api/sync): the rule that the newer answer wins, and the group
// commit that writes the saves of many requests in one transaction (decision 0005).

/** The server's clock, in the stored form (ISO 8601, UTC). */
export const now = isoNow;

/**
 * The moment an answer is ordered by: the device's savedAt, but never later than the server's own
 * clock. A device whose clock runs ahead cannot stamp an answer "in the future" and so freeze it;
 * a device that saved offline keeps its (earlier) moment, so an older edit never wins over a newer one.
 */
export const orderingTime = (savedAt: string, serverNow: string): string => (savedAt > serverNow ? serverNow : savedAt);

export interface Applied {
	/** Rows written. */
	applied: number;
	/** Answer changes not written because the server holds a newer answer for that exercise. */
	notApplied: string[];
}

/**
 * Apply one device's changes. An answer is written only when it is newer than the stored one (by
 * its ordering time, then change id): an older answer never overwrites a newer one, and a retried
 * change finds its own row and changes nothing. Answers that lost are listed by id.
 *
 * Group commit: the changes of every request that arrives while a batch is being written go into
 * the next batch, one transaction (group-commit.ts). The promise resolves only after that
 * transaction committed, so an acknowledged answer is as durable as with one transaction per save.
 */
export function applyChanges(db: Db, learnerId: string, changes: Change[], serverNow = now()): Promise<Applied> {
	return enqueue(db, { learnerId, changes, serverNow }, writeBatch);
}

interface Job {
	learnerId: string;
	changes: Change[];
	serverNow: string;
}

type AnswerChange = Extract<Change, { kind: 'answer' }>;
type VisitChange = Extract<Change, { kind: 'visit' }>;
/** One change of a batch: which job it came from, and where in that job (for the order of notApplied). */
interface Row<C> {
	job: number;
	index: number;
	learnerId: string;
	change: C;
	key: string;
}

/** Rows grouped so that no key occurs twice in a group: group n holds each key's n-th change, in arrival order. */
function rounds<R extends { key: string }>(rows: R[]): R[][] {
	// The usual batch has no key twice: then it is one round, sorted, and the sort shows it (equal
	// keys end up side by side) without a map of every key.
	const sorted = rows.slice().sort(byKey);
	let repeated = false;
	for (let i = 1; i < sorted.length && !repeated; i++) repeated = sorted[i]!.key === sorted[i - 1]!.key;
	if (!repeated) return sorted.length ? [sorted] : [];
	const seen = new Map<string, number>();
	const groups: R[][] = [];
	for (const row of rows) {
		const n = seen.get(row.key) ?? 0;
		seen.set(row.key, n + 1);
		(groups[n] ??= []).push(row);
	}
	// Keys in one order in every instance, so two instances' batches lock rows in the same order.
	for (const group of groups) group.sort(byKey);
	return groups;
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const keyOf = (learnerId: string, item: string) => `${learnerId}\u0000${item}`;

type AnswerRow = Row<AnswerChange> & { values: AnswerValues };
type VisitRow = Row<VisitChange> & { values: VisitValues };

/**
 * A learner's `touched_at` (what the retention period counts from) is written at most once a day:
 * rewriting it on every save made a new row version per save (a dead tuple for PostgreSQL's vacuum,
 * a page in SQLite's WAL) for a value that only needs to be right to the day (the purge runs daily).
 */
const TOUCH_EVERY_MS = 86_400_000;
export const touchCutoff = (at: string) => new Date(Date.parse(at) - TOUCH_EVERY_MS).toISOString();

/**
 * Write the changes of several requests together, with a few fixed statements over all their rows
 * (save-statements.ts) instead of three statements per request. Each key's changes are applied
 * in arrival order (one round per repeat), so every request gets the answer it would have got
 * alone: the same rows win, the same `applied` and `notApplied`.
 */
async function writeBatch(db: Db, jobs: Job[]): Promise<Applied[]> {
	const results: Applied[] = [];
	const lostAt: [number, number, string][] = [];
	const answers: AnswerRow[] = [];
	const visits: VisitRow[] = [];
	const learnerIds = new Set<string>();
	// Plain loops: this runs for every change of every save, and a closure per job was measurable.
	for (let job = 0; job < jobs.length; job++) {
		const { learnerId, changes, serverNow } = jobs[job]!;
		results.push({ applied: 0, notApplied: [] });
		learnerIds.add(learnerId);
		for (let index = 0; index < changes.length; index++) {
			const change = changes[index]!;
			if (change.kind === 'answer') {
				const savedAt = orderingTime(change.record.savedAt, serverNow);
				const json = JSON.stringify(savedAt === change.record.savedAt ? change.record : { ...change.record, savedAt });
				const values = { learnerId, exerciseId: change.exerciseId, json, savedAt, id: change.id };
				answers.push({ job, index, learnerId, change, key: keyOf(learnerId, change.exerciseId), values });
			} else {
				const values = { learnerId, path: change.path, visitedAt: change.visitedAt, endReachedAt: change.endReachedAt ?? null };
				visits.push({ job, index, learnerId, change, key: keyOf(learnerId, change.path), values });
			}
		}
	}
	const at = now();
	const cutoff = touchCutoff(at);
	const learners = [...learnerIds].sort();
	const answerRounds = rounds(answers);
	const visitRounds = rounds(visits);

	/** Count what a statement wrote; returns the rows it did not write. */
	const count = <R extends Row<unknown>>(part: R[], rows: Written) => {
		// A statement returns one row per row it wrote, and a round has no key twice: as many rows
		// back as went in means every one was written (the usual save), with no set of keys to build.
		if (rows.length === part.length) {
			for (const row of part) results[row.job]!.applied++;
			return [];
		}
		const written = new Set(rows.map((r) => keyOf(r.learner_id, r.item)));
		for (const row of part) if (written.has(row.key)) results[row.job]!.applied++;
		return part.filter((row) => !written.has(row.key));
	};
	// Answers not written: a retry of the stored change (fine), or a newer answer is there.
	const reportLost = (lost: AnswerRow[], stored: Stored) => {
		const storedIds = new Map(stored.map((r) => [keyOf(r.learner_id, r.exercise_id), r.change_id]));
		for (const row of lost) if (storedIds.get(row.key) !== row.change.id) lostAt.push([row.job, row.index, row.change.id]);
	};
	const values = <V>(rows: { values: V }[]) => rows.map((r) => r.values);

	const pool = postgresPool(db);
	if (pool && answerRounds.length <= 1 && visitRounds.length <= 1) {
		// PostgreSQL, the usual batch (no key twice): one statement instead of BEGIN, three statements
		// and COMMIT, each a round trip to a database that shares the CPU with this process.
		const [keyedAnswers = [], keyedVisits = []] = [answerRounds[0], visitRounds[0]];
		const rows = await saveAtOnce(pool, learners, at, cutoff, values(keyedAnswers), values(keyedVisits));
		count(keyedVisits, rows.filter((r) => r.kind === 's'));
		const lost = count(keyedAnswers, rows.filter((r) => r.kind === 'a'));
		if (lost.length) reportLost(lost, await storedAnswers(pool, values(lost)));
	} else {
		// Round by round, and the lost answers looked up right after their round: a later round may
		// overwrite the row that made an earlier change lose (or be a retry). Returns the learners written.
		const writeRounds = (learnersToSend: string[]) =>
			inSaveTransaction(db, async (tx) => {
				const written = learnersToSend.length ? await tx.learners(learnersToSend, at, cutoff) : [];
				for (const round of answerRounds) {
					const lost = count(round, await tx.answers(values(round)));
					if (lost.length) reportLost(lost, await tx.stored(values(lost)));
				}
				for (const round of visitRounds) count(round, await tx.sections(values(round)));
				return written;
			});
		if (pool) await writeRounds(learners); // PostgreSQL, a batch with a key twice
		else {
			// SQLite: learners this process wrote today are left out (known-learners.ts).
			const toWrite = learnersToWrite(db, learners, cutoff);
			let written: string[];
			try {
				written = await writeRounds(toWrite);
			} catch (error) {
				forgetLearners(db);
				// A learner left out may have been deleted behind this process's back (its answers then fail
				// their foreign key): once more, with every learner of the batch.
				if (toWrite.length < learners.length && isDataError(error)) return writeBatch(db, jobs);
				throw error;
			}
			noteLearnersWritten(db, written, at);
		}
	}
	lostAt.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	for (const [job, , id] of lostAt) results[job]!.notApplied.push(id);
	return results;
}

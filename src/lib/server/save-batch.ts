import { sql } from 'kysely';
import type { Change } from '$lib/progress/contract/changes';
import { inTransaction, postgresPool, type Db } from './db';
import { enqueue } from './group-commit';

// Saving a device's changes (POST /api/sync): the rule that the newer answer wins, and the group
// commit that writes the saves of many requests in one transaction (decision 0005).

/** The server's clock, in the stored form (ISO 8601, UTC). */
export const now = () => new Date().toISOString();

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
function rounds<C>(rows: Row<C>[]): Row<C>[][] {
	const seen = new Map<string, number>();
	const groups: Row<C>[][] = [];
	for (const row of rows) {
		const n = seen.get(row.key) ?? 0;
		seen.set(row.key, n + 1);
		(groups[n] ??= []).push(row);
	}
	// Keys in one order in every instance, so two instances' batches lock rows in the same order.
	for (const group of groups) group.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return groups;
}

/** At most this many rows per statement (5 values each: well below SQLite's and PostgreSQL's limits). */
const ROWS_PER_STATEMENT = 400;
function* parts<T>(items: T[]): Generator<T[]> {
	for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) yield items.slice(i, i + ROWS_PER_STATEMENT);
}

const keyOf = (learnerId: string, item: string) => `${learnerId}\u0000${item}`;

type AnswerRow = Row<AnswerChange & { savedAt: string; json: string }>;

/**
 * A learner's `touched_at` (what the retention period counts from) is written at most once a day:
 * rewriting it on every save made a new row version per save (a dead tuple for PostgreSQL's vacuum,
 * a page in SQLite's WAL) for a value that only needs to be right to the day (the purge runs daily).
 */
const TOUCH_EVERY_MS = 86_400_000;
export const touchCutoff = (at: string) => new Date(Date.parse(at) - TOUCH_EVERY_MS).toISOString();

const upsertLearners = (ids: string[], at: string) =>
	sql`insert into learners (id, created_at, touched_at) values ${sql.join(ids.map((id) => sql`(${id}, ${at}, ${at})`))}
		on conflict (id) do update set touched_at = excluded.touched_at where learners.touched_at < ${touchCutoff(at)}`;

/** Writes the rows that are newer than the stored answer; returns the keys it wrote. */
const upsertAnswers = (part: AnswerRow[]) =>
	sql`insert into answers (learner_id, exercise_id, record, saved_at, change_id)
		values ${sql.join(part.map(({ learnerId, change: c }) => sql`(${learnerId}, ${c.exerciseId}, ${c.json}, ${c.savedAt}, ${c.id})`))}
		on conflict (learner_id, exercise_id) do update set record = excluded.record, saved_at = excluded.saved_at, change_id = excluded.change_id
		where excluded.saved_at > answers.saved_at or (excluded.saved_at = answers.saved_at and excluded.change_id > answers.change_id)
		returning learner_id, exercise_id as item`;

/**
 * Keep the earliest visit and the earliest end reached, as the browser's merge does
 * (src/lib/progress/sync.ts), so both sides agree and nothing is sent again and again.
 */
const upsertSections = (part: Row<VisitChange>[]) =>
	sql`insert into sections (learner_id, path, visited_at, end_reached_at)
		values ${sql.join(part.map(({ learnerId, change: c }) => sql`(${learnerId}, ${c.path}, ${c.visitedAt}, ${c.endReachedAt ?? null})`))}
		on conflict (learner_id, path) do update set
			visited_at = case when excluded.visited_at < sections.visited_at then excluded.visited_at else sections.visited_at end,
			end_reached_at = case when sections.end_reached_at is null or excluded.end_reached_at < sections.end_reached_at then excluded.end_reached_at else sections.end_reached_at end
		returning learner_id, path as item`;

type Written = { learner_id: string; item: string }[];

/**
 * The PostgreSQL batch as one statement over arrays ($1 learners, $2 now, $3 touchCutoff; $4–$8 the
 * answers' columns; $9–$12 the visits'), the same rules as upsertLearners, upsertAnswers and
 * upsertSections. The answers' foreign key is checked at the end of the statement, when the
 * learners of the first part are there. Rows go in in the arrays' order (key order, see rounds).
 */
const SAVE_BATCH = `with l as (
		insert into learners (id, created_at, touched_at) select id, $2, $2 from unnest($1::text[]) as t(id)
		on conflict (id) do update set touched_at = excluded.touched_at where learners.touched_at < $3
	), a as (
		insert into answers (learner_id, exercise_id, record, saved_at, change_id)
		select * from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
		on conflict (learner_id, exercise_id) do update set record = excluded.record, saved_at = excluded.saved_at, change_id = excluded.change_id
		where excluded.saved_at > answers.saved_at or (excluded.saved_at = answers.saved_at and excluded.change_id > answers.change_id)
		returning learner_id, exercise_id as item
	), s as (
		insert into sections (learner_id, path, visited_at, end_reached_at)
		select * from unnest($9::text[], $10::text[], $11::text[], $12::text[])
		on conflict (learner_id, path) do update set
			visited_at = case when excluded.visited_at < sections.visited_at then excluded.visited_at else sections.visited_at end,
			end_reached_at = case when sections.end_reached_at is null or excluded.end_reached_at < sections.end_reached_at then excluded.end_reached_at else sections.end_reached_at end
		returning learner_id, path as item
	)
	select 'a' as kind, learner_id, item from a union all select 's' as kind, learner_id, item from s`;

/**
 * Write the changes of several requests together, with a few multi-row statements (the same SQL on
 * SQLite and PostgreSQL) instead of three statements per request. Each key's changes are applied
 * in arrival order (one round per repeat), so every request gets the answer it would have got
 * alone: the same rows win, the same `applied` and `notApplied`.
 */
async function writeBatch(db: Db, jobs: Job[]): Promise<Applied[]> {
	const results: Applied[] = jobs.map(() => ({ applied: 0, notApplied: [] }));
	const lostAt: [number, number, string][] = [];
	const answers: AnswerRow[] = [];
	const visits: Row<VisitChange>[] = [];
	jobs.forEach(({ learnerId, changes, serverNow }, job) =>
		changes.forEach((change, index) => {
			if (change.kind === 'answer') {
				const savedAt = orderingTime(change.record.savedAt, serverNow);
				const json = JSON.stringify(savedAt === change.record.savedAt ? change.record : { ...change.record, savedAt });
				answers.push({ job, index, learnerId, change: { ...change, savedAt, json }, key: keyOf(learnerId, change.exerciseId) });
			} else visits.push({ job, index, learnerId, change, key: keyOf(learnerId, change.path) });
		})
	);
	const at = now();
	const learners = [...new Set(jobs.map((j) => j.learnerId))].sort();
	const answerRounds = rounds(answers);
	const visitRounds = rounds(visits);

	/** Count what a statement wrote; answers it did not write are looked up (in `db`, the same transaction when there is one). */
	const count = (part: Row<unknown>[], rows: Written) => {
		const written = new Set(rows.map((r) => keyOf(r.learner_id, r.item)));
		for (const row of part) if (written.has(row.key)) results[row.job]!.applied++;
		return part.filter((row) => !written.has(row.key));
	};
	// Not written: a retry of the stored change (fine), or a newer answer is there.
	const reportLost = async (trx: Db, lost: AnswerRow[]) => {
		if (!lost.length) return;
		const stored = await sql<{ learner_id: string; exercise_id: string; change_id: string }>`select learner_id, exercise_id, change_id from answers
			where (learner_id, exercise_id) in (values ${sql.join(lost.map((row) => sql`(${row.learnerId}, ${row.change.exerciseId})`))})`.execute(trx);
		const storedIds = new Map(stored.rows.map((r) => [keyOf(r.learner_id, r.exercise_id), r.change_id]));
		for (const row of lost) if (storedIds.get(row.key) !== row.change.id) lostAt.push([row.job, row.index, row.change.id]);
	};

	const pool = postgresPool(db);
	if (pool && answerRounds.length <= 1 && visitRounds.length <= 1) {
		// PostgreSQL, the usual batch (no key twice): one fixed statement over arrays, a transaction of
		// its own (no BEGIN/COMMIT round trips), prepared once per connection (a named statement: the
		// database parses and plans it once, not per batch, and no SQL is built here).
		const [keyedAnswers = [], keyedVisits = []] = [answerRounds[0], visitRounds[0]];
		const { rows } = await pool.query<Written[number] & { kind: 'a' | 's' }>({
			name: 'etool-save-batch',
			text: SAVE_BATCH,
			values: [
				learners,
				at,
				touchCutoff(at),
				keyedAnswers.map((r) => r.learnerId),
				keyedAnswers.map((r) => r.change.exerciseId),
				keyedAnswers.map((r) => r.change.json),
				keyedAnswers.map((r) => r.change.savedAt),
				keyedAnswers.map((r) => r.change.id),
				keyedVisits.map((r) => r.learnerId),
				keyedVisits.map((r) => r.change.path),
				keyedVisits.map((r) => r.change.visitedAt),
				keyedVisits.map((r) => r.change.endReachedAt ?? null)
			]
		});
		count(visits, rows.filter((r) => r.kind === 's'));
		await reportLost(db, count(answers, rows.filter((r) => r.kind === 'a')) as AnswerRow[]);
	} else
		await inTransaction(db, async (trx) => {
			for (const ids of parts(learners)) await upsertLearners(ids, at).execute(trx);
			for (const round of answerRounds)
				for (const part of parts(round)) {
					const { rows } = await upsertAnswers(part).execute(trx);
					await reportLost(trx, count(part, rows as Written) as AnswerRow[]);
				}
			for (const round of visitRounds)
				for (const part of parts(round)) {
					const { rows } = await upsertSections(part).execute(trx);
					count(part, rows as Written);
				}
		});
	lostAt.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	for (const [job, , id] of lostAt) results[job]!.notApplied.push(id);
	return results;
}


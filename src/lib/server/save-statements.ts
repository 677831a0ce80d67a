import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { postgresPool, sqliteHandle, type Db } from './db';

// The statements that write a batch of saves (save-batch.ts): fixed SQL. PostgreSQL takes a batch's
// rows as one JSON array of arrays (`jsonb_array_elements`: one round trip); SQLite, which runs in
// this process, takes the answers and visits one row per run and the learner ids as one array.
// Fixed text means each statement is prepared once per connection (a named statement in `pg`,
// better-sqlite3's cached statement), instead of Kysely building, and the database parsing, new SQL
// for every batch size: on PostgreSQL that planning was a fifth of the database's time, on SQLite
// Kysely's building 14 % of the server's (decision 0005). The rules (newer answer wins, earliest
// visit, touched once a day) are written once, in the conflict clauses both databases share.

/** One answer to write: the change's id and its record as stored (JSON, savedAt already bounded). */
export interface AnswerValues {
	learnerId: string;
	exerciseId: string;
	json: string;
	savedAt: string;
	id: string;
}

/** One section visit to write. */
export interface VisitValues {
	learnerId: string;
	path: string;
	visitedAt: string;
	endReachedAt: string | null;
}

/** The rows a statement wrote, by key (learner and exercise or path). */
export type Written = { learner_id: string; item: string }[];
/** The change ids stored for some keys. */
export type Stored = { learner_id: string; exercise_id: string; change_id: string }[];

/** The statements of one batch's transaction. */
export interface SaveTransaction {
	/** Create the learners, or note their activity (at most once a day: `touched_at` before `cutoff`); returns the ids it wrote. */
	learners(ids: string[], at: string, cutoff: string): Promise<string[]>;
	/** Write the answers that are newer than the stored ones (no key twice); returns what it wrote. */
	answers(rows: AnswerValues[]): Promise<Written>;
	/** Write the visits, keeping the earliest times (no key twice); returns what it wrote. */
	sections(rows: VisitValues[]): Promise<Written>;
	/** The stored change ids for these answers' keys. */
	stored(rows: AnswerValues[]): Promise<Stored>;
}

// The rules, the same on both databases.
const LEARNER_CONFLICT = (cutoff: string) => `on conflict (id) do update set touched_at = excluded.touched_at where learners.touched_at < ${cutoff}`;
/** The newer answer wins (by ordering time, then change id); a retried change changes nothing. */
const ANSWER_CONFLICT = `on conflict (learner_id, exercise_id) do update set record = excluded.record, saved_at = excluded.saved_at, change_id = excluded.change_id
	where excluded.saved_at > answers.saved_at or (excluded.saved_at = answers.saved_at and excluded.change_id > answers.change_id)`;
/** The earliest visit and the earliest end reached, as the browser's merge keeps them (src/lib/progress/sync.ts). */
const SECTION_CONFLICT = `on conflict (learner_id, path) do update set
		visited_at = case when excluded.visited_at < sections.visited_at then excluded.visited_at else sections.visited_at end,
		end_reached_at = case when sections.end_reached_at is null or excluded.end_reached_at < sections.end_reached_at then excluded.end_reached_at else sections.end_reached_at end`;

// The rows of a statement as one JSON array of arrays (PostgreSQL: `jsonb_array_elements`; SQLite
// for the stored-ids lookup: `json_each`). On PostgreSQL this replaced one text array per
// column: `pg` builds an array literal in JavaScript, escaping every quote of every answer's JSON,
// which was about 4 % of a save; JSON.stringify is native (decision 0005).
const answerRows = (rows: AnswerValues[]) => JSON.stringify(rows.map((r) => [r.learnerId, r.exerciseId, r.json, r.savedAt, r.id]));
const visitRows = (rows: VisitValues[]) => JSON.stringify(rows.map((r) => [r.learnerId, r.path, r.visitedAt, r.endReachedAt]));
const keyRows = (rows: AnswerValues[]) => JSON.stringify(rows.map((r) => [r.learnerId, r.exerciseId]));

// PostgreSQL: `$n` numbers from `p`, so the statements can also be joined into one (saveAtOnce).
const pgLearners = (p: number) => `insert into learners (id, created_at, touched_at) select id, $${p + 1}, $${p + 1} from unnest($${p}::text[]) as t(id) ${LEARNER_CONFLICT(`$${p + 2}`)} returning id`;
const pgAnswers = (p: number) =>
	`insert into answers (learner_id, exercise_id, record, saved_at, change_id)
	select value->>0, value->>1, value->>2, value->>3, value->>4 from jsonb_array_elements($${p}::jsonb) ${ANSWER_CONFLICT}
	returning learner_id, exercise_id as item`;
const pgSections = (p: number) =>
	`insert into sections (learner_id, path, visited_at, end_reached_at)
	select value->>0, value->>1, value->>2, value->>3 from jsonb_array_elements($${p}::jsonb) ${SECTION_CONFLICT}
	returning learner_id, path as item`;
const PG_STORED = 'select learner_id, exercise_id, change_id from answers where (learner_id, exercise_id) in (select value->>0, value->>1 from jsonb_array_elements($1::jsonb))';
/** The usual batch in one statement, a transaction of its own: the answers' foreign key is checked at its end, when the learners are there. */
const PG_AT_ONCE = `with l as (${pgLearners(1)}), a as (${pgAnswers(4)}), s as (${pgSections(5)})
	select 'a' as kind, learner_id, item from a union all select 's' as kind, learner_id, item from s`;

// SQLite: `where true` is SQLite's rule for an upsert after a select.
const SQLITE_LEARNERS = `insert into learners (id, created_at, touched_at) select value, @at, @at from json_each(@ids) where true ${LEARNER_CONFLICT('@cutoff')} returning id`;
// One row per run: better-sqlite3 binds in C++ and the statement runs on this thread anyway, so
// a row as parameters is cheaper than one JSON array that escapes every answer's JSON again and
// that SQLite parses back (json_each): about a microsecond per answer (decision 0005, fifth part).
// No RETURNING: the run's count of changed rows says whether this row was written (0 when the
// conflict clause's `where` kept the stored one), and RETURNING cost SQLite a temporary result
// table and better-sqlite3 a row object per answer, 1.2 µs of its 6 (decision 0005, sixth part).
const SQLITE_ANSWER = `insert into answers (learner_id, exercise_id, record, saved_at, change_id) values (?, ?, ?, ?, ?) ${ANSWER_CONFLICT}`;
const SQLITE_SECTION = `insert into sections (learner_id, path, visited_at, end_reached_at) values (?, ?, ?, ?) ${SECTION_CONFLICT}`;
const SQLITE_STORED = 'select learner_id, exercise_id, change_id from answers where (learner_id, exercise_id) in (select value->>0, value->>1 from json_each(?))';

function pgTransaction(client: pg.PoolClient): SaveTransaction {
	const run = async <R extends object>(name: string, text: string, values: unknown[]) => (await client.query<R>({ name, text, values })).rows;
	return {
		learners: async (ids, at, cutoff) => (await run<{ id: string }>('etool-save-learners', pgLearners(1), [ids, at, cutoff])).map((r) => r.id),
		answers: (rows) => run('etool-save-answers', pgAnswers(1), [answerRows(rows)]),
		sections: (rows) => run('etool-save-sections', pgSections(1), [visitRows(rows)]),
		stored: (rows) => run('etool-save-stored', PG_STORED, [keyRows(rows)])
	};
}

function sqliteTransaction(sqlite: SQLite.Database): SaveTransaction {
	// better-sqlite3 answers synchronously; its prepare is cached (db/index.ts), so each text is parsed once.
	/** Run `text` once per row with that row's parameters; a row that changed the table was written. */
	const perRow = <R extends { learnerId: string }>(text: string, rows: R[], params: (row: R) => unknown[], item: (row: R) => string): Written => {
		const statement = sqlite.prepare(text);
		const written: Written = [];
		for (const r of rows) if (statement.run(...params(r)).changes > 0) written.push({ learner_id: r.learnerId, item: item(r) });
		return written;
	};
	return {
		learners: async (ids, at, cutoff) => (sqlite.prepare(SQLITE_LEARNERS).all({ ids: JSON.stringify(ids), at, cutoff }) as { id: string }[]).map((r) => r.id),
		answers: async (rows) => perRow(SQLITE_ANSWER, rows, (r) => [r.learnerId, r.exerciseId, r.json, r.savedAt, r.id], (r) => r.exerciseId),
		sections: async (rows) => perRow(SQLITE_SECTION, rows, (r) => [r.learnerId, r.path, r.visitedAt, r.endReachedAt], (r) => r.path),
		stored: async (rows) => sqlite.prepare(SQLITE_STORED).all(keyRows(rows)) as Stored
	};
}

/**
 * Run `work` in one transaction on one connection. When the commit fails and the rollback too (a
 * full disk often fails both), the commit's error is thrown: the log must name the real cause.
 */
export async function inSaveTransaction<T>(db: Db, work: (tx: SaveTransaction) => Promise<T>): Promise<T> {
	const pool = postgresPool(db);
	if (pool) {
		const client = await pool.connect();
		let broken: Error | undefined;
		try {
			await client.query('begin');
			const result = await work(pgTransaction(client));
			await client.query('commit');
			return result;
		} catch (error) {
			await client.query('rollback').catch((lost: Error) => (broken = lost));
			throw error;
		} finally {
			client.release(broken); // a connection that cannot even roll back is not handed out again
		}
	}
	const sqlite = sqliteHandle(db);
	if (!sqlite) throw new Error('inSaveTransaction: een database die niet door openDb geopend is');
	// Through Kysely's connection, so no transaction of its own (a resume code, a delete) is open meanwhile.
	return db.connection().execute(async () => {
		sqlite.exec('begin');
		try {
			const result = await work(sqliteTransaction(sqlite));
			sqlite.exec('commit');
			return result;
		} catch (error) {
			try {
				sqlite.exec('rollback');
			} catch {
				/* the error that matters is the first one */
			}
			throw error;
		}
	});
}

/** PostgreSQL's usual batch (no key twice) as one statement, which is a transaction by itself. */
export async function saveAtOnce(pool: pg.Pool, learners: string[], at: string, cutoff: string, answers: AnswerValues[], visits: VisitValues[]) {
	const values = [learners, at, cutoff, answerRows(answers), visitRows(visits)];
	return (await pool.query<Written[number] & { kind: 'a' | 's' }>({ name: 'etool-save-at-once', text: PG_AT_ONCE, values })).rows;
}

/** The stored change ids for these answers' keys, outside a transaction (after saveAtOnce). */
export async function storedAnswers(pool: pg.Pool, rows: AnswerValues[]): Promise<Stored> {
	return (await pool.query<Stored[number]>({ name: 'etool-save-stored', text: PG_STORED, values: [keyRows(rows)] })).rows;
}

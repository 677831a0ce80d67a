import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import { describeError, logLine } from '../log';
import { POSTGRES_URL } from '../settings';
import * as initial from './migrations/001-initial';
import * as serverState from './migrations/002-server-state';
import * as team from './migrations/003-team';
import type { Database } from './schema';

/** Every migration, in order. Applied at start-up, for SQLite and PostgreSQL alike. */
const migrations: Record<string, Migration> = { '001-initial': initial, '002-server-state': serverState, '003-team': team };

/**
 * How long a SQLite write waits for a lock held by another process. better-sqlite3 waits on the
 * event loop, so this is how long pages stall too: short, and the API answers 503 with Retry-After
 * (the browser keeps the change in its queue and tries again). Nothing else should write the file.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 200;

export type Db = Kysely<Database>;

/** An open database; `sqlite` is the raw connection, for checkpoints after deletes. */
export interface OpenedDb {
	db: Db;
	dialect: 'postgres' | 'sqlite';
	sqlite?: SQLite.Database;
}

/**
 * After deleting learner data: move the WAL into the file and empty it, so the zeroed pages are
 * the only copy (SQLite). PostgreSQL keeps dead rows until (auto)vacuum; docs/privacy.md says so.
 */
export function checkpoint(opened: OpenedDb): void {
	opened.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Open the database: PostgreSQL when `url` is a postgres:// URL, otherwise the embedded SQLite
 * file at `sqlitePath` (WAL, so readers never wait for the writer).
 */
export function openDb(url: string | undefined, sqlitePath = 'data/etool.sqlite'): OpenedDb {
	if (url && POSTGRES_URL.test(url)) {
		// A database that does not answer must become a 503 within seconds, not a request that hangs.
		const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE) || 10, connectionTimeoutMillis: 5000 });
		// An idle connection that the database ends (restart, failover, pg_terminate_backend,
		// idle_session_timeout) is reported here; without a listener Node ends the whole process,
		// pages included. The pool drops that client and the next query opens a new one.
		const lost = (error: Error) => logLine({ event: 'database', status: 'connection-lost', ...describeError(error) });
		pool.on('error', lost);
		// A connection ended while checked out (between two queries of a request) reports on the
		// client itself, where pg-pool listens only while it is idle: listen there too. The query
		// in progress fails (503) and the pool does not hand out that client again.
		pool.on('connect', (client) => client.on('error', lost));
		return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
	}
	if (sqlitePath !== ':memory:') mkdirSync(dirname(sqlitePath), { recursive: true });
	const sqlite = new SQLite(sqlitePath);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	cacheStatements(sqlite);
	sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
	// Deleted rows are overwritten with zeros, in the file and in the WAL, so "Wis mijn gegevens" and
	// the retention purge leave no readable text behind (after the checkpoint that follows them).
	sqlite.pragma('secure_delete = ON');
	return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite', sqlite };
}

/**
 * Kysely asks better-sqlite3 to prepare every query anew; the profile of a save showed that
 * parsing SQL took a large share of the database time. Our queries are a handful of fixed strings,
 * so keep the prepared statements (bounded: a batch of the group commit has one statement per row count).
 */
function cacheStatements(sqlite: SQLite.Database): void {
	const prepare = sqlite.prepare.bind(sqlite);
	const cache = new Map<string, SQLite.Statement>();
	sqlite.prepare = ((source: string) => {
		let statement = cache.get(source);
		if (!statement) {
			if (cache.size >= 1000) cache.clear();
			statement = prepare(source);
			cache.set(source, statement);
		}
		return statement;
	}) as typeof sqlite.prepare;
}

/** Bring the database to the newest schema; throws with the migration's own error when one fails. */
export async function migrate(db: Db): Promise<void> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) throw new Error(`Migratie ${failed?.migrationName ?? ''} mislukt: ${String(error)}`);
}

/**
 * Run `work` in a transaction on one connection. When the commit or the rollback fails too (a full
 * disk often fails both), the error that caused it is thrown, not "cannot rollback - no transaction
 * is active": the log must name the real cause.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	return db.connection().execute(async (conn) => {
		await sql`begin`.execute(conn);
		try {
			const result = await work(conn);
			await sql`commit`.execute(conn);
			return result;
		} catch (error) {
			await sql`rollback`.execute(conn).catch(() => undefined);
			throw error;
		}
	});
}

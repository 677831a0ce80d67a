import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import pg from 'pg';
import * as initial from './migrations/001-initial';
import type { Database } from './schema';

/** Every migration, in order. Applied at start-up, for SQLite and PostgreSQL alike. */
const migrations: Record<string, Migration> = { '001-initial': initial };

export type Db = Kysely<Database>;

/**
 * Open the database: PostgreSQL when `url` is a postgres:// URL, otherwise the embedded SQLite
 * file at `sqlitePath` (WAL, so readers never wait for the writer).
 */
export function openDb(url: string | undefined, sqlitePath = 'data/etool.sqlite'): { db: Db; dialect: 'postgres' | 'sqlite' } {
	if (url && /^postgres(ql)?:\/\//.test(url)) {
		// A database that does not answer must become a 503 within seconds, not a request that hangs.
		const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE) || 10, connectionTimeoutMillis: 5000 });
		return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
	}
	if (sqlitePath !== ':memory:') mkdirSync(dirname(sqlitePath), { recursive: true });
	const sqlite = new SQLite(sqlitePath);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite' };
}

/** Bring the database to the newest schema; throws with the migration's own error when one fails. */
export async function migrate(db: Db): Promise<void> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) throw new Error(`Migratie ${failed?.migrationName ?? ''} mislukt: ${String(error)}`);
}

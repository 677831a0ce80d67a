import { sql } from 'kysely';
import { catalogue } from './catalogue';
import { migrate, openDb, type Db } from './db';
import { describeError, logLine } from './log';
import { purgeUntouched } from './progress-store';
import { purgeRateLimits } from './rate-limit';
import { retentionCutoff, settingsFromEnv, type ServerSettings } from './settings';

/**
 * The one database of this process, opened lazily and migrated once. `server.js` opens it at
 * start-up, purges and closes it; under `vite dev` or `vite preview` the first API request opens it
 * (SQLite in `data/` unless DATABASE_URL says otherwise).
 */
interface Holder {
	settings: ServerSettings;
	opened?: { db: Db; dialect: 'postgres' | 'sqlite' };
	ready?: Promise<Db>;
}

// Kept on globalThis, not in a module variable: `vite dev` evaluates changed modules again (one
// database, not one per edit), and server.js (plain JS) reaches this bridge after importing the
// built handler, which cannot import our TypeScript itself.
const KEY = Symbol.for('etool.server');
const scope = globalThis as unknown as Record<symbol, ServerBridge | undefined>;

function holder(): Holder {
	return (scope[KEY] ??= createBridge()).holder;
}

/** The settings this process runs with. */
export const settings = (): ServerSettings => holder().settings;

/** The database, opened and migrated; a failed attempt is forgotten so the next request tries again. */
export function getDb(): Promise<Db> {
	const h = holder();
	h.ready ??= (async () => {
		h.opened ??= openDb(h.settings.databaseUrl, h.settings.sqlitePath);
		await migrate(h.opened.db);
		return h.opened.db;
	})().catch(async (error: unknown) => {
		h.ready = undefined;
		const opened = h.opened;
		h.opened = undefined;
		await opened?.db.destroy().catch(() => undefined);
		throw error;
	});
	return h.ready;
}

/** `select 1`: is the database there? */
export async function pingDb(): Promise<void> {
	await sql`select 1`.execute(await getDb());
}

/** Close the database (at shutdown). A later getDb() would open it again. */
export async function closeDb(): Promise<void> {
	const h = holder();
	const opened = h.opened;
	h.opened = undefined;
	h.ready = undefined;
	await opened?.db.destroy();
}

/** Delete learners untouched for the retention period, and rate-limit counters older than a day. */
export async function purgeExpired(now = new Date()): Promise<{ learners: number; rateLimits: number }> {
	const db = await getDb();
	const learners = await purgeUntouched(db, retentionCutoff(now, settings().retentionMonths));
	const rateLimits = await purgeRateLimits(db, new Date(now.getTime() - 86_400_000));
	return { learners, rateLimits };
}

/** What server.js calls; the names are its whole contract with the built SvelteKit code. */
export interface ServerBridge {
	holder: Holder;
	/** Open and migrate the database; resolves to the dialect in use. */
	start(): Promise<'postgres' | 'sqlite'>;
	purge(): Promise<{ learners: number; rateLimits: number }>;
	close(): Promise<void>;
	settings: ServerSettings;
}

function createBridge(): ServerBridge {
	const h: Holder = { settings: settingsFromEnv() };
	return {
		holder: h,
		start: async () => {
			try {
				catalogue(); // read the content now, not during the first learner's sync
			} catch (error) {
				logLine({ event: 'content', status: 'failed', ...describeError(error) });
			}
			await getDb();
			return h.opened?.dialect ?? 'sqlite';
		},
		purge: () => purgeExpired(),
		close: closeDb,
		settings: h.settings
	};
}

/** Make sure the bridge exists as soon as the server code is loaded (hooks.server.ts imports this). */
export function registerBridge(): void {
	holder();
}

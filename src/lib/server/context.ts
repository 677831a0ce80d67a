import { randomBytes } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { catalogue } from './catalogue';
import { checkpoint, migrate, openDb, type Db, type OpenedDb } from './db';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setSecurityHeaders, type ResponseContext } from './headers';
import { describeError, logLine, logRequest } from './log';
import { purgeUntouched } from './progress-store';
import { purgeRateLimits } from './rate-limit';
import { retentionCutoff, settingsFromEnv, type ServerSettings } from './settings';
import { endStreams } from './stream';
import { purgeExpiredSessions } from './team/store';

/**
 * The one database of this process, opened lazily and migrated once. `server.js` opens it at
 * start-up, purges and closes it; under `vite dev` or `vite preview` the first API request opens it
 * (SQLite in `data/` unless DATABASE_URL says otherwise).
 */
interface Holder {
	settings: ServerSettings;
	opened?: OpenedDb;
	ready?: Promise<Db>;
	/** The database once `ready` has resolved, for callers that need not wait on a promise (dbNow). */
	db?: Db;
	/** The key that signs learner cookies, known once the database is open. */
	key?: Buffer;
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
		h.key ??= h.settings.learnerSecret ? Buffer.from(h.settings.learnerSecret) : await sharedSecret(h.opened.db);
		return (h.db = h.opened.db);
	})().catch(async (error: unknown) => {
		await forgetDb(h)?.db.destroy().catch(() => undefined);
		throw error;
	});
	return h.ready;
}

/** Forget the open database, so the next getDb() opens it again; returns it for the caller to close. */
function forgetDb(h: Holder): OpenedDb | undefined {
	const opened = h.opened;
	h.opened = undefined;
	h.ready = undefined;
	h.db = undefined;
	return opened;
}

/**
 * The signing key kept in the database: the first instance to start makes it, every instance
 * behind the same database reads the same one, and it survives restarts (a new key would make
 * every learner's cookie invalid).
 */
async function sharedSecret(db: Db): Promise<Buffer> {
	await db
		.insertInto('server_state')
		.values({ key: 'learner-secret', value: randomBytes(32).toString('base64url') })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const row = await db.selectFrom('server_state').select('value').where('key', '=', 'learner-secret').executeTakeFirstOrThrow();
	return Buffer.from(row.value, 'base64url');
}

/**
 * The database when it is open and migrated, else undefined (then use getDb). Every save awaited
 * getDb() and learnerKey() for a database that was long open: two promises and turns of the
 * microtask queue per save (decision 0005, sixth part).
 */
export const dbNow = (): Db | undefined => holder().db;

/** The learner-cookie key when the database is open, else undefined (then use learnerKey). */
export function learnerKeyNow(): Buffer | undefined {
	const h = holder();
	return h.db ? h.key : undefined;
}

/** The learner-cookie key (opens the database when needed: without it no id can be checked). */
export async function learnerKey(): Promise<Buffer> {
	await getDb();
	return holder().key!;
}

/** Free space below which /healthz reports the SQLite disk as full: a few saves of 64 KB. */
export const MIN_FREE_BYTES = 1024 * 1024;

/**
 * For /healthz: can the database still write? A heartbeat row is written, so a full disk, a
 * read-only file or a lost PostgreSQL connection shows here, not only in failing saves.
 */
export async function pingDb(): Promise<void> {
	const db = await getDb();
	const h = holder();
	if (h.opened?.dialect === 'sqlite' && h.settings.sqlitePath !== ':memory:') {
		// SQLite reuses its WAL's space, so a small heartbeat can still succeed on a full disk
		// while a save of 60 KB fails: check the room a save needs as well.
		const { bavail, bsize } = await statfs(dirname(h.settings.sqlitePath));
		if (bavail * bsize < MIN_FREE_BYTES)
			throw Object.assign(new Error(`Bijna geen schijfruimte meer bij de database: ${Math.floor((bavail * bsize) / 1024)} KB vrij.`), { code: 'DISK_FULL' });
	}
	const at = new Date().toISOString();
	await db
		.insertInto('server_state')
		.values({ key: 'heartbeat', value: at })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value: at }))
		.execute();
}

/** After a delete: let SQLite drop its WAL copy of the deleted rows (see checkpoint in db/index.ts). */
export function afterDelete(): void {
	const opened = holder().opened;
	try {
		if (opened) checkpoint(opened);
	} catch (error) {
		// The rows are deleted (and zeroed); the WAL copy goes with SQLite's next automatic checkpoint.
		logLine({ event: 'checkpoint-failed', ...describeError(error) });
	}
}

/**
 * After a failed query: a SQLite connection that met a read-only or failing file system can stay
 * unusable after the disk is fixed, so drop it; the next request opens the file again.
 */
export function resetDbAfter(error: unknown): void {
	const code = String((error as { code?: unknown })?.code ?? '');
	const h = holder();
	if (h.opened?.dialect !== 'sqlite' || !/^SQLITE_(READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB)/.test(code)) return;
	void forgetDb(h)?.db.destroy().catch(() => undefined);
}

const closers = new Set<() => Promise<void>>();
/** Run `close` at shutdown, before the database closes (the team hub's listening connection). */
export const onClose = (close: () => Promise<void>): void => void closers.add(close);

/** Close the database (at shutdown). A later getDb() would open it again. */
export async function closeDb(): Promise<void> {
	for (const close of closers) await close().catch(() => undefined);
	await forgetDb(holder())?.db.destroy();
}

/**
 * Delete learners untouched for the retention period, rate-limit counters older than a day, and team
 * sessions without activity for TEAM_SESSION_DAYS (their boards notice at their next heartbeat).
 */
export async function purgeExpired(now = new Date()): Promise<{ learners: number; rateLimits: number; teamSessions: number }> {
	const db = await getDb();
	const learners = await purgeUntouched(db, retentionCutoff(now, settings().retentionMonths));
	const rateLimits = await purgeRateLimits(db, new Date(now.getTime() - 86_400_000));
	const teamSessions = (await purgeExpiredSessions(db, settings().teamSessionDays, now)).length;
	if (learners || teamSessions) afterDelete();
	return { learners, rateLimits, teamSessions };
}

/** What server.js calls; the names are its whole contract with the built SvelteKit code. */
export interface ServerBridge {
	holder: Holder;
	/** Open and migrate the database; resolves to the dialect in use. */
	start(): Promise<'postgres' | 'sqlite'>;
	purge(): Promise<{ learners: number; rateLimits: number; teamSessions: number }>;
	close(): Promise<void>;
	/** At a graceful stop: end the open event streams (stream.ts), which never end on their own. */
	endStreams(): void;
	/** The path a request under /api/team/ is logged as (team/routes.ts); set with the router. */
	teamLogPath?: (path: string) => string;
	settings: ServerSettings;
	/** The API's own router (router.ts): answers /api/* and /healthz, false for any other path. */
	handleApi?: (req: IncomingMessage, res: ServerResponse, context: ResponseContext) => boolean;
	/** The headers every response carries (headers.ts), for the pages and refusals server.js writes. */
	setSecurityHeaders(res: ServerResponse, context: ResponseContext): void;
	/** One JSON log line, gathered and written once per turn of the event loop (log.ts). */
	log: typeof logLine;
	/** server.js's line per request, built without a fields object (log.ts). */
	logRequest: typeof logRequest;
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
		endStreams,
		setSecurityHeaders,
		settings: h.settings,
		log: logLine,
		logRequest
	};
}

/**
 * Make sure the bridge exists as soon as the server code is loaded (hooks.server.ts calls this),
 * with the API router, which this module cannot import itself (the router's modules import this one).
 */
export function registerBridge(handleApi: ServerBridge['handleApi'], teamLogPath?: ServerBridge['teamLogPath']): void {
	holder();
	scope[KEY]!.handleApi = handleApi;
	scope[KEY]!.teamLogPath = teamLogPath;
}

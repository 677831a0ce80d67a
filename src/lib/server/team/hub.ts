import type { ServerResponse } from 'node:http';
import { sql } from 'kysely';
import pg from 'pg';
import type { BoardState } from '$lib/team/contract';
import { getDb, onClose, settings } from '../context';
import { describeError, logLine } from '../log';
import { writeEvent } from '../stream';
import { boardState } from './board';
import { teamCourse } from './course';
import { sessionById } from './store';

// The live board (decision 0011): per process, the open event streams per session. A change (an
// answer, a section, a share, a decision, a join, a leave) marks its session dirty; the state is
// computed once for all its streams and pushed at most every 250 ms (≤ 4 per second), and only to
// a stream whose last state differs. Across instances, PostgreSQL carries the notice: every change
// is followed by `NOTIFY etool_team, '<session id>'`, and each instance has one connection that
// LISTENs (reconnecting after it drops, and then refreshing every board it serves). On SQLite there
// is one instance, and the notice stays in the process.

export const CHANNEL = 'etool_team';
const INTERVAL_MS = 250;
const HEARTBEAT_MS = 15_000;

interface Subscriber {
	res: ServerResponse;
	/** The last event sent, so an unchanged state is not sent again. */
	last?: string;
}

interface Entry {
	subscribers: Set<Subscriber>;
	/** The session's version (options.version) read before the last computed state. */
	version?: string | null;
	dirty: boolean;
	running: boolean;
	timer?: ReturnType<typeof setTimeout>;
	lastRun: number;
}

export interface HubOptions {
	/** The board state of a live session; null once it ended or expired. */
	compute(sessionId: string): Promise<BoardState | null>;
	/**
	 * A cheap mark that changes with every change of the session (its last activity), or null once it
	 * ended or expired. With it the heartbeat recomputes only boards that changed; without it, all.
	 */
	version?(sessionId: string): Promise<string | null>;
	/** Tell the other instances (PostgreSQL NOTIFY); absent on SQLite. */
	publish?(sessionId: string): Promise<void>;
	/** Start listening for the other instances' notices; returns how to stop. */
	listen?(hub: TeamHub): () => Promise<void>;
	intervalMs?: number;
	heartbeatMs?: number;
}

const event = (state: BoardState | null): string => (state ? `event: state\ndata: ${JSON.stringify(state)}\n\n` : 'event: ended\ndata: {}\n\n');

export class TeamHub {
	private readonly sessions = new Map<string, Entry>();
	private heartbeat?: ReturnType<typeof setInterval>;
	private stopListening?: () => Promise<void>;

	constructor(private readonly options: HubOptions) {}

	/** Streams open in this process, over all sessions. */
	get size(): number {
		let n = 0;
		for (const entry of this.sessions.values()) n += entry.subscribers.size;
		return n;
	}

	/** Send this session's state to `res` now and after every change, until it closes. */
	subscribe(sessionId: string, res: ServerResponse): void {
		let entry = this.sessions.get(sessionId);
		if (!entry) this.sessions.set(sessionId, (entry = { subscribers: new Set(), dirty: false, running: false, lastRun: 0 }));
		const subscriber: Subscriber = { res };
		entry.subscribers.add(subscriber);
		res.on('close', () => {
			entry.subscribers.delete(subscriber);
			if (!entry.subscribers.size && !entry.running && this.sessions.get(sessionId) === entry) {
				clearTimeout(entry.timer);
				this.sessions.delete(sessionId);
			}
			if (!this.size) this.idle();
		});
		this.heartbeat ??= setInterval(() => this.beat(), this.options.heartbeatMs ?? HEARTBEAT_MS);
		this.heartbeat.unref?.();
		if (this.options.listen && !this.stopListening) this.stopListening = this.options.listen(this);
		// The new stream has no state yet: the next push reaches it (and no other, unless changed).
		this.mark(sessionId, true);
	}

	/** After a committed change: this instance's streams and, through PostgreSQL, every other's. */
	changed(sessionId: string): void {
		this.mark(sessionId);
		this.options.publish?.(sessionId).catch((error: unknown) => logLine({ event: 'team-notify-failed', ...describeError(error) }));
	}

	/** A notice from another instance (or our own, back through LISTEN). */
	received(sessionId: string): void {
		this.mark(sessionId);
	}

	/** After the listening connection was lost and is back: notices may have been missed. */
	refreshAll(): void {
		for (const id of this.sessions.keys()) this.mark(id);
	}

	/** Stop the heartbeat and the listening connection (at shutdown). */
	async close(): Promise<void> {
		for (const entry of this.sessions.values()) clearTimeout(entry.timer);
		this.sessions.clear();
		this.idle();
	}

	private idle(): void {
		clearInterval(this.heartbeat);
		this.heartbeat = undefined;
		const stop = this.stopListening;
		this.stopListening = undefined;
		void stop?.().catch(() => undefined);
	}

	private mark(sessionId: string, now = false): void {
		const entry = this.sessions.get(sessionId);
		if (!entry) return; // nobody here watches it
		entry.dirty = true;
		if (entry.running || entry.timer) return; // the push under way looks at `dirty` when it is done
		const wait = now ? 0 : Math.max(0, entry.lastRun + (this.options.intervalMs ?? INTERVAL_MS) - Date.now());
		entry.timer = setTimeout(() => void this.push(sessionId, entry), wait);
	}

	private async push(sessionId: string, entry: Entry): Promise<void> {
		entry.timer = undefined;
		entry.dirty = false;
		entry.running = true;
		let text: string | null = null;
		try {
			// Read before the state, so a change in between shows as a new version at the next beat.
			if (this.options.version) entry.version = await this.options.version(sessionId);
			text = event(await this.options.compute(sessionId));
		} catch (error) {
			// The database failed for a moment: keep the streams, try again at the next notice or heartbeat
			// (which compares versions: forget this one, so the heartbeat computes again).
			entry.version = undefined;
			logLine({ event: 'team-board-failed', ...describeError(error) });
		}
		entry.running = false;
		entry.lastRun = Date.now();
		if (text) {
			const ended = text.startsWith('event: ended');
			for (const subscriber of entry.subscribers) {
				if (subscriber.last === text) continue;
				subscriber.last = text;
				writeEvent(subscriber.res, text);
				if (ended) subscriber.res.end();
			}
		}
		if (!entry.subscribers.size) {
			if (this.sessions.get(sessionId) === entry) this.sessions.delete(sessionId);
		} else if (entry.dirty) this.mark(sessionId);
	}

	/**
	 * Every 15 s: a comment on every stream (proxies and the socket's idle timeout see traffic), and
	 * each board checked again (expiry, a purge elsewhere, a notice that got lost). Only a board whose
	 * session changed is computed again: a whole board is up to 2.5 MB, about 50 ms, and an instance
	 * may serve 200 streams of 200 sessions (streams.ts), which would be ~10 s of work every 15 s.
	 */
	private beat(): void {
		for (const [id, entry] of this.sessions) {
			for (const subscriber of entry.subscribers) writeEvent(subscriber.res, ': ping\n\n');
			if (!this.options.version) this.mark(id);
			else
				void this.options.version(id).then(
					(version) => {
						if (version !== entry.version) this.mark(id);
					},
					() => undefined // the database failed for a moment: the next beat asks again
				);
		}
	}
}

/** PostgreSQL: one dedicated connection LISTENs on the channel; it reconnects with backoff (1 s … 30 s). */
export function pgListener(url: string): (hub: TeamHub) => () => Promise<void> {
	return (hub) => {
		let client: pg.Client | undefined;
		let stopped = false;
		let delay = 1000;
		let retry: ReturnType<typeof setTimeout> | undefined;
		const connect = async () => {
			if (stopped) return;
			const c = new pg.Client({ connectionString: url, application_name: 'etool-team-listen', connectionTimeoutMillis: 5000 });
			client = c;
			const lost = (error?: Error) => {
				if (client !== c) return;
				client = undefined;
				if (error) logLine({ event: 'team-listen', status: 'connection-lost', ...describeError(error) });
				void c.end().catch(() => undefined);
				if (!stopped) retry = setTimeout(() => void connect(), delay);
				delay = Math.min(delay * 2, 30_000);
			};
			c.on('error', lost);
			c.on('end', () => lost());
			c.on('notification', (message) => {
				if (message.channel === CHANNEL && message.payload) hub.received(message.payload);
			});
			try {
				await c.connect();
				await c.query(`LISTEN ${CHANNEL}`);
				if (client !== c) return;
				delay = 1000;
				hub.refreshAll();
			} catch (error) {
				lost(error as Error);
			}
		};
		void connect();
		return async () => {
			stopped = true;
			clearTimeout(retry);
			const c = client;
			client = undefined;
			await c?.end();
		};
	};
}

const KEY = Symbol.for('etool.team-hub');
const scope = globalThis as unknown as Record<symbol, TeamHub | undefined>;

/** The hub of this process, on the database it runs with. */
export function teamHub(): TeamHub {
	let hub = scope[KEY];
	if (hub) return hub;
	const url = settings().databaseUrl;
	hub = new TeamHub({
		version: async (id) => (await sessionById(await getDb(), id, settings().teamSessionDays))?.lastActivityAt ?? null,
		compute: async (id) => {
			const db = await getDb();
			const days = settings().teamSessionDays;
			const session = await sessionById(db, id, days);
			return session ? boardState(db, session, teamCourse(), days) : null;
		},
		...(url
			? {
					publish: async (id: string) => void (await sql`select pg_notify(${CHANNEL}, ${id})`.execute(await getDb())),
					listen: pgListener(url)
				}
			: {})
	});
	scope[KEY] = hub;
	onClose(() => hub!.close());
	return hub;
}

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './db';

/** A limit: at most `max` hits per window of `windowMs`. */
export interface Limit {
	name: string;
	max: number;
	windowMs: number;
	/**
	 * Counted in this process's memory instead of the database: saves one write per save. Only for
	 * the limit per learner, whose ids the server issues (signed) and whose creation is limited in
	 * the shared database; behind N instances a learner gets at most N times the limit.
	 */
	local?: true;
}

const positive = (value: string | undefined, fallback: number) => {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * Wrong resume codes per address group (an IPv4 address, an IPv6 /64) in 15 minutes. Only failed
 * tries count, so a training room behind one address can resume as often as it needs; a code has
 * ~69 bits, works once and expires, so even this many guesses stay hopeless
 * (RATE_LIMIT_RESUME_FAILURES changes it).
 */
export const RESUME_TRIES: Limit = { name: 'resume', max: positive(process.env.RATE_LIMIT_RESUME_FAILURES, 20), windowMs: 15 * 60_000 };

/**
 * Wrong resume codes from everyone together in 15 minutes: a ceiling against guessing from many
 * addresses. An address group over its own limit is refused before its tries count here, so one
 * client adds at most RESUME_TRIES.max and cannot lock the others out alone
 * (RATE_LIMIT_RESUME_FAILURES_TOTAL changes it).
 */
export const RESUME_TRIES_TOTAL: Limit = { name: 'resume-all', max: positive(process.env.RATE_LIMIT_RESUME_FAILURES_TOTAL, 1000), windowMs: 15 * 60_000 };

/**
 * The group an address is limited as: an IPv4 address as it is, an IPv6 address by its first 64
 * bits (one home or phone gets a whole /64, so single IPv6 addresses would multiply the tries).
 */
export function addressGroup(address: string): string {
	if (!address.includes(':')) return address;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1]!;
	const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
	return `${groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}
const configured = Number(process.env.RATE_LIMIT_WRITES_PER_MINUTE);
/**
 * Writes per learner: far above what a person clicks, low enough to stop a runaway script.
 * RATE_LIMIT_WRITES_PER_MINUTE changes it (the load benchmark and crash test lift it, to measure
 * saving rather than refusing).
 */
export const LEARNER_WRITES: Limit = { name: 'write', max: Number.isInteger(configured) && configured > 0 ? configured : 120, windowMs: 60_000, local: true };

const newPerAddress = Number(process.env.RATE_LIMIT_NEW_LEARNERS);
/**
 * New learners per client address in 10 minutes. Without it a client that never sends its cookie
 * would start a fresh count on every request. High by default: a library or a training room puts
 * many learners behind one address (RATE_LIMIT_NEW_LEARNERS changes it).
 */
export const NEW_LEARNERS: Limit = { name: 'new', max: Number.isInteger(newPerAddress) && newPerAddress > 0 ? newPerAddress : 200, windowMs: 10 * 60_000 };

export interface Verdict {
	allowed: boolean;
	/** Seconds until the window ends, for the Retry-After header. */
	retryAfter: number;
}

/**
 * Count one hit against `limit` for `subject` (a learner id or a client address) in a fixed window.
 * The counter lives in the database, so every server instance behind a load balancer shares it;
 * one upsert keeps it right under concurrency on SQLite and PostgreSQL alike.
 */
export async function hit(db: Db, limit: Limit, subject: string, now = Date.now()): Promise<Verdict> {
	const start = Math.floor(now / limit.windowMs) * limit.windowMs;
	const windowStart = new Date(start).toISOString();
	const row = await db
		.insertInto('rate_limits')
		.values({ key: rateKey(limit, subject), window_start: windowStart, count: 1 })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				// A new window starts the count again; both sides read the old row, on both databases.
				count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
				window_start: sql<string>`excluded.window_start`
			})
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	return { allowed: Number(row.count) <= limit.max, retryAfter: Math.max(1, Math.ceil((start + limit.windowMs - now) / 1000)) };
}

/** Limit name → subject → its counter (no `name:subject` string to build and hash per hit). */
const counters = new Map<string, Map<string, { start: number; count: number }>>();
let sweptAt = 0;

/** `hit` for a local limit: the same fixed window, in memory; old windows are swept once per window. */
export function hitLocal(limit: Limit, subject: string, now = Date.now()): Verdict {
	const start = Math.floor(now / limit.windowMs) * limit.windowMs;
	if (start !== sweptAt) {
		for (const subjects of counters.values()) for (const [key, counter] of subjects) if (counter.start < start) subjects.delete(key);
		sweptAt = start;
	}
	let subjects = counters.get(limit.name);
	if (!subjects) counters.set(limit.name, (subjects = new Map()));
	const counter = subjects.get(subject);
	const count = counter?.start === start ? ++counter.count : 1;
	if (count === 1) subjects.set(subject, { start, count });
	return { allowed: count <= limit.max, retryAfter: Math.max(1, Math.ceil((start + limit.windowMs - now) / 1000)) };
}

/** The count in the current window, without adding a hit: may one more be tried? */
export async function peek(db: Db, limit: Limit, subject: string, now = Date.now()): Promise<Verdict> {
	const start = Math.floor(now / limit.windowMs) * limit.windowMs;
	const row = await db.selectFrom('rate_limits').select('count').where('key', '=', rateKey(limit, subject)).where('window_start', '=', new Date(start).toISOString()).executeTakeFirst();
	return { allowed: Number(row?.count ?? 0) < limit.max, retryAfter: Math.max(1, Math.ceil((start + limit.windowMs - now) / 1000)) };
}

/**
 * The stored key. Addresses are hashed: the table holds counters, not who visited. (A hash of an
 * IPv4 address can be reversed by trying them all; the row is gone with the next purge anyway.)
 */
export function rateKey(limit: Limit, subject: string): string {
	return `${limit.name}:${createHash('sha256').update(subject).digest('base64url').slice(0, 22)}`;
}

/** Delete counters whose window started before `before`; returns how many. */
export async function purgeRateLimits(db: Db, before: Date): Promise<number> {
	const result = await db.deleteFrom('rate_limits').where('window_start', '<', before.toISOString()).executeTakeFirst();
	return Number(result.numDeletedRows);
}

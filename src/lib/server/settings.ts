import { join } from 'node:path';
import { TEAM_LIMITS } from '$lib/team/contract';

/** What the server layer reads from the environment; see docs/deploy.md for each variable. */
export interface ServerSettings {
	/** `postgres://…` to use PostgreSQL (several instances can share it); otherwise SQLite. */
	databaseUrl: string | undefined;
	/** The embedded SQLite file: `$DATA_DIR/etool.sqlite`, default `data/etool.sqlite`. */
	sqlitePath: string;
	/** Months after the last change before a learner's records are deleted. */
	retentionMonths: number;
	/**
	 * How many proxies of our own stand in front (TRUST_PROXY; 0: none). The client address is then
	 * that many entries from the end of X-Forwarded-For: earlier entries are what the client claimed.
	 */
	trustProxy: number;
	/** LEARNER_SECRET: the key that signs learner cookies; without it one is made and kept in the database. */
	learnerSecret: string | undefined;
	/** Minutes a resume code stays valid (RESUME_CODE_MINUTES, default 30); it also works only once. */
	resumeCodeMinutes: number;
	/** TEAM_SESSION_MAX: participants in one team session (default 200, at most 10,000). */
	teamSessionMax: number;
	/** TEAM_SESSION_DAYS: a team session ends this many days after its last activity (default 30, 1–365). */
	teamSessionDays: number;
	/** SOCKET_IDLE_SECONDS: a connection silent this long (nothing read, nothing written) is closed (default 60, 1–3600). */
	socketIdleSeconds: number;
	/**
	 * What stops the start-up: a setting that is given but cannot be understood. Falling back to a
	 * default (SQLite for a mistyped DATABASE_URL) would silently split the data of several instances.
	 */
	problems: string[];
}

/** postgres:// or postgresql://; the scheme of a URL is case-insensitive. */
export const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Read the settings; an unusable RETENTION_MONTHS falls back to 12 rather than keeping data forever. */
export function settingsFromEnv(env: Record<string, string | undefined> = process.env): ServerSettings {
	const months = Number(env.RETENTION_MONTHS);
	const hops = env.TRUST_PROXY === 'true' ? 1 : Number(env.TRUST_PROXY);
	const minutes = Number(env.RESUME_CODE_MINUTES);
	const teamMax = Number(env.TEAM_SESSION_MAX);
	const teamDays = Number(env.TEAM_SESSION_DAYS);
	const idle = Number(env.SOCKET_IDLE_SECONDS);
	const problems: string[] = [];
	// Never echo the URL itself: it may hold a password.
	if (env.DATABASE_URL && !POSTGRES_URL.test(env.DATABASE_URL))
		problems.push('DATABASE_URL is ingesteld, maar is geen postgres://-adres. Verbeter het, of laat DATABASE_URL leeg om SQLite te gebruiken.');
	if (env.LEARNER_SECRET && env.LEARNER_SECRET.length < 32) problems.push('LEARNER_SECRET is te kort: gebruik minstens 32 tekens, bijvoorbeeld uit `openssl rand -base64 32`.');
	return {
		databaseUrl: env.DATABASE_URL && POSTGRES_URL.test(env.DATABASE_URL) ? env.DATABASE_URL : undefined,
		sqlitePath: join(env.DATA_DIR || 'data', 'etool.sqlite'),
		retentionMonths: Number.isInteger(months) && months >= 1 && months <= 120 ? months : 12,
		trustProxy: Number.isInteger(hops) && hops > 0 && hops <= 10 ? hops : 0,
		learnerSecret: env.LEARNER_SECRET || undefined,
		resumeCodeMinutes: Number.isInteger(minutes) && minutes >= 1 && minutes <= 7 * 24 * 60 ? minutes : 30,
		teamSessionMax: Number.isInteger(teamMax) && teamMax >= 1 && teamMax <= 10_000 ? teamMax : TEAM_LIMITS.participants,
		teamSessionDays: Number.isInteger(teamDays) && teamDays >= 1 && teamDays <= 365 ? teamDays : TEAM_LIMITS.days,
		socketIdleSeconds: Number.isInteger(idle) && idle >= 1 && idle <= 3600 ? idle : 60,
		problems
	};
}

/** The moment before which untouched learners are deleted: `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
	return cutoff;
}

/** The retention period in seconds, for the cookie's Max-Age (an average month of 30.44 days). */
export const retentionSeconds = (months: number) => Math.round(months * 30.436875 * 86_400);

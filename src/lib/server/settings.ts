import { join } from 'node:path';

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
}

/** Read the settings; an unusable RETENTION_MONTHS falls back to 12 rather than keeping data forever. */
export function settingsFromEnv(env: Record<string, string | undefined> = process.env): ServerSettings {
	const months = Number(env.RETENTION_MONTHS);
	const hops = env.TRUST_PROXY === 'true' ? 1 : Number(env.TRUST_PROXY);
	return {
		databaseUrl: env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? env.DATABASE_URL : undefined,
		sqlitePath: join(env.DATA_DIR || 'data', 'etool.sqlite'),
		retentionMonths: Number.isInteger(months) && months >= 1 && months <= 120 ? months : 12,
		trustProxy: Number.isInteger(hops) && hops > 0 && hops <= 10 ? hops : 0
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

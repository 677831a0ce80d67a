import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from './server-process';

/** The newest PostgreSQL binaries of Debian's packages, or null when none are installed. */
export function postgresBin(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(a) - Number(b));
	return versions.length ? join(root, versions.at(-1)!, 'bin') : null;
}

export interface Cluster {
	url: string;
	stop(): void;
	start(): void;
	/** End every connection to the database but our own, as a DBA or pgbouncer would. */
	terminateBackends(): Promise<number>;
	destroy(): void;
}

/**
 * A throw-away PostgreSQL cluster the test may stop and start: initdb in a temporary folder, a free
 * loopback port, trust on loopback only. PostgreSQL refuses to run as root, so as user `postgres`.
 * Throws (the test fails) when it cannot be made: a missing cluster must not look like a pass.
 */
export async function startCluster(): Promise<Cluster> {
	const bin = postgresBin();
	if (!bin) throw new Error('PostgreSQL ontbreekt: geen initdb in /usr/lib/postgresql/*/bin');
	const dir = mkdtempSync(join(tmpdir(), 'etool-pgfault-'));
	const port = await freePort();
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, uid, gid);
	}
	const run = (tool: string, args: string[]) =>
		asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, tool), args, { stdio: 'pipe' });
	const data = join(dir, 'data');
	run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
	const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
	const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
	start();
	run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'etool_fault']);
	const url = `postgres://postgres@127.0.0.1:${port}/etool_fault`;
	return {
		url,
		start,
		stop,
		async terminateBackends() {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			try {
				const result = await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'etool_fault' and pid <> pg_backend_pid()");
				return result.rowCount ?? 0;
			} finally {
				await client.end();
			}
		},
		destroy() {
			try {
				stop();
			} catch {
				// already stopped
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * PostgreSQL for one test file: TEST_DATABASE_URL when set, else a throw-away cluster of the file's
 * own, made before its tests and removed after them. Call at the top of the file; the returned
 * function gives the URL inside a test (and throws before the cluster is there).
 */
export function postgresForFile(): () => string {
	let cluster: Cluster | undefined;
	let url: string | undefined;
	beforeAll(async () => {
		url = process.env.TEST_DATABASE_URL ?? (cluster = await startCluster()).url;
	}, 60_000);
	afterAll(() => cluster?.destroy());
	return () => {
		if (!url) throw new Error('PostgreSQL is nog niet gestart (postgresForFile hoort bovenaan het testbestand).');
		return url;
	};
}

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// scripts/crash-test.mjs saves under load, kills the server with SIGKILL midway and restarts it;
// it exits 1 when an answer that got a 2xx is not in the database, and prints the counts.
const databases = [{ name: 'SQLite', url: '' }, ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', url: process.env.TEST_DATABASE_URL }] : [])];

describe.each(databases)('a server killed with SIGKILL ($name)', ({ url }) => {
	it('loses no answer it acknowledged', () => {
		const run = spawnSync(process.execPath, ['scripts/crash-test.mjs'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 60_000 });
		console.log(run.stdout.trim());
		expect(run.stdout).toMatch(/, 0 lost$/m);
		expect(run.status, run.stderr).toBe(0);
	});
});

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device, reflectionAnswer, sectionPath, visit } from './client';
import { startCluster, type Cluster } from './pg-cluster';
import { startServer, type RunningServer } from './server-process';

// Faults of the database under a running server (review D1, D9 and §5): the process must survive,
// keep serving pages, answer the API with 503 and a Dutch message, and recover by itself.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => new Date().toISOString();

/** Clients saving for `ms`; returns every status (0: no answer at all). */
async function load(baseUrl: string, clients: number, ms: number): Promise<number[]> {
	const until = performance.now() + ms;
	const statuses: number[] = [];
	await Promise.all(
		Array.from({ length: clients }, async () => {
			const device = new Device(baseUrl);
			while (performance.now() < until) {
				try {
					statuses.push((await device.sync([reflectionAnswer(`onder belasting ${Math.random()}`, now())])).status);
				} catch {
					statuses.push(0);
				}
			}
		})
	);
	return statuses;
}

/** Wait until `check` holds (bounded). */
async function eventually(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
	const until = performance.now() + ms;
	while (performance.now() < until) {
		if (await check().catch(() => false)) return;
		await sleep(200);
	}
	throw new Error('niet binnen de tijd hersteld');
}

const ok = async (server: RunningServer) => (await new Device(server.baseUrl).sync([visit(sectionPath, now())])).status === 200;

// Needs the PostgreSQL binaries (CI installs them, .ci/run): without them the test fails, it does not skip.
describe('PostgreSQL failing under a running server', () => {
	let cluster: Cluster;
	let server: RunningServer;
	beforeAll(async () => {
		cluster = await startCluster();
		server = await startServer({ DATABASE_URL: cluster.url, RATE_LIMIT_WRITES_PER_MINUTE: '1000000', RATE_LIMIT_NEW_LEARNERS: '1000000' });
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		cluster?.destroy();
	});

	it('D1 backends terminated while idle and during load: the process survives, answers 503 at most, and recovers', async () => {
		expect(await ok(server)).toBe(true); // idle clients now wait in the pool
		expect(await cluster.terminateBackends()).toBeGreaterThan(0);
		await sleep(300);
		expect(server.child.exitCode).toBeNull();
		const during = load(server.baseUrl, 10, 3000);
		await sleep(1000);
		await cluster.terminateBackends();
		const statuses = await during;
		expect(server.child.exitCode).toBeNull();
		expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
		expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(10);
		expect(await ok(server)).toBe(true);
		// Every line of the log is one JSON object (logLines throws otherwise), the loss named in one.
		const lines = server.logLines();
		expect(lines.some((l) => l.event === 'database' && l.status === 'connection-lost')).toBe(true);
		expect(JSON.stringify(lines)).not.toMatch(/secretKey|processID/);
	}, 30_000);

	it('PostgreSQL stopped and started again: pages stay, the API answers 503, then recovers by itself', async () => {
		expect(await ok(server)).toBe(true);
		cluster.stop();
		await sleep(300);
		expect(server.child.exitCode).toBeNull();
		expect((await fetch(`${server.baseUrl}/`)).status).toBe(200);
		const save = await new Device(server.baseUrl).sync([visit(sectionPath, now())]);
		expect(save.status).toBe(503);
		expect(save.body.error.message).toMatch(/opslag van de server werkt nu niet/);
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(503);
		cluster.start();
		await eventually(() => ok(server));
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
		expect(server.child.exitCode).toBeNull();
	}, 40_000);
});

// A real small file system: tmpfs, mounted by root (the tests run as root here and in CI).
describe('the SQLite disk full under a running server', () => {
	let mount: string;
	let server: RunningServer;
	beforeAll(async () => {
		expect(process.getuid?.(), 'a tmpfs needs root').toBe(0);
		mount = mkdtempSync(join(tmpdir(), 'etool-disk-'));
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mount]);
		mkdirSync(join(mount, 'data'));
		server = await startServer({ RATE_LIMIT_WRITES_PER_MINUTE: '1000000' }, join(mount, 'data'));
	}, 60_000);
	afterAll(async () => {
		await server?.stop(true);
		if (mount) {
			execFileSync('umount', ['-l', mount]);
			rmSync(mount, { recursive: true, force: true });
		}
	});

	it('D9 a full disk: /healthz says 503, saves get 503, the log names the cause, and all recovers once space is free', async () => {
		const device = new Device(server.baseUrl, '198.19.9.9');
		expect((await device.sync([visit(sectionPath, now())])).status).toBe(200);
		// Fill what is left of the file system.
		const filler = join(mount, 'filler');
		try {
			writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
		} catch (error) {
			expect((error as { code?: string }).code).toBe('ENOSPC');
		}
		const health = await fetch(`${server.baseUrl}/healthz`);
		expect(health.status).toBe(503);
		expect((await health.json()).error.message).toMatch(/kan niet schrijven/);
		const saves = [];
		for (let i = 0; i < 5; i++) saves.push((await device.sync([reflectionAnswer('x'.repeat(9_000) + i, now())])).status);
		expect(saves).toContain(503);
		expect(saves.filter((s) => s !== 200 && s !== 503)).toEqual([]);
		const log = JSON.stringify(server.logLines());
		expect(log).toMatch(/schijfruimte|SQLITE_FULL|disk is full/);
		expect(log, log).not.toMatch(/cannot rollback/);

		rmSync(filler);
		await eventually(async () => (await fetch(`${server.baseUrl}/healthz`)).status === 200);
		expect((await device.sync([reflectionAnswer('weer ruimte', now())])).status).toBe(200);
		expect(server.child.exitCode).toBeNull();
	}, 30_000);

});

// Read-only as the review tested it: the server runs as `nobody` on a folder it may not write.
describe('a read-only data directory', () => {
	let server: RunningServer;
	let dir: string;
	beforeAll(async () => {
		expect(process.getuid?.(), 'running as another user needs root').toBe(0);
		dir = mkdtempSync(join(tmpdir(), 'etool-readonly-'));
		chmodSync(dir, 0o555);
		server = await startServer({}, dir, { uid: 65534, gid: 65534 });
	}, 60_000);
	afterAll(() => server?.stop());

	it('answers 503 with a clear message, keeps the pages, and recovers once the folder is writable', async () => {
		const device = new Device(server.baseUrl, '198.19.9.10');
		const save = await device.sync([reflectionAnswer('alleen lezen', now())]);
		expect(save.status).toBe(503);
		expect(save.body.error.message).toMatch(/Je antwoorden blijven op dit apparaat/);
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(503);
		expect((await fetch(`${server.baseUrl}/`)).status).toBe(200);
		expect(server.logLines().some((l) => l.event === 'database' && l.status === 'unavailable')).toBe(true);
		chmodSync(dir, 0o777);
		await eventually(() => ok(server));
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
		expect(server.child.exitCode).toBeNull();
	}, 30_000);
});

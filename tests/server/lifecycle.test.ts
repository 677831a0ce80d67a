import Database from 'better-sqlite3';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Device, reflection, reflectionAnswer } from './client';
import { freePort, startServer, type RunningServer } from './server-process';

// Servers of their own: stopping, restarting, a database that is down, no proxy to trust.
const started: RunningServer[] = [];
async function start(...args: Parameters<typeof startServer>) {
	const server = await startServer(...args);
	started.push(server);
	return server;
}
afterEach(async () => {
	// Newest first: a restarted server shares the data folder of the one before it.
	for (const server of started.splice(0).reverse()) await server.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Send a sync whose body arrives in two parts; `finish()` sends the rest. */
function slowSync(baseUrl: string, body: Buffer) {
	let finish = () => {};
	const reply = new Promise<{ status: number; cookie: string | undefined }>((resolve, reject) => {
		const req = request(`${baseUrl}/api/sync`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode!, cookie: res.headers['set-cookie']?.[0]?.split(';')[0]?.split('=')[1] }));
		});
		req.on('error', reject);
		req.write(body.subarray(0, 10));
		finish = () => req.end(body.subarray(10));
	});
	return { reply, finish: () => finish() };
}

const databases: { name: string; env: Record<string, string> }[] = [{ name: 'SQLite', env: {} }, ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', env: { DATABASE_URL: process.env.TEST_DATABASE_URL } }] : [])];

describe.each(databases)('stopping on $name', ({ env }) => {
	it('SIGTERM: refuses new connections, finishes the request in progress, closes the database, exits 0', async () => {
		const server = await start(env);
		const body = Buffer.from(JSON.stringify({ changes: [reflectionAnswer('tijdens het stoppen', '2026-11-28T10:00:00.000Z')] }));
		const sync = slowSync(server.baseUrl, body);
		await sleep(300); // the server is now waiting for the rest of the body
		server.child.kill('SIGTERM');
		await sleep(300);
		await expect(fetch(`${server.baseUrl}/api/status`)).rejects.toThrow();
		sync.finish();
		const { status, cookie } = await sync.reply;
		expect(status).toBe(200);
		expect(await server.exited).toBe(0);
		const events = server.logLines().map((l) => l.event).filter(Boolean);
		expect(events).toEqual(expect.arrayContaining(['stopping', 'stopped']));
		expect(events.indexOf('stopped')).toBeGreaterThan(events.indexOf('stopping'));

		// The answer written while stopping is there after a restart.
		const again = await start(env, server.dataDir);
		const device = new Device(again.baseUrl);
		device.cookie = cookie!;
		expect((await device.request('GET', '/api/progress')).body.answers[reflection.id].value.text).toBe('tijdens het stoppen');
	});
});

describe('start-up on SQLite', () => {
	it('purges learners untouched for RETENTION_MONTHS when it starts', async () => {
		const first = await start();
		const kept = new Device(first.baseUrl);
		const old = new Device(first.baseUrl);
		await kept.sync([reflectionAnswer('recent', '2026-11-28T10:00:00.000Z')]);
		await old.sync([reflectionAnswer('lang geleden', '2026-11-28T10:00:00.000Z')]);
		expect(await first.stop(true)).toBe(0);

		const sqlite = new Database(join(first.dataDir, 'etool.sqlite'));
		const longAgo = new Date(Date.now() - 4 * 31 * 86_400_000).toISOString();
		sqlite.prepare('update learners set touched_at = ? where id = ?').run(longAgo, old.cookie!.split('.')[0]);
		sqlite.close();

		const second = await start({ RETENTION_MONTHS: '3' }, first.dataDir);
		expect(second.logLines().find((l) => l.event === 'purge')).toMatchObject({ retentionMonths: 3, learners: 1 });
		const onSecond = (cookie: string | null) => Object.assign(new Device(second.baseUrl), { cookie });
		expect((await onSecond(kept.cookie).request('GET', '/api/progress')).status).toBe(200);
		expect((await onSecond(old.cookie).request('GET', '/api/progress')).status).toBe(404);
	});

	it('without TRUST_PROXY, X-Forwarded-For does not give a client more resume tries', async () => {
		const server = await start({ RATE_LIMIT_RESUME_FAILURES: '10' });
		const statuses: number[] = [];
		for (let i = 0; i < 11; i++) statuses.push((await new Device(server.baseUrl).request('POST', '/api/resume', { json: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZ' } })).status);
		expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
		expect(statuses[10]).toBe(429);
	});

	it('D8 a global ceiling on wrong codes, which one address cannot fill alone', async () => {
		const server = await start({ TRUST_PROXY: '1', RATE_LIMIT_RESUME_FAILURES: '3', RATE_LIMIT_RESUME_FAILURES_TOTAL: '5' });
		const wrong = (address: string) => new Device(server.baseUrl, address).request('POST', '/api/resume', { json: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZ' } });
		const one: number[] = [];
		for (let i = 0; i < 10; i++) one.push((await wrong('198.51.100.1')).status);
		expect(one).toEqual([404, 404, 404, ...Array(7).fill(429)]);
		// Only 3 of those 10 counted globally: another address still has its own tries.
		expect([(await wrong('198.51.100.2')).status, (await wrong('198.51.100.2')).status]).toEqual([404, 404]);
		// Now 5 wrong codes in all: the ceiling holds for everyone.
		const ceiling = await wrong('198.51.100.3');
		expect(ceiling.status).toBe(429);
		expect(ceiling.body.error.message).toMatch(/Te veel verkeerde codes/);
	});
});

describe('a database that is down', () => {
	it('serves the pages, answers the API with 503 in Dutch, and /healthz with 503', async () => {
		const closedPort = await freePort();
		const server = await start({ DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/etool` });
		expect((await fetch(`${server.baseUrl}/inhoud`)).status).toBe(200);
		const device = new Device(server.baseUrl);
		const sync = await device.sync([reflectionAnswer('x', '2026-11-28T10:00:00.000Z')]);
		expect(sync.status).toBe(503);
		expect(sync.body.error.code).toBe('storage_unavailable');
		expect(sync.body.error.message).toMatch(/opslag/);
		device.cookie = 'AAAAAAAAAAAAAAAAAAAAAA';
		expect((await device.request('GET', '/api/progress')).status).toBe(503);
		// Bad input is still a 4xx: it is refused before the database is asked.
		expect((await device.request('POST', '/api/sync', { body: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400);
		const health = await fetch(`${server.baseUrl}/healthz`);
		expect(health.status).toBe(503);
		expect(server.logLines().find((l) => l.event === 'database')).toMatchObject({ status: 'unavailable' });
	});
});

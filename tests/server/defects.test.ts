import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Device, reflection, reflectionAnswer, sectionPath, visit } from './client';
import { freePort, startServer, type RunningServer } from './server-process';

// The defects of the security review (/work/shared/reviews/security-review.md, D1–D12), each
// reproduced as the reviewer did. D1 (PostgreSQL) and D9 (full and read-only disk) are in
// faults.test.ts; the ones that need a server of their own start it here.
const json = { 'content-type': 'application/json' };
const forgedId = () => randomBytes(16).toString('base64url');

describe.each(inject('servers'))('review defects on $name', ({ baseUrl }) => {
	it('D3 a cookie the client chose is not taken: the server issues its own id, and the chosen one reads nothing', async () => {
		const victim = new Device(baseUrl);
		victim.cookie = 'AAAAAAAAAAAAAAAAAAAAAA';
		expect((await victim.sync([reflectionAnswer('Geheim van het slachtoffer', new Date().toISOString())])).status).toBe(200);
		expect(victim.cookie).not.toBe('AAAAAAAAAAAAAAAAAAAAAA');
		expect(victim.cookie).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
		const attacker = new Device(baseUrl);
		attacker.cookie = 'AAAAAAAAAAAAAAAAAAAAAA';
		const read = await attacker.request('GET', '/api/progress');
		expect(read.status).toBe(404);
		expect(JSON.stringify(read.body)).not.toContain('Geheim');
		// A signed cookie with one character changed is refused too.
		const tampered = new Device(baseUrl);
		tampered.cookie = victim.cookie!.slice(0, -1) + (victim.cookie!.endsWith('A') ? 'B' : 'A');
		expect((await tampered.request('GET', '/api/progress')).status).toBe(404);
		expect((await victim.request('GET', '/api/progress')).body.answers[reflection.id].value.text).toBe('Geheim van het slachtoffer');
	});

	it('D4 a resume code works once: a second use, by anyone, is refused', async () => {
		const owner = new Device(baseUrl);
		await owner.sync([visit(sectionPath, new Date().toISOString())]);
		const made = (await owner.request('POST', '/api/resume-code', { headers: json })).body;
		expect((await new Device(baseUrl).request('POST', '/api/resume', { json: { code: made.code } })).status).toBe(200);
		const again = await new Device(baseUrl).request('POST', '/api/resume', { json: { code: made.code } });
		expect(again.status).toBe(404);
		expect(again.body.error.message).toMatch(/al gebruikt of is verlopen/);
		// And it says when it stops working (RESUME_CODE_MINUTES, default 30).
		expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(25 * 60_000);
		expect(Date.parse(made.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
	});

	it('D6 a device clock a year ahead does not freeze an answer: the later save of a right clock wins', async () => {
		const ahead = new Device(baseUrl);
		await ahead.sync([visit(sectionPath, new Date().toISOString())]);
		const { code } = (await ahead.request('POST', '/api/resume-code', { headers: json })).body;
		const right = new Device(baseUrl);
		expect((await right.request('POST', '/api/resume', { json: { code } })).status).toBe(200);

		const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
		expect((await ahead.sync([reflectionAnswer('Tekst van het apparaat met de klok een jaar vooruit', nextYear)])).status).toBe(200);
		await new Promise((r) => setTimeout(r, 20));
		const saved = await right.sync([reflectionAnswer('Nieuwe tekst, vandaag geschreven', new Date().toISOString())]);
		expect(saved.status).toBe(200);
		expect(saved.body.notApplied).toEqual([]);
		const stored = (await right.request('GET', '/api/progress')).body.answers[reflection.id];
		expect(stored.value.text).toBe('Nieuwe tekst, vandaag geschreven');
		// An answer that really is older is reported back, so the device knows to fetch the newer one.
		const late = await ahead.sync([reflectionAnswer('Oud, offline geschreven', new Date(Date.now() - 3_600_000).toISOString())]);
		expect(late.body.notApplied).toHaveLength(1);
	});

	it('D8 only wrong codes count: a class behind one address resumes 25 times in a row', async () => {
		const address = `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
		const statuses: number[] = [];
		for (let i = 0; i < 25; i++) {
			const learner = new Device(baseUrl);
			const { code } = (await learner.request('POST', '/api/resume-code', { headers: json })).body;
			statuses.push((await new Device(baseUrl, address).request('POST', '/api/resume', { json: { code } })).status);
		}
		expect(statuses).toEqual(Array(25).fill(200));
	});

	it('D8 wrong codes from one IPv6 /64 count together, and block only that /64', async () => {
		const prefix = `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
		const statuses: number[] = [];
		for (let i = 0; i < 21; i++)
			statuses.push((await new Device(baseUrl, `${prefix}::${(i + 1).toString(16)}`).request('POST', '/api/resume', { json: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZ' } })).status);
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
		expect(statuses[20]).toBe(429);
		const owner = new Device(baseUrl);
		const { code } = (await owner.request('POST', '/api/resume-code', { headers: json })).body;
		expect((await new Device(baseUrl, `2001:db8:ffff:${randomBytes(2).toString('hex')}::1`).request('POST', '/api/resume', { json: { code } })).status).toBe(200);
	});

	it('D10 the resume link carries the code in the fragment, never in the query', async () => {
		const reply = await new Device(baseUrl).request('POST', '/api/resume-code', { headers: json });
		expect(reply.body.url).toBe(`${baseUrl}/verder#code=${reply.body.code.replace(/-/g, '')}`);
		expect(reply.body.url).not.toContain('?');
	});
});

describe('review defects that need a server of their own (SQLite)', () => {
	let server: RunningServer;
	beforeAll(async () => {
		// TRUST_PROXY: each test acts from an address of its own, so D2's limit does not reach the others.
		server = await startServer({ RATE_LIMIT_NEW_LEARNERS: '20', TRUST_PROXY: '1' });
	});
	afterAll(() => server.stop());

	it('D2 inventing a new cookie for every request does not escape the limit on new learners', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 25; i++) {
			const device = new Device(server.baseUrl, '198.19.0.2');
			device.cookie = forgedId();
			statuses.push((await device.sync([visit(sectionPath, new Date().toISOString())])).status);
		}
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
		expect(statuses.slice(20)).toEqual(Array(5).fill(429));
		const db = new SQLite(join(server.dataDir, 'etool.sqlite'), { readonly: true });
		try {
			expect((db.prepare('select count(*) as n from learners').get() as { n: number }).n).toBe(20);
		} finally {
			db.close();
		}
	});

	it('D5 "Wis mijn gegevens" leaves the text readable neither in the database file nor in its WAL', async () => {
		const marker = `WISMIJ-${Date.now()}-geheime-reflectie-tekst`;
		const device = new Device(server.baseUrl, '198.19.0.5');
		expect((await device.sync([reflectionAnswer(marker, new Date().toISOString())])).status).toBe(200);
		expect((await device.request('POST', '/api/resume-code', { headers: json })).status).toBe(200);
		const files = () => readdirSync(server.dataDir).filter((f) => f.startsWith('etool.sqlite'));
		const found = () => files().filter((f) => readFileSync(join(server.dataDir, f)).includes(marker));
		expect(found().length).toBeGreaterThan(0); // the check can see the text while it is stored
		expect((await device.request('DELETE', '/api/learner', { headers: json })).status).toBe(204);
		expect(found()).toEqual([]);
	});

	it('D7 an outside write lock gives 503 within a second, and pages do not stall', async () => {
		const device = new Device(server.baseUrl, '198.19.0.7');
		expect((await device.sync([visit(sectionPath, new Date().toISOString())])).status).toBe(200);
		const outside = new SQLite(join(server.dataDir, 'etool.sqlite'));
		outside.exec('BEGIN IMMEDIATE');
		try {
			const started = performance.now();
			const [sync, status, page] = await Promise.all([
				device.sync([visit(sectionPath, new Date().toISOString())]),
				fetch(`${server.baseUrl}/api/status`).then((r) => ({ status: r.status, ms: performance.now() - started })),
				fetch(`${server.baseUrl}/`).then((r) => ({ status: r.status, ms: performance.now() - started }))
			]);
			expect(sync.status).toBe(503);
			expect(sync.headers.get('retry-after')).toBeTruthy();
			expect(sync.body.error.message).toMatch(/opslag/);
			expect(performance.now() - started).toBeLessThan(1500);
			expect([status.status, page.status]).toEqual([200, 200]);
			expect(Math.max(status.ms, page.ms)).toBeLessThan(1500);
		} finally {
			outside.exec('ROLLBACK');
			outside.close();
		}
		expect((await device.sync([visit(sectionPath, new Date().toISOString())])).status).toBe(200);
	});

	it('D11 a client that sends its headers slowly is cut off after about 10 seconds', async () => {
		const port = Number(new URL(server.baseUrl).port);
		const socket = connect(port, '127.0.0.1');
		const started = performance.now();
		socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
		// One header line every 2 s, as slowloris does; the server must end it, not wait for 60 s.
		const drip = setInterval(() => socket.writable && socket.write(`X-Slow-${Date.now()}: 1\r\n`), 2000);
		const closed = await new Promise<number>((resolve) => {
			socket.on('close', () => resolve(performance.now() - started));
			socket.on('error', () => undefined);
			socket.resume();
		});
		clearInterval(drip);
		expect(closed).toBeGreaterThan(9_000);
		expect(closed).toBeLessThan(13_000);
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
	}, 20_000);
});

describe('D11 a socket that stays silent (SOCKET_IDLE_SECONDS=2)', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ SOCKET_IDLE_SECONDS: '2' });
	});
	afterAll(() => server.stop());
	const open = () => {
		const socket = connect(Number(new URL(server.baseUrl).port), '127.0.0.1');
		socket.on('error', () => undefined);
		socket.resume();
		const started = performance.now();
		const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(performance.now() - started)));
		return { socket, closed };
	};

	it('is closed within the idle time and a sixth of it, long before the 10 s header limit', async () => {
		const { closed } = open();
		const ms = await closed;
		expect(ms).toBeGreaterThan(1_900);
		expect(ms).toBeLessThan(4_000);
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
	});

	it('is not closed while bytes go through it, however slowly', async () => {
		const { socket, closed } = open();
		let gone = false;
		void closed.then(() => (gone = true));
		socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
		for (let i = 0; i < 8; i++) {
			await new Promise((r) => setTimeout(r, 500));
			socket.write(`X-Slow-${i}: 1\r\n`);
		}
		expect(gone).toBe(false); // 4 s, twice the idle time, and still open
		socket.destroy();
	});
});

describe('D12 a DATABASE_URL that is set but not understood', () => {
	it('stops the start-up with a clear Dutch message, without the password', async () => {
		const child = spawn(process.execPath, ['server.js'], {
			env: { ...process.env, DATABASE_URL: 'postgress://etool:geheim123@db.internal/etool', PORT: String(await freePort()), HOST: '127.0.0.1' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const kill = setTimeout(() => child.kill('SIGKILL'), 10_000); // a server that starts anyway
		const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
		clearTimeout(kill);
		expect(code).toBe(1);
		expect(output).toMatch(/DATABASE_URL is ingesteld, maar is geen postgres:\/\/-adres/);
		expect(output).not.toContain('geheim123');
		expect(output).not.toMatch(/"event":"listening"/);
	});
});

#!/usr/bin/env node
// `npm run test:crash`: clients save answers under load; midway the server is killed with SIGKILL
// and started again. Afterwards every answer that got a 2xx must be in the database (the stored
// answer is that one or a newer one). Prints the counts; exits 1 when an acknowledged answer is lost.
// Uses SQLite in a temporary folder, or PostgreSQL when DATABASE_URL is a postgres:// URL.
// Only loopback traffic; every loop is bounded by time.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCompiledCourse } from './course.mjs';

const root = new URL('..', import.meta.url).pathname;
const port = 3970 + Math.floor(Math.random() * 9);
const base = `http://127.0.0.1:${port}`;
const CLIENTS = 20;
/** The reflection exercises of the compiled course (the build's), so renaming one cannot break this test. */
function reflectionIds() {
	return Object.entries(readCompiledCourse().catalogue.exercises)
		.filter(([, type]) => type === 'reflection')
		.map(([id]) => id);
}
const EXERCISES = reflectionIds();
if (EXERCISES.length === 0) throw new Error('geen reflectie-oefeningen gevonden in de e-tool');
const dataDir = mkdtempSync(join(tmpdir(), 'etool-crash-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function start() {
	return spawn(process.execPath, ['server.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', RATE_LIMIT_WRITES_PER_MINUTE: '1000000' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

async function up() {
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return;
		} catch {
			/* starting */
		}
		await sleep(50);
	}
	throw new Error('de server kwam niet op');
}

let server = start();
await up();

const acked = new Map(); // `${cookie}|${exercise}` → savedAt of the last answer that got a 2xx
let sent = 0;
let ok = 0;
let failed = 0;
let seq = 0;

async function client(n, until) {
	let cookie = '';
	while (performance.now() < until()) {
		const exerciseId = EXERCISES[seq % EXERCISES.length];
		const savedAt = new Date(Date.UTC(2026, 0, 1) + seq).toISOString(); // strictly increasing per save
		const id = `crash${n}x${seq++}`.padEnd(8, '0');
		sent++;
		try {
			const response = await fetch(`${base}/api/sync`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
				body: JSON.stringify({ changes: [{ id, kind: 'answer', exerciseId, record: { value: { type: 'reflection', text: `tekst ${id}` }, attempts: 1, savedAt } }] }),
				signal: AbortSignal.timeout(2000)
			});
			const set = response.headers.get('set-cookie');
			if (set) cookie = set.split(';')[0];
			if (response.ok && cookie) {
				ok++;
				acked.set(`${cookie}|${exerciseId}`, savedAt);
			} else {
				failed++;
				if (process.env.CRASH_DEBUG) console.error(response.status, await response.text());
			}
		} catch (error) {
			failed++;
			if (process.env.CRASH_DEBUG) console.error(String(error.cause ?? error));
			await sleep(20);
		}
	}
}

const started = performance.now();
// The load runs until 1.5 s after the restarted server answers (at most 30 s): a slow start on a
// busy machine must not leave no time for saves after the restart.
let until = started + 30_000;
const load = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n, () => until)));
await sleep(1500);
server.kill('SIGKILL');
await new Promise((r) => server.on('exit', r));
const killedAt = ok;
await sleep(300);
server = start();
await up();
until = Math.min(until, performance.now() + 1500);
await load;

let found = 0;
let lost = 0;
for (const [key, savedAt] of acked) {
	const [cookie, exerciseId] = key.split('|');
	const response = await fetch(`${base}/api/progress`, { headers: { cookie } });
	const stored = response.ok ? (await response.json()).answers?.[exerciseId] : undefined;
	if (stored && stored.savedAt >= savedAt) found++;
	else lost++;
}
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
rmSync(dataDir, { recursive: true, force: true });

console.log(`crash test (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}): ${sent} saves sent, ${ok} answered 2xx (${killedAt} before the SIGKILL), ${failed} failed or refused while the server was down`);
console.log(`checked ${acked.size} acknowledged answers (the last per learner and exercise): ${found} in the database, ${lost} lost`);
process.exit(lost === 0 && killedAt > 0 && ok > killedAt ? 0 : 1);

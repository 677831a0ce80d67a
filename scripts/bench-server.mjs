#!/usr/bin/env node
// `npm run bench:server`: saving an answer (POST /api/sync) at 50 concurrent clients, on SQLite and
// (when DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL database) on PostgreSQL, next to a bare
// node:http server that answers the same request, in the same run. Prints requests per second,
// p50 and p99 latency, and the e-tool's share of the bare server's throughput.
// Only loopback traffic; every loop is bounded by a duration.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS) || 8;
const WARMUP_SECONDS = 1;
const pg = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;

if (!existsSync(join(root, 'build', 'handler.js')) || !existsSync(join(root, 'server.js')))
	spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url) {
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await sleep(100);
	}
	throw new Error(`${url} kwam niet op`);
}

function startEtool(port, env) {
	const dataDir = mkdtempSync(join(tmpdir(), 'etool-bench-'));
	const child = spawn(process.execPath, ['server.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_WRITES_PER_MINUTE: '1000000', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return { child, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** The baseline: parse the same JSON body and answer like the API does, nothing else. */
function startBare(port) {
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			const { changes } = JSON.parse(body);
			res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'etool_learner=x; HttpOnly; SameSite=Lax; Path=/' });
			res.end(JSON.stringify({ applied: changes.length, accepted: changes.map((c) => c.id) }));
		});
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

let counter = 0;
function change() {
	const id = `b${process.pid}${(counter++).toString(36).padStart(8, '0')}`;
	return {
		id,
		kind: 'answer',
		exerciseId: 'stappen-digitale-kloof',
		record: { value: { type: 'reflection', text: `Antwoord ${id}` }, attempts: 1, savedAt: new Date().toISOString() }
	};
}

/** One client: its own keep-alive connection and cookie, requests back to back until `until`. */
async function client(port, until, latencies, errors) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	let cookie = '';
	while (performance.now() < until) {
		const body = JSON.stringify({ changes: [change()] });
		const started = performance.now();
		const status = await new Promise((resolve) => {
			const req = http.request(
				{ host: '127.0.0.1', port, path: '/api/sync', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie } },
				(res) => {
					const set = res.headers['set-cookie']?.[0];
					if (set) cookie = set.split(';')[0];
					res.resume();
					res.on('end', () => resolve(res.statusCode));
				}
			);
			req.on('error', () => resolve(0));
			req.end(body);
		});
		if (status >= 200 && status < 300) latencies.push(performance.now() - started);
		else errors.count++;
	}
	agent.destroy();
}

async function load(port) {
	await Promise.all(Array.from({ length: CLIENTS }, () => client(port, performance.now() + WARMUP_SECONDS * 1000, [], { count: 0 })));
	const latencies = [];
	const errors = { count: 0 };
	const started = performance.now();
	await Promise.all(Array.from({ length: CLIENTS }, () => client(port, started + SECONDS * 1000, latencies, errors)));
	const elapsed = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
	return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), ok: latencies.length, errors: errors.count };
}

const rows = [];
const bare = await startBare(3990);
rows.push({ name: 'bare node:http (same request)', ...(await load(3990)) });
bare.close();

for (const [name, env] of [['e-tool on SQLite', {}], ...(pg ? [['e-tool on PostgreSQL', { DATABASE_URL: pg }]] : [])]) {
	const port = 3991 + rows.length;
	const { child, cleanup } = startEtool(port, env);
	try {
		await waitFor(`http://127.0.0.1:${port}/healthz`);
		rows.push({ name, ...(await load(port)) });
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.on('exit', r));
		cleanup();
	}
}

const base = rows[0].rps;
console.log(`POST /api/sync with one answer, ${CLIENTS} concurrent clients, ${SECONDS} s each (after ${WARMUP_SECONDS} s warm-up), one machine.\n`);
console.log(`${'server'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'vs bare'.padStart(8)}`);
for (const r of rows)
	console.log(`${r.name.padEnd(32)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)} ${`${((100 * r.rps) / base).toFixed(0)}%`.padStart(8)}`);
if (!pg) console.log('\n(PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL to a postgres:// database to include it.)');

#!/usr/bin/env node
// `npm run bench:server`: saving an answer (POST /api/sync) at 50 concurrent clients, on SQLite and
// (when DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL database) on PostgreSQL, next to a bare
// node:http server that answers the same request, in the same run: all servers run at once and get
// the load in turns of one second. Prints requests per second, p50 and p99 latency, and the
// e-tool's share of the bare server's throughput.
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

/** One client: its own keep-alive connection and cookie (kept across turns), requests back to back until `until`. */
async function client(port, state, until, latencies, errors) {
	while (performance.now() < until) {
		const body = JSON.stringify({ changes: [change()] });
		const started = performance.now();
		const status = await new Promise((resolve) => {
			const req = http.request(
				{ host: '127.0.0.1', port, path: '/api/sync', method: 'POST', agent: state.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: state.cookie } },
				(res) => {
					const set = res.headers['set-cookie']?.[0];
					if (set) state.cookie = set.split(';')[0];
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
}

/** One slice of load on one server: its 50 clients for `ms`, adding to `into`. */
async function slice({ port, clients }, ms, into) {
	const started = performance.now();
	await Promise.all(clients.map((state) => client(port, state, started + ms, into.latencies, into.errors)));
	into.seconds += (performance.now() - started) / 1000;
}

const summary = ({ latencies, errors, seconds }) => {
	latencies.sort((a, b) => a - b);
	const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
	return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), ok: latencies.length, errors: errors.count };
};

// All servers run at once, and the load goes to them in turns of one second (bare, SQLite,
// PostgreSQL, bare, …): on a shared machine whose load changes from second to second, each gets
// the same mix of quiet and busy moments, so the ratio means something. Only one is loaded at a time.
const clientsOf = () => Array.from({ length: CLIENTS }, () => ({ agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), cookie: '' }));
const targets = [{ name: 'bare node:http (same request)', port: 3990, clients: clientsOf() }];
const bare = await startBare(3990);
const children = [];
for (const [name, env] of [['e-tool on SQLite', {}], ...(pg ? [['e-tool on PostgreSQL', { DATABASE_URL: pg }]] : [])]) {
	const port = 3991 + children.length;
	children.push(startEtool(port, env));
	targets.push({ name, port, clients: clientsOf() });
}
const rows = [];
try {
	for (const { port } of targets.slice(1)) await waitFor(`http://127.0.0.1:${port}/healthz`);
	for (const target of targets) await slice(target, WARMUP_SECONDS * 1000, { latencies: [], errors: { count: 0 }, seconds: 0 });
	const results = targets.map(() => ({ latencies: [], errors: { count: 0 }, seconds: 0 }));
	for (let turn = 0; turn < SECONDS; turn++) for (const [i, target] of targets.entries()) await slice(target, 1000, results[i]);
	for (const [i, { name }] of targets.entries()) rows.push({ name, ...summary(results[i]) });
} finally {
	for (const { clients } of targets) for (const { agent } of clients) agent.destroy();
	bare.close();
	for (const { child, cleanup } of children) {
		child.kill('SIGTERM');
		await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
		cleanup();
	}
}

const base = rows[0].rps;
console.log(`POST /api/sync with one answer, ${CLIENTS} concurrent clients, ${SECONDS} s each in turns of 1 s (after ${WARMUP_SECONDS} s warm-up), one machine.\n`);
console.log(`${'server'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'vs bare'.padStart(8)}`);
for (const r of rows)
	console.log(`${r.name.padEnd(32)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)} ${`${((100 * r.rps) / base).toFixed(0)}%`.padStart(8)}`);
if (!pg) console.log('\n(PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL to a postgres:// database to include it.)');

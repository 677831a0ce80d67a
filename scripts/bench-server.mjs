#!/usr/bin/env node
// `npm run bench:server`: saving an answer (POST /api/sync) at 50 concurrent clients, on SQLite and
// (when DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL database) on PostgreSQL, next to a bare
// node:http server that answers the same request, in the same run: all servers run at once and get
// the load in turns of one second. Prints requests per second, p50 and p99 latency, the e-tool's
// share of the bare server's throughput, and what the machine was doing: the load average, the
// load generator's own CPU, and per server its CPU, event-loop delay and GC pauses while loaded.
// BENCH_ROOT runs the same bench against another build (a folder with server.js and build/);
// BENCH_BASELINE adds a second build's servers to the same turns (before and after in one run).
// Only loopback traffic; every loop is bounded by a duration.
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const here = new URL('.', import.meta.url).pathname;
const root = process.env.BENCH_ROOT || join(here, '..');
const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS) || 8;
const WARMUP_SECONDS = 1;
const pgUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const probe = join(here, 'bench-server', 'probe.mjs');

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

/** Wait until something listens on the port (the bare server has no health check). */
async function listening(port) {
	for (let i = 0; i < 200; i++) {
		const open = await new Promise((resolve) => {
			const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket.end() && true));
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await sleep(50);
	}
	throw new Error(`poort ${port} kwam niet op`);
}

/** A child process with an IPC channel, for the probe (servers) or the jobs (load generator). */
const start = (script, args, options) => fork(script, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], ...options });

/** Ask a child over IPC; resolves with its answer. */
function ask(child, message, match) {
	return new Promise((resolve) => {
		const listener = (reply) => {
			if (!match(reply)) return;
			child.off('message', listener);
			resolve(reply);
		};
		child.on('message', listener);
		child.send(message);
	});
}

/**
 * A fresh PostgreSQL database per run: the bench makes 100 new learners from 127.0.0.1, and a
 * second run within 10 minutes on the same database would meet the new-learner limit. Falls back
 * to the given database (and says so) when this user may not create one.
 */
let databaseCount = 0;
async function freshDatabase(url) {
	const name = `etool_bench_${process.pid}_${++databaseCount}`;
	const admin = new pg.Client({ connectionString: url });
	try {
		await admin.connect();
		await admin.query(`create database ${name}`);
		const fresh = new URL(url);
		fresh.pathname = `/${name}`;
		return {
			url: fresh.toString(),
			drop: async () => {
				await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
				await admin.end();
			}
		};
	} catch (error) {
		console.error(`(Geen eigen database voor deze run: ${error.message}; de gegeven database wordt gebruikt.)`);
		await admin.end().catch(() => undefined);
		return { url, drop: async () => undefined };
	}
}

const targets = [{ name: 'bare node:http (same request)', port: 3990, child: start(join(here, 'bench-server', 'bare.mjs'), ['3990'], { execArgv: ['--import', probe] }) }];
const dataDirs = [];
// BENCH_BASELINE: another build (a folder with server.js and build/, e.g. main's) loaded in the same
// turns, so a change is compared with what it replaces under the same load of the machine.
const baseline = process.env.BENCH_BASELINE;
const builds = [{ root, label: '' }, ...(baseline ? [{ root: baseline, label: ' (baseline)' }] : [])];
// BENCH_NODE_ARGS: Node options for this build's e-tool servers only (not the baseline's, not bare), to
// measure one (e.g. `--max-semi-space-size=32`) against the same build without it (BENCH_BASELINE=.).
const extraArgv = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const databases = [];
const servers = [];
for (const build of builds) {
	const own = !build.label;
	servers.push({ name: `e-tool on SQLite${build.label}`, root: build.root, env: {}, own });
	if (!pgUrl) continue;
	const database = await freshDatabase(pgUrl);
	databases.push(database);
	servers.push({ name: `e-tool on PostgreSQL${build.label}`, root: build.root, env: { DATABASE_URL: database.url }, own });
}
for (const { name, root, env, own } of servers) {
	const port = 3990 + targets.length;
	const dataDir = mkdtempSync(join(tmpdir(), 'etool-bench-'));
	dataDirs.push(dataDir);
	const child = start(join(root, 'server.js'), [], {
		cwd: root,
		execArgv: ['--import', probe, ...(own ? extraArgv : [])],
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_WRITES_PER_MINUTE: '1000000', ...env }
	});
	targets.push({ name, port, child });
}
const load = start(join(here, 'bench-server', 'load.mjs'), []);
// Whatever happens, no server is left running after the bench.
process.on('exit', () => {
	for (const { child } of targets) child.kill('SIGKILL');
	load.kill('SIGKILL');
});
let jobs = 0;
const run = (job) => ask(load, { id: ++jobs, job }, (reply) => reply.id === jobs).then((reply) => reply.result);

/** One slice of load on one server: its 50 clients for `ms`, the server's probe on meanwhile. */
async function slice(target, ms, into) {
	target.child.send('on');
	const result = await run({ port: target.port, clients: CLIENTS, ms });
	target.child.send('off');
	if (!into) return;
	for (const l of result.latencies) into.latencies.push(l);
	into.errors += result.errors;
	into.seconds += result.seconds;
	into.loadCpu += result.cpu * result.seconds;
}

const summary = ({ latencies, errors, seconds, loadCpu }) => {
	latencies.sort((a, b) => a - b);
	const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
	return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), ok: latencies.length, errors, loadCpu: loadCpu / seconds };
};

const rows = [];
const loadBefore = loadavg()[0];
let loadAfter = NaN;
try {
	await listening(3990);
	for (const { port } of targets.slice(1)) await waitFor(`http://127.0.0.1:${port}/healthz`);
	for (const target of targets) await slice(target, WARMUP_SECONDS * 1000);
	// The probes count only the measured turns.
	for (const { child } of targets) child.send('reset');
	const results = targets.map(() => ({ latencies: [], errors: 0, seconds: 0, loadCpu: 0 }));
	for (let turn = 0; turn < SECONDS; turn++) for (const [i, target] of targets.entries()) await slice(target, 1000, results[i]);
	loadAfter = loadavg()[0];
	for (const [i, target] of targets.entries()) {
		const { probe: server } = await ask(target.child, 'report', (m) => m?.probe);
		rows.push({ name: target.name, ...summary(results[i]), server });
	}
} finally {
	await run('close');
	for (const { child } of targets) {
		child.kill('SIGTERM');
		await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.on('exit', r)));
	}
	for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
	for (const database of databases) await database.drop();
}

const base = rows[0].rps;
const n = (v, w, d = 0) => v.toFixed(d).padStart(w);
console.log(`POST /api/sync with one answer, ${CLIENTS} concurrent clients, ${SECONDS} s each in turns of 1 s (after ${WARMUP_SECONDS} s warm-up), one machine.`);
console.log(`Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${availableParallelism()} cores.\n`);
console.log(`${'server'.padEnd(41)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(6)} ${'vs bare'.padStart(7)} ${'50/rps'.padStart(7)}`);
for (const r of rows)
	console.log(`${r.name.padEnd(41)} ${n(r.rps, 7)} ${n(r.p50, 7, 1)} ${n(r.p99, 7, 1)} ${String(r.errors).padStart(6)} ${`${((100 * r.rps) / base).toFixed(0)}%`.padStart(7)} ${n((1000 * CLIENTS) / r.rps, 7, 1)}`);
console.log(`\nWhile loaded (CPU: share of one core; event-loop delay in ms, p99 the median of the turns'; GC pauses):`);
console.log(`${'server'.padEnd(41)} ${'server CPU'.padStart(10)} ${'µs/req'.padStart(7)} ${'load gen CPU'.padStart(12)} ${'delay p99'.padStart(9)} ${'delay max'.padStart(9)} ${'GC ms/s'.padStart(8)} ${'GC max'.padStart(7)}`);
for (const r of rows) {
	const s = r.server;
	// CPU per request: what the machine's load disturbs least (a busy machine lowers req/s, not the work per request).
	console.log(
		`${r.name.padEnd(41)} ${`${(100 * s.cpu).toFixed(0)}%`.padStart(10)} ${n((1e6 * s.cpu) / r.rps, 7)} ${`${(100 * r.loadCpu).toFixed(0)}%`.padStart(12)} ${n(s.delayP99, 9, 1)} ${n(s.delayMax, 9, 1)} ${n(s.gcMsPerSecond, 8, 1)} ${n(s.gcMaxMs, 7, 1)}`
	);
}
console.log(`\n50/rps: the mean wait of 50 clients that each wait for their answer (Little's law); p99 cannot be below it.`);
if (!pgUrl) console.log('\n(PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL to a postgres:// database to include it.)');

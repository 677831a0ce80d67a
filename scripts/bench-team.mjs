#!/usr/bin/env node
// `npm run bench:team`: one team session under the load of a team meeting (issue 11). 200
// participants join and each answers every scored exercise once, at moments spread over one
// minute, while a board follows the session's event stream. Prints, per database, the time from an
// answer's acknowledgement to the board first showing it (p50, p99, max), the requests and errors.
// SQLite always; PostgreSQL with DATABASE_URL or TEST_DATABASE_URL, else on a throw-away cluster
// (as root, with Debian's PostgreSQL binaries), removed afterwards.
// Only loopback traffic; every loop is bounded. tests/server/team-load.test.ts runs `runTeamLoad`
// shorter (200 participants, 10 s) on both databases.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCompiledCourse } from './course.mjs';

const root = new URL('..', import.meta.url).pathname;
/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** @template T @param {T[]} list @returns {T} */
const pick = (list) => /** @type {T} */ (list[Math.floor(Math.random() * list.length)]);

/** @typedef {import('../src/lib/exercises/schemas').ScoredExercise} ScoredExercise */
/** @typedef {import('../src/lib/content/schema').Block} Block */
/** @typedef {import('../src/lib/content/schema').Course} Course */

/**
 * A first answer a participant could give to `exercise`, of its type.
 * @param {ScoredExercise} exercise
 */
function answerFor(exercise) {
	const verdict = pick(['correct', 'partial', 'incorrect']);
	switch (exercise.type) {
		case 'single-choice':
			return { exerciseId: exercise.id, value: { type: 'single-choice', choice: pick(exercise.options).id }, firstVerdict: verdict };
		case 'multiple-response': {
			const choices = exercise.options.filter(() => Math.random() < 0.5).map((o) => o.id);
			return { exerciseId: exercise.id, value: { type: 'multiple-response', choices: choices.length ? choices : [pick(exercise.options).id] }, firstVerdict: verdict };
		}
		case 'matching':
			return { exerciseId: exercise.id, value: { type: 'matching', pairs: Object.fromEntries(exercise.terms.map((t) => [t.id, pick(exercise.descriptions).id])) }, firstVerdict: verdict };
		case 'sorting':
			return { exerciseId: exercise.id, value: { type: 'sorting', placed: Object.fromEntries(exercise.cards.map((c) => [c.id, pick(exercise.piles).id])) }, firstVerdict: verdict };
		default:
			throw new Error('geen geteste oefening');
	}
}

/**
 * The scored exercises of the built course, each with the path of its section.
 * @param {Course} course
 * @returns {{ exercise: ScoredExercise, path: string }[]}
 */
export function scoredExercises(course = readCompiledCourse().course) {
	/** @type {(blocks: Block[]) => Block[]} */
	const walk = (blocks) => blocks.flatMap((b) => [b, ...(b.type === 'callout' ? walk(b.blocks) : b.type === 'tabs' ? b.tabs.flatMap((t) => walk(t.blocks)) : [])]);
	return course.chapters
		.flatMap((c) => c.sections)
		.flatMap((s) => walk(s.blocks).flatMap((b) => (b.type === 'exercise' && b.exercise.type !== 'reflection' ? [{ exercise: b.exercise, path: s.path }] : [])));
}

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * @param {string} base @param {string} method @param {string} path
 * @param {{ key?: string, json?: unknown }} [options]
 * @returns {Promise<{ status: number, body: any }>}
 */
async function call(base, method, path, { key, json } = {}) {
	/** @type {Record<string, string>} */
	const headers = {};
	if (key) headers.authorization = `Bearer ${key}`;
	if (json !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(base + path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * The load: one session, `participants` join at moments spread over the first third of `seconds`,
 * and answer each scored exercise at a moment spread over the whole of it; one board reads the
 * stream. Resolves with the figures; `errors` counts every answer other than the expected status,
 * every failed request, and a board stream that ended early.
 */
/** @param {{ baseUrl: string, participants?: number, seconds?: number, course?: Course }} options */
export async function runTeamLoad({ baseUrl, participants = 200, seconds = 60, course }) {
	const scored = scoredExercises(course ?? readCompiledCourse().course);
	const created = await call(baseUrl, 'POST', '/api/team/sessions', { json: { title: 'Belastingtest' } });
	if (created.status !== 201) throw new Error(`sessie starten: ${created.status}`);
	const key = created.body.facilitatorKey;
	const code = created.body.joinCode;

	// The board, as the board page reads it: fetch with the key in a header, the stream parsed as it comes.
	/** @type {{ at: number, answered: Record<string, number>, participants: number }[]} */
	const states = [];
	const abort = new AbortController();
	let boardClosed = false;
	const board = await fetch(`${baseUrl}/api/team/session/events`, { headers: { authorization: `Bearer ${key}` }, signal: abort.signal });
	if (board.status !== 200) throw new Error(`bord: ${board.status}`);
	const reading = (async () => {
		const reader = /** @type {ReadableStream<Uint8Array>} */ (board.body).getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				buffer += decoder.decode(value, { stream: true });
				let end = 0;
				while ((end = buffer.indexOf('\n\n')) !== -1) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					if (block.startsWith('event: state')) {
						/** @type {import('../src/lib/team/contract').BoardState} */
						const state = JSON.parse(block.slice(block.indexOf('data: ') + 6));
						states.push({ at: performance.now(), answered: Object.fromEntries(state.exercises.map((e) => [e.id, e.answered])), participants: state.participants });
					}
				}
			}
		} catch {
			// aborted at the end
		}
		boardClosed = true;
	})();

	/** @type {{ exerciseId: string, at: number, index: number }[]} the index-th acknowledged answer to that exercise */
	const acks = [];
	/** @type {Map<string, number>} */
	const acked = new Map();
	let errors = 0;
	let requests = 0;
	const start = performance.now();
	const windowMs = seconds * 1000;
	const one = async () => {
		await sleep(Math.random() * windowMs * 0.3);
		requests++;
		let joined;
		try {
			joined = await call(baseUrl, 'POST', '/api/team/join', { json: { code } });
		} catch {
			joined = { status: 0 };
		}
		if (joined.status !== 200) return void errors++;
		/** @type {string} */
		const participantKey = joined.body.participantKey;
		const moments = scored.map((item) => ({ item, at: Math.random() * windowMs })).sort((a, b) => a.at - b.at);
		for (const { item, at } of moments) {
			const wait = start + at - performance.now();
			if (wait > 0) await sleep(wait);
			requests++;
			try {
				const reply = await call(baseUrl, 'POST', '/api/team/me/progress', { key: participantKey, json: { answers: [answerFor(item.exercise)], sections: [item.path] } });
				if (reply.status !== 200) {
					errors++;
					continue;
				}
			} catch {
				errors++;
				continue;
			}
			const index = (acked.get(item.exercise.id) ?? 0) + 1;
			acked.set(item.exercise.id, index);
			acks.push({ exerciseId: item.exercise.id, at: performance.now(), index });
		}
	};
	await Promise.all(Array.from({ length: participants }, one));

	// Give the board up to 5 s to show the last answers, then measure.
	const expected = scored.length * participants;
	for (let i = 0; i < 100; i++) {
		const last = states.at(-1);
		if (last && Object.values(last.answered).reduce((a, b) => a + b, 0) >= acks.length) break;
		await sleep(50);
	}
	/** @type {number[]} */
	const latencies = [];
	let unseen = 0;
	for (const ack of acks) {
		const shown = states.find((s) => (s.answered[ack.exerciseId] ?? 0) >= ack.index);
		if (shown) latencies.push(Math.max(0, shown.at - ack.at));
		else unseen++;
	}
	const final = states.at(-1);
	const early = boardClosed;
	abort.abort();
	await reading;
	await call(baseUrl, 'DELETE', '/api/team/session', { key });
	latencies.sort((a, b) => a - b);
	return {
		participants,
		exercises: scored.length,
		answersExpected: expected,
		answersAcknowledged: acks.length,
		requests,
		errors: errors + (early ? 1 : 0),
		boardEvents: states.length,
		boardClosedEarly: early,
		unseen,
		finalParticipants: final?.participants ?? 0,
		finalAnswers: final ? Object.values(final.answered).reduce((a, b) => a + b, 0) : 0,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		max: latencies.at(-1) ?? NaN,
		seconds: (performance.now() - start) / 1000
	};
}

// ---- running it as a script ----

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/** @param {Record<string, string>} env */
async function startEtool(env) {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'etool-bench-team-'));
	const child = spawn(process.execPath, ['server.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', TRUST_PROXY: '', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(`${baseUrl}/api/status`)).ok) break;
		} catch {
			await sleep(100);
		}
	}
	return {
		baseUrl,
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** A throw-away PostgreSQL cluster (as in tests/server/pg-cluster.ts), or null when none can be made here. */
async function throwawayPostgres() {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base) || process.getuid?.() !== 0) return null;
	const version = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(a) - Number(b)).at(-1);
	if (!version) return null;
	const bin = join(base, version, 'bin');
	const dir = mkdtempSync(join(tmpdir(), 'etool-bench-pg-'));
	chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
	/** @param {string} tool @param {string[]} args */
	const run = (tool, args) => execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' });
	const port = await freePort();
	run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync']);
	run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
	run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'etool_bench']);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/etool_bench`,
		stop: () => {
			run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** @param {number} n */
const ms = (n) => `${Number.isFinite(n) ? n.toFixed(0) : '–'} ms`;

async function main() {
	if (!existsSync(join(root, 'build', 'handler.js'))) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
	const participants = Number(process.env.BENCH_PARTICIPANTS) || 200;
	const seconds = Number(process.env.BENCH_SECONDS) || 60;
	const course = readCompiledCourse().course;
	const given = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
	const cluster = given ? null : await throwawayPostgres();
	const url = given || cluster?.url;
	console.log(`Teamsessie: ${participants} deelnemers, elk alle geteste oefeningen binnen ${seconds} s, één bord op de eventstream.`);
	try {
		/** @type {[string, Record<string, string>][]} */
		const databases = [['SQLite', {}], ...(url ? /** @type {[string, Record<string, string>][]} */ ([['PostgreSQL', { DATABASE_URL: url }]]) : [])];
		for (const [name, env] of databases) {
			const server = await startEtool(env);
			try {
				const r = await runTeamLoad({ baseUrl: server.baseUrl, participants, seconds, course });
				console.log(
					`${name.padEnd(10)} antwoord → bord: p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)} · ${r.answersAcknowledged}/${r.answersExpected} antwoorden, ` +
						`${r.requests} aanvragen, ${r.errors} fouten, ${r.boardEvents} bordstanden, bord toonde ${r.finalParticipants} deelnemers en ${r.finalAnswers} antwoorden`
				);
			} finally {
				await server.stop();
			}
		}
		if (!url) console.log('PostgreSQL: overgeslagen (geen DATABASE_URL, en hier kan geen tijdelijk cluster worden gestart).');
	} finally {
		cluster?.stop();
	}
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) await main();

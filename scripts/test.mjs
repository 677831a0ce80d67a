#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find.
// 1 Chromium present  2 types  3 unit tests  4 content in our own words  4b spelling and readability (B1 report)  5 build  6 browser tests
// 7 server tests over HTTP (SQLite; PostgreSQL too when TEST_DATABASE_URL is set)  8 the database
// unit tests on that PostgreSQL.
// Ends with one line "tests: N passed, N failed" over the unit, browser and server tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
let passed = 0;
let failed = 0;

function run(title, command, args, env = {}) {
	console.log(`\n▶ ${title}`);
	const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status === 0;
}

function count(file) {
	if (!existsSync(file)) return false;
	const report = JSON.parse(readFileSync(file, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
	return true;
}

function finish(ok) {
	console.log(`\ntests: ${passed} passed, ${failed} failed`);
	process.exit(ok && failed === 0 ? 0 : 1);
}

let chromium;
try {
	chromium = ensureChromium();
} catch (error) {
	console.error(String(error.message));
	process.exit(1);
}

if (!run('Typecontrole (svelte-check)', 'npx', ['svelte-kit', 'sync']) ||
	!run('Typecontrole (svelte-check)', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']))
	finish(false);

// On SQLite in memory, files in parallel; step 8 runs the database tests on PostgreSQL.
const unitOk = run('Unit tests (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`], { TEST_DATABASE_URL: '' });
count(join(results, 'unit.json'));
if (!unitOk) finish(false);

// The team's check that the content is in our own words lives beside the repository (shared/tools),
// with the source it compares against. CI always has it, so there its absence fails the run; a clone
// without shared/ beside it says so loudly instead of passing quietly.
const overlap = join(root, '..', 'shared', 'tools', 'seed-overlap.mjs');
if (existsSync(overlap)) {
	if (!run('Eigen woorden (seed-overlap)', process.execPath, [overlap])) finish(false);
} else if (process.env.CI) {
	console.error(`\nEigen woorden: ${overlap} ontbreekt. In CI hoort shared/ naast de repository te staan.`);
	finish(false);
} else console.warn(`\n⚠ Eigen woorden NIET gecontroleerd: ${overlap} ontbreekt (shared/ staat niet naast de repository).`);

if (!run('Spelling (npm run spellcheck)', process.execPath, [join(root, 'scripts', 'spellcheck.mjs')])) finish(false);
if (!run('Leesbaarheid (npm run readability)', process.execPath, [join(root, 'scripts', 'readability.mjs')])) finish(false);

if (!run('Bouwen (npm run build)', 'npm', ['run', 'build', '--silent'])) finish(false);

const e2eOk = run('Browsertests (Playwright + axe)', 'npx', ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'e2e.json')}`], { CHROMIUM_PATH: chromium });
if (!count(join(results, 'e2e.json')) && !e2eOk) failed++;

// The built server over HTTP (tests/server/); TEST_DATABASE_URL adds a run on PostgreSQL.
const serverOk = run('Servertests (HTTP, server.js)', 'npx', ['vitest', 'run', '--config', 'tests/server/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'server.json')}`]);
if (!count(join(results, 'server.json')) && !serverOk) failed++;

// The database unit tests again on PostgreSQL; one file at a time, as they empty the same tables.
let postgresOk = true;
if (process.env.TEST_DATABASE_URL) {
	postgresOk = run('Databasetests op PostgreSQL (Vitest)', 'npx', ['vitest', 'run', 'src/lib/server', '--no-file-parallelism', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit-postgres.json')}`]);
	if (!count(join(results, 'unit-postgres.json')) && !postgresOk) failed++;
} else console.log('\n(TEST_DATABASE_URL niet gezet: server- en databasetests alleen op SQLite)');
finish(e2eOk && serverOk && postgresOk);

#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find.
// 1 Chromium present  2 types  3 unit tests  4 content in our own words  5 build  6 browser tests.
// Ends with one line "tests: N passed, N failed" over the unit and browser tests.
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

const unitOk = run('Unit tests (Vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`]);
count(join(results, 'unit.json'));
if (!unitOk) finish(false);

const overlap = join(root, '..', 'shared', 'tools', 'seed-overlap.mjs');
if (existsSync(overlap)) {
	if (!run('Eigen woorden (seed-overlap)', process.execPath, [overlap])) finish(false);
} else console.log('\n(seed-overlap niet gevonden naast de repository; overgeslagen)');

if (!run('Bouwen (npm run build)', 'npm', ['run', 'build', '--silent'])) finish(false);

const e2eOk = run('Browsertests (Playwright + axe)', 'npx', ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'e2e.json')}`], { CHROMIUM_PATH: chromium });
if (!count(join(results, 'e2e.json')) && !e2eOk) failed++;
finish(e2eOk);

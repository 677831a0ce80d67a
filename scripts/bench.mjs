#!/usr/bin/env node
// `npm run bench`: for every page, the bytes a learner downloads on a first visit (raw and gzip),
// by kind, against the budget of its page kind: 12 KB gzip for a text page (no island), 30 KB
// for a page with exercises or another island (fonts and images excluded). Builds first if needed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumFlags, ensureChromium } from './chromium.mjs';
import { BUDGETS, counted, pageWeight } from './page-weight.mjs';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}build/index.js`)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
// The e-tool's own server (server.js), as `npm start` runs it: its API answers the status request a
// page with an island makes, so that counts as the small JSON it is. A throw-away database.
const dataDir = mkdtempSync(join(tmpdir(), 'etool-bench-'));
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
delete env.DATABASE_URL;
const server = spawn(process.execPath, ['server.js'], { cwd: root, env, stdio: 'ignore' });
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
for (let i = 0; i < 100; i++) {
	try {
		if ((await fetch(base)).ok) break;
	} catch {
		await new Promise((r) => setTimeout(r, 100));
	}
}

const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumFlags });
try {
	const page = await browser.newPage();
	await page.goto(`${base}/inhoud`);
	const sections = await page.$$eval('.toc__section > a', (as) => as.map((a) => new URL(a.href).pathname));
	const paths = ['/', '/inhoud', ...sections, '/mijn-antwoorden', '/bewijs', '/verder'];
	const kb = (n) => (n / 1024).toFixed(1).padStart(6);
	console.log('First visit per page, in KB (raw / gzip). Budget for HTML + CSS + JS gzip, fonts and images excluded:');
	console.log(`${BUDGETS.text / 1024} KB for a text page, ${BUDGETS.islands / 1024} KB for a page with exercises or another island.\n`);
	console.log(`${'page'.padEnd(58)} ${'kind'.padEnd(8)} ${'HTML'.padStart(15)} ${'CSS'.padStart(15)} ${'JS'.padStart(15)} ${'fonts'.padStart(15)} ${'total gzip'.padStart(11)}  budget`);
	let over = 0;
	const worst = { text: 0, islands: 0 };
	for (const path of paths) {
		const { raw, gzip, kind } = await pageWeight(browser, base + path);
		const total = counted(gzip);
		worst[kind] = Math.max(worst[kind], total);
		const ok = total <= BUDGETS[kind];
		if (!ok) over++;
		const cell = (k) => `${kb(raw[k])} /${kb(gzip[k])}`;
		console.log(`${path.padEnd(58)} ${kind.padEnd(8)} ${cell('html')} ${cell('css')} ${cell('js')} ${cell('font')} ${kb(total).padStart(11)}  ${ok ? 'ok' : 'OVER'}`);
	}
	console.log(`\n${paths.length} pages; heaviest text page ${kb(worst.text).trim()} KB gzip of ${BUDGETS.text / 1024}, heaviest page with islands ${kb(worst.islands).trim()} KB of ${BUDGETS.islands / 1024}; ${over} over budget.`);
	console.log('For scale: Articulate Rise ships about 1 MB gzip of JS before the first lesson, Adapt about 0.5 MB.');
	process.exitCode = over ? 1 : 0;
} finally {
	await browser.close();
	server.kill();
}

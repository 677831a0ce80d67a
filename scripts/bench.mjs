#!/usr/bin/env node
// `npm run bench`: for every page, the bytes a learner downloads on a first visit (raw and gzip),
// by kind, against the budget of its page kind: 12 KB gzip for a text page (no island), 30 KB
// for a page with exercises or another island (fonts and images excluded). Builds first if needed.
// `npm run bench -- --export static|scorm12|scorm2004`: the same for every page of that export
// (written afresh from the build), served as plain files from a deep path as a web server or an
// LMS serves it; a SCORM package's launch page is listed apart (it loads once per visit).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumFlags, ensureChromium } from './chromium.mjs';
import { packagePath, pagesOf, serveFolder } from './export/serve.mjs';
import { BUDGETS, counted, kb, launchPageWeight, pageWeight, weightHeader, weightRow } from './page-weight.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const format = args.includes('--export') ? args[args.indexOf('--export') + 1] : undefined;
if (format !== undefined && !['static', 'scorm12', 'scorm2004'].includes(format)) {
	console.error('bench: kies een export: npm run bench -- --export static|scorm12|scorm2004');
	process.exit(1);
}
if (!existsSync(`${root}build/index.js`)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

/** The e-tool's own server (server.js), as `npm start` runs it, on a throw-away database. */
async function startSite() {
	const port = 3900 + Math.floor(Math.random() * 90);
	const base = `http://127.0.0.1:${port}/`;
	// Its API answers the status request a page with an island makes, so that counts as the small JSON it is.
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
	return { base, pages: ['', 'inhoud'], tail: ['mijn-antwoorden', 'bewijs', 'verder'], stop: async () => void server.kill() };
}

/** The export, written from this build, on a plain file server. */
async function startExport() {
	const r = spawnSync(process.execPath, [join(root, 'scripts', 'export', 'export.mjs'), format], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	if (r.status !== 0) process.exit(1);
	const folder = join(root, 'dist', format);
	const served = await serveFolder(folder, packagePath(format));
	return { base: served.url, pages: ['index.html', 'inhoud.html'], tail: pagesOf(folder), stop: served.stop, folder };
}

const site = format ? await startExport() : await startSite();
const browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumFlags });
try {
	const page = await browser.newPage();
	await page.goto(`${site.base}${format ? 'inhoud.html' : 'inhoud'}`);
	const sections = await page.$$eval('.toc__section > a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
	// In reading order, then every other page (an export: every HTML file of the package).
	const paths = [...new Set([...site.pages, ...sections.map((href) => new URL(href, page.url()).href.slice(site.base.length)), ...site.tail])];
	console.log(`First visit per page${format ? ` of the ${format} export, served from ${packagePath(format)}` : ''}, in KB (raw / gzip). Budget for HTML + CSS + JS gzip, fonts and images excluded:`);
	console.log(`${BUDGETS.text / 1024} KB for a text page, ${BUDGETS.islands / 1024} KB for a page with exercises or another island.\n`);
	console.log(weightHeader());
	let over = 0;
	const worst = { text: 0, islands: 0 };
	const lightest = { text: Infinity, islands: Infinity };
	for (const path of paths) {
		const weight = await pageWeight(browser, site.base + path);
		const total = counted(weight.gzip);
		worst[weight.kind] = Math.max(worst[weight.kind], total);
		lightest[weight.kind] = Math.min(lightest[weight.kind], total);
		if (total > BUDGETS[weight.kind]) over++;
		console.log(weightRow(format ? path : `/${path}`, weight));
	}
	const range = (kind) => `${kb(lightest[kind]).trim()}–${kb(worst[kind]).trim()} KB`;
	console.log(`\n${paths.length} pages; text pages ${range('text')} gzip (budget ${BUDGETS.text / 1024}), pages with islands ${range('islands')} (budget ${BUDGETS.islands / 1024}); ${over} over budget.`);
	if (format && format !== 'static') {
		const launch = launchPageWeight(site.folder);
		console.log(`The launch page (scorm.html with its script and tracking.json; once per visit, the pages load in its frame): ${kb(launch.raw).trim()} KB raw, ${kb(launch.gzip).trim()} KB gzip.`);
	}
	console.log('For scale: Articulate Rise ships about 1 MB gzip of JS before the first lesson, Adapt about 0.5 MB.');
	process.exitCode = over ? 1 : 0;
} finally {
	await browser.close();
	await site.stop();
}

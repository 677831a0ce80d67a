// What a learner downloads on a first visit to a page, by kind, raw and gzip-compressed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @typedef {{ html: number, css: number, js: number, font: number, image: number, other: number }} Sizes */

/** @param {string} type @param {string} url @returns {keyof Sizes} */
const kindOf = (type, url) => {
	if (type === 'document') return 'html';
	if (type === 'stylesheet') return 'css';
	if (type === 'script') return 'js';
	if (type === 'font') return 'font';
	if (type === 'image' || /favicon/.test(url)) return 'image';
	if (/\.m?js(\?|$)/.test(url)) return 'js';
	if (/\.css(\?|$)/.test(url)) return 'css';
	return 'other';
};

/**
 * Load `url` in a fresh context (empty cache) and add up every response body.
 * Gzip is computed here (level 9, as the server's precompressed files), so the figure does not
 * depend on how a test server happens to compress.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @returns {Promise<{ raw: Sizes, gzip: Sizes, files: number, urls: string[], kind: PageKind }>}
 */
export async function pageWeight(browser, url) {
	const context = await browser.newContext();
	const page = await context.newPage();
	/** @type {Sizes} */
	const raw = { html: 0, css: 0, js: 0, font: 0, image: 0, other: 0 };
	const gzip = { ...raw };
	/** @type {Promise<void>[]} */
	const pending = [];
	let files = 0;
	/** @type {string[]} */
	const urls = [];
	page.on('response', (response) => {
		urls.push(response.url());
		pending.push(
			response.body().then(
				(body) => {
					const kind = kindOf(response.request().resourceType(), response.url());
					raw[kind] += body.length;
					gzip[kind] += gzipSync(body, { level: 9 }).length;
					files++;
				},
				() => {}
			)
		);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	const kind = await pageKind(page);
	await context.close();
	return { raw, gzip, files, urls, kind };
}

/** @typedef {'text' | 'islands'} PageKind */

/**
 * A text page has no island (exercise, quiz score, answers, wiping, resume): the plain enhancer only.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<PageKind>}
 */
export const pageKind = async (page) => ((await page.locator('[data-island]').count()) ? 'islands' : 'text');

/** Budget per page kind, first visit, HTML + CSS + JS gzip (fonts and images excluded). */
export const BUDGETS = { text: 12 * 1024, islands: 30 * 1024 };
/** @param {Sizes} s */
export const counted = (s) => s.html + s.css + s.js + s.other;

/** @param {number} n bytes @returns {string} KB, right-aligned to 6 characters */
export const kb = (n) => (n / 1024).toFixed(1).padStart(6);

/** The header of the per-page table that `npm run bench` and the export test print. */
export const weightHeader = () =>
	`${'page'.padEnd(58)} ${'kind'.padEnd(8)} ${'HTML'.padStart(15)} ${'CSS'.padStart(15)} ${'JS'.padStart(15)} ${'fonts'.padStart(15)} ${'total gzip'.padStart(11)}  budget`;

/**
 * One page's line: raw / gzip per kind of file, the counted total, and whether it is within its budget.
 * @param {string} name
 * @param {{ raw: Sizes, gzip: Sizes, kind: PageKind }} weight
 */
export function weightRow(name, { raw, gzip, kind }) {
	const total = counted(gzip);
	const cell = (/** @type {keyof Sizes} */ k) => `${kb(raw[k])} /${kb(gzip[k])}`;
	return `${name.padEnd(58)} ${kind.padEnd(8)} ${cell('html')} ${cell('css')} ${cell('js')} ${cell('font')} ${kb(total).padStart(11)}  ${total <= BUDGETS[kind] ? 'ok' : 'OVER'}`;
}

/**
 * A SCORM package's launch page: `scorm.html`, its script and `tracking.json`, loaded once per visit
 * around the pages (measured from the files: opened without an LMS it would also load a page).
 * @param {string} folder the unpacked package
 * @returns {{ raw: number, gzip: number }}
 */
export function launchPageWeight(folder) {
	const html = readFileSync(join(folder, 'scorm.html'));
	const script = /<script type="module" src="([^"]+)"/.exec(html.toString('utf8'))?.[1];
	const files = [html, ...(script ? [readFileSync(join(folder, script))] : []), readFileSync(join(folder, 'tracking.json'))];
	return files.reduce((sum, f) => ({ raw: sum.raw + f.length, gzip: sum.gzip + gzipSync(f, { level: 9 }).length }), { raw: 0, gzip: 0 });
}

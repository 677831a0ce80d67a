// Every channel against the bar of the site (issue 10): each page of the static export and of both
// SCORM packages, served as plain files from a deep path, passes axe (light; the static export also in
// dark and forced colours), and stays within the budget of its kind on a first visit, as on the site
// (budget.e2e.ts; one definition, BUDGETS in scripts/page-weight.mjs): 12 KB gzip for a text page,
// 30 KB for a page with an island. A SCORM page carries no SCORM code (the launch page around it
// does; decision 13), and the static export's file:// notice loads only from file://. Each channel's
// table is printed, as `npm run bench -- --export <format>` prints it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesOf } from '../../scripts/export/serve.mjs';
import { BUDGETS, counted, kb, launchPageWeight, pageKind, pageWeight, weightHeader, weightRow } from '../../scripts/page-weight.mjs';
import { expectAccessible, launch, learner, ready } from './browser';
import { exportPackage, SCO_PATH, SITE_PATH, startPackageServer, type PackageServer } from './package-server';

type Format = 'static' | 'scorm12' | 'scorm2004';
const formats: Format[] = ['static', 'scorm12', 'scorm2004'];

let browser: Browser;
let server: PackageServer;
const folders = {} as Record<Format, string>;
const pages = {} as Record<Format, string[]>;

beforeAll(async () => {
	for (const format of formats) pages[format] = pagesOf((folders[format] = exportPackage(format)));
	server = await startPackageServer();
	browser = await launch();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const urlOf = (format: Format, page: string) => `${server.url}${format === 'static' ? SITE_PATH : SCO_PATH}${page}`;

describe.each(formats)('every page of the %s export', (format) => {
	it('every text page within 12 KB gzip (HTML + CSS + JS), every page with an island within 30 KB, as on the site', { timeout: 300_000 }, async () => {
		if (format !== 'static') server.serve(format);
		// The package has the pages of the course: the start, the contents, the sections, Mijn antwoorden.
		expect(pages[format]).toEqual(expect.arrayContaining(['index.html', 'inhoud.html', 'mijn-antwoorden.html']));
		expect(pages[format].length).toBeGreaterThan(10);
		const over: string[] = [];
		const lines: string[] = [];
		const weights: Record<string, number[]> = { text: [], islands: [] };
		for (const page of pages[format]) {
			const weight = await pageWeight(browser, urlOf(format, page));
			const total = counted(weight.gzip);
			weights[weight.kind]!.push(total);
			lines.push(weightRow(page, weight));
			if (total > BUDGETS[weight.kind]) over.push(`${page} (${weight.kind}): ${kb(total).trim()} KB of ${kb(BUDGETS[weight.kind]).trim()}`);
		}
		const range = (kind: 'text' | 'islands') => `${kb(Math.min(...weights[kind]!)).trim()}–${kb(Math.max(...weights[kind]!)).trim()} KB`;
		console.log(`${format}, first visit per page, KB raw / gzip:\n${weightHeader()}\n${lines.join('\n')}\n${format}: text pages ${range('text')}, pages with islands ${range('islands')} gzip`);
		// Both kinds were measured: the content has exercises, and text pages.
		expect(weights.text!.length).toBeGreaterThan(0);
		expect(weights.islands!.length).toBeGreaterThan(0);
		expect(over).toEqual([]);
	});

	if (format !== 'static')
		it('the launch page, around the pages once per visit, within the budget of a text page (it has no island)', () => {
			const launch = launchPageWeight(folders[format]);
			console.log(`${format}: launch page (scorm.html, its script, tracking.json) ${kb(launch.raw).trim()} KB raw, ${kb(launch.gzip).trim()} KB gzip`);
			expect(launch.gzip).toBeGreaterThan(1024);
			expect(launch.gzip).toBeLessThanOrEqual(BUDGETS.text);
		});

	const schemes = format === 'static' ? [{ colorScheme: 'light' as const }, { colorScheme: 'dark' as const }, { forcedColors: 'active' as const }] : [{ colorScheme: 'light' as const }];
	it.each(schemes)('passes axe (WCAG 2.2 AA) in %o', { timeout: 300_000 }, async (scheme) => {
		if (format !== 'static') server.serve(format);
		const { context, page } = await learner(browser, { ...scheme, width: 360, height: 740 });
		for (const path of pages[format]) {
			await page.goto(urlOf(format, path));
			await ready(page);
			expect(await pageKind(page)).toMatch(/text|islands/);
			await expectAccessible(page, `${format}: ${path}`);
		}
		await context.close();
	});
});

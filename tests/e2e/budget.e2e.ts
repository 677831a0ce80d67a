// Page weight on a first visit, for every page the table of contents lists, against the budgets of
// issue 7 that `npm run bench` prints: every text page (no island) at most 12 KB gzip in all (HTML +
// CSS + JS), with the plain enhancer and no Svelte; the pages with the plain islands of Mijn
// antwoorden, Verder and the proof page at most 30 KB; no page more than 60 KB (the exercise pages
// still load Svelte until their islands are plain too); and a page loads the styles of a block only
// when it has that block.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { styledBlocks, type StyledBlock } from '../../src/lib/blocks/block-styles';
import { BUDGETS, counted, pageWeight } from '../../scripts/page-weight.mjs';
import { allPageUrls, baseUrl, launch, learner } from './browser';

let browser: Browser;
let paths: string[];
beforeAll(async () => {
	browser = await launch();
	const { context, page } = await learner(browser);
	paths = await allPageUrls(page);
	await context.close();
});
afterAll(() => browser?.close());

/** The element each block type with its own styles renders (blocks/block-styles.ts). */
const blockSelector: Record<StyledBlock, string> = {
	exercise: 'section.exercise',
	figure: 'figure.figure',
	tabs: '.tabs[data-tabs]',
	share: '.share',
	glossary: 'dl.glossary',
	literature: 'ul.literature'
};

/**
 * Pages whose islands are plain TypeScript, held to the 30 KB budget. Mijn antwoorden joins once its
 * quiz score is a plain island too (helper i7-ex's part of issue 7); until then its own islands
 * (answers, wiping) are checked to load no Svelte, below.
 */
const plainIslandPages = ['/verder', '/bewijs'];

describe('weight', () => {
	it('a text page loads no Svelte, at most 5 KB gzip of JavaScript and 12 KB in all; no page more than 60 KB', async () => {
		const kinds = new Set<string>();
		for (const path of paths) {
			const { gzip, kind, urls } = await pageWeight(browser, baseUrl() + path);
			kinds.add(kind);
			expect(counted(gzip), `${path} (${kind})`).toBeLessThanOrEqual(60 * 1024);
			expect(gzip.js, `${path} loads JavaScript`).toBeGreaterThan(0);
			if (kind === 'text') {
				expect(urls.filter((url) => /svelte/i.test(url)), `Svelte on ${path}`).toEqual([]);
				expect(gzip.js, `JavaScript on ${path}`).toBeLessThanOrEqual(5 * 1024);
				expect(counted(gzip), `HTML + CSS + JS of ${path}`).toBeLessThanOrEqual(BUDGETS.text);
			}
		}
		expect([...kinds].sort()).toEqual(['islands', 'text']);
	});

	it('Verder and the proof page stay within 30 KB gzip and load no Svelte; Mijn antwoorden loads none for its answers and wiping', async () => {
		expect(paths).toEqual(expect.arrayContaining([...plainIslandPages, '/mijn-antwoorden']));
		for (const path of plainIslandPages) {
			const { gzip, urls } = await pageWeight(browser, baseUrl() + path);
			expect(urls.filter((url) => /svelte|Island/.test(url)), `Svelte on ${path}`).toEqual([]);
			expect(counted(gzip), `HTML + CSS + JS of ${path}`).toBeLessThanOrEqual(BUDGETS.islands);
		}
		const { urls } = await pageWeight(browser, `${baseUrl()}/mijn-antwoorden`);
		const scripts = urls.filter((url) => url.endsWith('.js')).map((url) => url.split('/').pop()!.replace(/-[\w-]{8}\.js$/, ''));
		expect(scripts).toEqual(expect.arrayContaining(['answers', 'clear-data']));
		expect(scripts.filter((name) => /Answers|ClearData|sync-runtime/.test(name))).toEqual([]);
	});

	it('a page loads the styles of a block (figure, tabs, exercise, …) when it has one, and only then', async () => {
		const { context, page } = await learner(browser);
		let linked = 0;
		for (const path of paths) {
			await page.goto(baseUrl() + path);
			const loaded = await page.$$eval('link[rel="stylesheet"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
			const blockFiles = loaded.map((href) => /_islands\/([a-z]+)-[\w-]+\.css$/.exec(href)?.[1]).filter((name) => name !== undefined);
			for (const type of styledBlocks) {
				const has = (await page.locator(blockSelector[type]).count()) > 0;
				expect(blockFiles.includes(type), `${path}: ${type} styles ${has ? 'missing' : 'loaded without a ' + type}`).toBe(has);
				if (has) linked++;
			}
		}
		// The course has these blocks somewhere, so the check above did look at linked files.
		expect(linked).toBeGreaterThanOrEqual(styledBlocks.length);
	});
});

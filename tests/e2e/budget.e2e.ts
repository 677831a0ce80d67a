// Page weight on a first visit, for every page the table of contents lists. `npm run bench` prints
// every page against the budgets of issue 7 (12 KB gzip for a text page, 30 KB with an island);
// those are not all met yet (see the README and decision 4). This test holds what is met, so it
// cannot slip back: a text page ships the plain enhancer and no Svelte, at most 14 KB in all; a page
// with exercises no Svelte either, at most 30 KB (decision 7); every page stays within 60 KB; and a
// page loads the styles of a block only when it has that block.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { styledBlocks, type StyledBlock } from '../../src/lib/blocks/block-styles';
import { counted, pageWeight } from '../../scripts/page-weight.mjs';
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
	'quiz-score': 'section.quiz-score',
	figure: 'figure.figure',
	tabs: '.tabs[data-tabs]',
	share: '.share',
	glossary: 'dl.glossary',
	literature: 'ul.literature'
};

describe('weight', () => {
	it('a text page loads no Svelte, at most 6 KB gzip of JavaScript and 14 KB in all; no page more than 60 KB', async () => {
		const kinds = new Set<string>();
		for (const path of paths) {
			const { gzip, kind } = await pageWeight(browser, baseUrl() + path);
			kinds.add(kind);
			expect(counted(gzip), `${path} (${kind})`).toBeLessThanOrEqual(60 * 1024);
			expect(gzip.js, `${path} loads JavaScript`).toBeGreaterThan(0);
			if (kind === 'text') {
				expect(gzip.js, `JavaScript on ${path}`).toBeLessThanOrEqual(6 * 1024);
				expect(counted(gzip), `HTML + CSS + JS of ${path}`).toBeLessThanOrEqual(14 * 1024);
			}
		}
		expect([...kinds].sort()).toEqual(['islands', 'text']);
	});

	it('a page with exercises loads no Svelte (they are wired in plain TypeScript) and at most 30 KB gzip in all', async () => {
		let exercisePages = 0;
		for (const path of paths) {
			const { context, page } = await learner(browser);
			await page.goto(baseUrl() + path);
			const exercises = await page.locator('section.exercise').count();
			await context.close();
			if (!exercises) continue;
			exercisePages++;
			const { gzip, urls } = await pageWeight(browser, baseUrl() + path);
			expect(urls.filter((url) => /\/_islands\/[^/]*svelte[^/]*\.js$/.test(url)), `Svelte code on ${path}`).toEqual([]);
			expect(counted(gzip), `HTML + CSS + JS of ${path}`).toBeLessThanOrEqual(30 * 1024);
		}
		// The content has exercises, so the check above did look at pages with them.
		expect(exercisePages).toBeGreaterThan(0);
	});

	it('a page loads the styles of a block (figure, tabs, exercise, …) when it has one, and only then', async () => {
		const { context, page } = await learner(browser);
		let linked = 0;
		for (const path of paths) {
			await page.goto(baseUrl() + path);
			const loaded = await page.$$eval('link[rel="stylesheet"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
			const blockFiles = loaded.map((href) => /_islands\/([a-z-]+)-[\w-]{8}\.css$/.exec(href)?.[1]).filter((name) => name !== undefined);
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

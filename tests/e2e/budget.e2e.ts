// Page weight on a first visit, for every page the table of contents lists, against the budgets of
// issue 7 that `npm run bench` prints: every text page (no island) at most 12 KB gzip in all (HTML +
// CSS + JS), every page with an island (exercises, Mijn antwoorden, Verder) at most 30 KB; no page
// loads the Svelte runtime (it renders at build time only, decision 10); and a page loads the styles
// of a block only when it has that block.
import { readFileSync, readdirSync } from 'node:fs';
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
	'quiz-score': 'section.quiz-score',
	figure: 'figure.figure',
	tabs: '.tabs[data-tabs]',
	share: '.share',
	glossary: 'dl.glossary',
	literature: 'ul.literature'
};

describe('weight', () => {
	it('a text page: at most 6 KB gzip of JavaScript (the enhancer and a small module of its own, e.g. the proof page\'s) and 12 KB in all; a page with an island: at most 30 KB; no Svelte anywhere', async () => {
		const kinds = new Set<string>();
		expect(paths).toEqual(expect.arrayContaining(['/mijn-antwoorden', '/verder', '/bewijs']));
		for (const path of paths) {
			const { gzip, kind, urls } = await pageWeight(browser, baseUrl() + path);
			kinds.add(kind);
			expect(gzip.js, `${path} loads JavaScript`).toBeGreaterThan(0);
			expect(urls.filter((url) => /svelte/i.test(url)), `Svelte on ${path}`).toEqual([]);
			if (kind === 'text') expect(gzip.js, `JavaScript on ${path}`).toBeLessThanOrEqual(6 * 1024);
			expect(counted(gzip), `HTML + CSS + JS of ${path} (${kind})`).toBeLessThanOrEqual(kind === 'text' ? BUDGETS.text : BUDGETS.islands);
		}
		// Both kinds were measured: the content has exercises, and text pages.
		expect([...kinds].sort()).toEqual(['islands', 'text']);
	});

	it('no script the browser can load carries the Svelte runtime', () => {
		const dir = 'build/client/_islands';
		const scripts = readdirSync(dir).filter((name) => name.endsWith('.js'));
		expect(scripts.length).toBeGreaterThan(0);
		// Svelte's runtime links each of its errors to svelte.dev/e/…; our own code never does.
		expect(scripts.filter((name) => readFileSync(`${dir}/${name}`, 'utf8').includes('svelte.dev/e/'))).toEqual([]);
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

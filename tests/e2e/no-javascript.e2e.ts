import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { course, launch, learner, sectionUrls } from './browser';
import { allExercises, firstTabs, urlOf } from './exercises';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('with JavaScript switched off', () => {
	it('every text page reads, and "Verder naar" walks through the whole e-tool', async () => {
		const { context: withJs, page: probe } = await learner(browser);
		const sections = await sectionUrls(probe);
		await withJs.close();

		const { context, page } = await learner(browser, { javaScript: false });
		await page.goto('/');
		expect(await page.locator('h1').textContent()).toContain('De digitale kloof dichten');
		await page.getByRole('link', { name: 'Start de e-tool' }).click();
		for (const [i, path] of sections.entries()) {
			expect(new URL(page.url()).pathname).toBe(path);
			expect((await page.locator('main').innerText()).length, `text on ${path}`).toBeGreaterThan(300);
			const next = page.locator('.section-end__next');
			if (i < sections.length - 1) {
				expect(await next.textContent()).toMatch(/^\s*Verder naar: /);
				await next.click();
			}
		}
		await context.close();
	});

	it('exercises show their question and say they need JavaScript', async () => {
		// The first single-choice exercise in the content, wherever it is.
		const found = allExercises(course()).find(({ exercise }) => exercise.type === 'single-choice');
		expect(found, 'a single-choice exercise in the content').toBeDefined();
		const { section, exercise } = found!;
		if (exercise.type !== 'single-choice') throw new Error('unreachable');
		const { context, page } = await learner(browser, { javaScript: false });
		await page.goto(urlOf(section));
		const main = await page.locator('main').innerText();
		expect(main).toContain(exercise.prompt);
		for (const option of exercise.options) expect(main).toContain(option.text);
		expect(main).toMatch(/werkt met JavaScript/);
		// The interactive view is in the page (rendered at build time) but not shown: no control that does nothing.
		expect(await page.locator('main :is(button, input, select, textarea):visible').count()).toBe(0);
		await context.close();
	});

	it('the table of contents and the tabs work without JavaScript', async () => {
		const { context, page } = await learner(browser, { javaScript: false });
		await page.goto('/inhoud');
		const links = page.locator('.toc__section > a');
		expect(await links.count()).toBeGreaterThanOrEqual(6);
		await links.nth(1).click();
		expect(await page.locator('h1').textContent()).toBeTruthy();
		// Every panel of the first tabs block in the content shows under its own heading.
		const tabs = firstTabs(course());
		expect(tabs, 'a tabs block in the content').toBeDefined();
		await page.goto(urlOf(tabs!.section));
		for (const { label } of tabs!.block.tabs)
			expect(await page.getByRole('heading', { name: label, exact: true }).isVisible(), label).toBe(true);
		await context.close();
	});
});

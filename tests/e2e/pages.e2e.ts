import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launch, learner, ready, sectionUrls } from './browser';

let browser: Browser;
let pages: string[] = [];

beforeAll(async () => {
	browser = await launch();
	const { context, page } = await learner(browser);
	pages = ['/', '/inhoud', ...(await sectionUrls(page)), '/mijn-antwoorden', '/verder'];
	await context.close();
});
afterAll(() => browser?.close());

describe('every page', () => {
	it('finds the pages from the table of contents', () => {
		expect(pages.length).toBeGreaterThanOrEqual(8);
	});

	it('passes axe (WCAG 2.2 AA) with no console errors', async () => {
		const { context, page } = await learner(browser);
		for (const path of pages) {
			await page.goto(path);
			await ready(page);
			expect(await page.locator('h1').count(), `one h1 on ${path}`).toBe(1);
			await expectAccessible(page, path);
		}
		expect((page as unknown as { errors: string[] }).errors).toEqual([]);
		await context.close();
	});

	it('reflows at 320 px wide without horizontal scrolling', async () => {
		const { context, page } = await learner(browser, { width: 320, height: 640, touch: true });
		for (const path of pages) {
			await page.goto(path);
			await ready(page);
			await expectNoHorizontalScroll(page, path);
		}
		await context.close();
	});

	it('starts with a skip link that moves focus to the content', async () => {
		const { context, page } = await learner(browser);
		await page.goto(pages[2]!);
		await ready(page);
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Naar de inhoud' });
		await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
		await context.close();
	});

	it('answers an unknown address with a Dutch 404 page', async () => {
		const { context, page } = await learner(browser);
		const response = await page.goto('/bestaat/niet');
		expect(response?.status()).toBe(404);
		await expect.poll(() => page.locator('h1').textContent()).toContain('bestaat niet');
		await context.close();
	});
});

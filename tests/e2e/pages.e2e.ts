import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allPageUrls, expectAccessible, expectNoHorizontalScroll, launch, learner, ready } from './browser';

let browser: Browser;
let pages: string[] = [];

beforeAll(async () => {
	browser = await launch();
	const { context, page } = await learner(browser);
	pages = await allPageUrls(page);
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

	for (const scheme of [{ colorScheme: 'dark' as const }, { forcedColors: 'active' as const }]) {
		it(`passes axe in ${scheme.colorScheme ?? 'forced colours'} too, on a phone and a laptop`, async () => {
			for (const width of [360, 1280]) {
				const { context, page } = await learner(browser, { ...scheme, width, height: width === 360 ? 740 : 800 });
				for (const path of pages) {
					await page.goto(path);
					await ready(page);
					await expectAccessible(page, `${path} (${scheme.colorScheme ?? 'forced colours'}, ${width} px)`);
				}
				await context.close();
			}
		});
	}

	it('reflows at 320 px wide, and at 400% zoom, without horizontal scrolling or clipped text', async () => {
		// 400% of a 1280×800 laptop is a 320×200 CSS-pixel viewport.
		for (const size of [{ width: 320, height: 640 }, { width: 320, height: 200 }]) {
			const { context, page } = await learner(browser, { ...size, touch: true });
			for (const path of pages) {
				await page.goto(path);
				await ready(page);
				await expectNoHorizontalScroll(page, `${path} (${size.width}×${size.height})`);
				expect(await clipped(page), `${path} (${size.width}×${size.height})`).toEqual([]);
			}
			await context.close();
		}
	});

	it('keeps every text readable under the WCAG 1.4.12 text-spacing stylesheet', async () => {
		for (const width of [320, 1280]) {
			const { context, page } = await learner(browser, { width, height: 800, bypassCSP: true });
			for (const path of pages) {
				await page.goto(path);
				await ready(page);
				await page.addStyleTag({ content: textSpacing });
				await expectNoHorizontalScroll(page, `${path} with text spacing at ${width} px`);
				expect(await clipped(page), `${path} with text spacing at ${width} px`).toEqual([]);
			}
			await context.close();
		}
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

/** The text-spacing bookmarklet of WCAG 1.4.12. */
const textSpacing = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Visible elements whose content is cut off by their own box (overflow hidden or clip). */
function clipped(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('body *')]
			.filter((el) => {
				const style = getComputedStyle(el);
				if (!/hidden|clip/.test(style.overflowX + style.overflowY) || el.closest('.visually-hidden') || !el.offsetParent) return false;
				return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
			})
			// The progress bar's fill is clipped to its rounded box on purpose; it holds no text.
			.filter((el) => el.tagName !== 'PROGRESS' && el.tagName !== 'METER')
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 60)}`)
	);
}

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, course, expectAccessible, launch, learner, ready } from './browser';

const withShare = course()
	.chapters.flatMap((c) => c.sections)
	.filter((s) => s.blocks.some((b) => b.type === 'share'))
	.map((s) => `/${s.path}`);

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('"Deel deze e-tool"', () => {
	// A test that skips is a test that passes: the content must have the block these tests are about.
	it('the content has a share block', () => expect(withShare.length).toBeGreaterThan(0));

	it('copies the link to the start page and says so', async () => {
		const { context, page } = await learner(browser);
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
		// A desktop browser without a share sheet: the button falls back to copying.
		await context.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
		await page.goto(withShare[0]!);
		await ready(page);
		await page.getByRole('button', { name: 'Deel deze e-tool' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'gekopieerd' }).count()).toBe(1);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl()}/`);
		await expectAccessible(page, 'link gekopieerd');
		await context.close();
	});

	it('shows the link to copy by hand when the clipboard is not allowed', async () => {
		const { context, page } = await learner(browser);
		await context.addInitScript(() => {
			Object.defineProperty(navigator, 'share', { value: undefined });
			Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('geen toegang')) } });
		});
		await page.goto(withShare[0]!);
		await ready(page);
		await page.getByRole('button', { name: 'Deel deze e-tool' }).click();
		const field = page.getByRole('textbox', { name: 'Link naar de e-tool' });
		await expect.poll(() => field.inputValue()).toBe(`${baseUrl()}/`);
		await expectAccessible(page, 'link zelf kopiëren');
		await context.close();
	});

	it('uses the share sheet where the device has one', async () => {
		const { context, page } = await learner(browser);
		await context.addInitScript(() => {
			Object.defineProperty(navigator, 'share', {
				value: (data: ShareData) => {
					(window as unknown as { shared: ShareData }).shared = data;
					return Promise.resolve();
				}
			});
		});
		await page.goto(withShare[0]!);
		await ready(page);
		await page.getByRole('button', { name: 'Deel deze e-tool' }).click();
		const shared = await page.evaluate(() => (window as unknown as { shared?: ShareData }).shared);
		expect(shared?.url).toBe(`${baseUrl()}/`);
		expect(shared?.title).toBe('De digitale kloof dichten');
		await context.close();
	});
});

// "Bewijs van deelname": what it states comes from this device; the name stays on the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, learner, ready, sectionUrls } from './browser';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('"Bewijs van deelname"', () => {
	it('states the sections finished and the first-try score, and never sends or stores the name', async () => {
		const { context, page } = await learner(browser, { width: 360, height: 740 });
		const sections = await sectionUrls(page);
		// Read the first section to its end.
		await page.goto(sections[0]!);
		await ready(page);
		await page.locator('.section-end').scrollIntoViewIfNeeded();
		await page.waitForTimeout(300);
		const title = (await page.locator('h1').textContent())!.replace(/^\s*[\d.]+\s*/, '').trim();

		const sent: string[] = [];
		page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
		await page.goto('/mijn-antwoorden');
		await ready(page);
		await page.getByRole('link', { name: 'Bewijs van deelname' }).click();
		await ready(page);
		const sheet = page.locator('.proof__sheet');
		await expect.poll(() => sheet.locator('[data-proof-sections] li').allTextContents()).toEqual([title]);
		expect(await sheet.locator('[data-proof-count]').textContent()).toMatch(/^1 van de \d+$/);
		expect(await sheet.locator('[data-proof-quiz]').textContent()).toMatch(/^0 van de \d+$/);
		expect(await sheet.locator('[data-proof-date]').textContent()).toMatch(/^\d{1,2} \w+ \d{4}$/);

		const name = 'Sam de Vries-Test';
		await page.getByLabel('Je naam').fill(name);
		expect(await sheet.locator('[data-proof-name]').textContent()).toBe(name);
		await page.waitForTimeout(1500);
		expect(sent.filter((s) => s.includes('Vries'))).toEqual([]);
		const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
		expect(stored).not.toContain('Vries');
		await expectAccessible(page, '/bewijs ingevuld');
		expect(await page.getByRole('button', { name: 'Afdrukken of bewaren als pdf' }).isVisible()).toBe(true);
		await context.close();
	});

	it('is linked from the closing section, once, and not from the sources after it', async () => {
		const { context, page } = await learner(browser, { javaScript: false });
		const withLink: string[] = [];
		for (const path of await sectionUrls(page)) {
			await page.goto(path);
			if (await page.getByRole('link', { name: 'Maak een bewijs van deelname' }).count()) withLink.push(path);
		}
		expect(withLink).toHaveLength(1);
		const all = await sectionUrls(page);
		const closing = all.indexOf(withLink[0]!);
		await page.goto(all[closing + 1]!);
		expect(await page.locator('.side-nav [aria-current="page"]').evaluate((a) => a.closest('[data-section]')?.getAttribute('data-counts'))).toBe('false');
		await context.close();
	});

	it('says it needs JavaScript when it is off, with no dead button', async () => {
		const { context, page } = await learner(browser, { javaScript: false });
		await page.goto('/bewijs');
		expect(await page.getByText('Daarvoor is JavaScript nodig').isVisible()).toBe(true);
		expect(await page.getByRole('button').count()).toBe(0);
		await context.close();
	});
});

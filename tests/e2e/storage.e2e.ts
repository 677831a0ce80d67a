import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { course, expectAccessible, launch, learner, ready } from './browser';
import { storageKey } from './exercises';

const key = storageKey;
const section = '/inleiding/kansen-en-bedreigingen';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('progress on the device', () => {
	it('survives closing the browser: the start page offers "Verder waar je was"', async () => {
		const { context, page } = await learner(browser);
		await page.goto(section);
		await ready(page);
		await page.goto('/');
		await ready(page);
		const resume = page.getByRole('link', { name: 'Verder waar je was' });
		expect(await resume.evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(section);
		// A new page in the same profile stands for coming back next week.
		const state = await context.storageState();
		await context.close();
		const later = await browser.newContext({ baseURL: new URL(page.url()).origin, storageState: state });
		const again = await later.newPage();
		await again.goto('/');
		await ready(again);
		expect(await again.getByRole('link', { name: 'Verder waar je was' }).evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(section);
		await later.close();
	});

	it('explains corrupt stored data in Dutch, starts clean and keeps a backup', async () => {
		const { context, page } = await learner(browser);
		await page.goto('/');
		await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"answers":'), key);
		await page.goto(section);
		await ready(page);
		const alert = page.getByRole('alert');
		await expect.poll(() => alert.innerText()).toMatch(/konden je opgeslagen voortgang niet lezen/);
		await expectAccessible(page, 'melding beschadigde gegevens');
		const stored = await page.evaluate((k) => ({ now: localStorage.getItem(k), backup: localStorage.getItem(`${k}-beschadigd`) }), key);
		expect(stored.backup).toBe('{"version":1,"answers":');
		expect(JSON.parse(stored.now ?? '{}').version).toBe(1);
		expect(await page.locator('h1').isVisible()).toBe(true);
		await context.close();
	});

	it('keeps the readable answers when one is damaged, says so, and keeps a copy', async () => {
		const { context, page } = await learner(browser);
		await page.goto('/');
		const at = new Date().toISOString();
		const stored = JSON.stringify({
			version: 1,
			courseId: course().id,
			updatedAt: at,
			sections: {},
			answers: {
				'wat-geleerd': { value: { type: 'reflection', text: 'Mijn bewaarde tekst' }, attempts: 1, savedAt: at },
				kapot: { value: { type: 'reflection', text: 42 }, attempts: 1, savedAt: at }
			}
		});
		await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, stored]);
		await page.goto('/mijn-antwoorden');
		await ready(page);
		await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/deel van je opgeslagen antwoorden/);
		expect(await page.locator('main').innerText()).toContain('Mijn bewaarde tekst');
		expect(await page.evaluate((k) => localStorage.getItem(`${k}-beschadigd`), key)).toBe(stored);
		await context.close();
	});

	it('tells the learner when the storage is full', async () => {
		const { context, page } = await learner(browser);
		await context.addInitScript(() => {
			Storage.prototype.setItem = function () {
				throw new DOMException('full', 'QuotaExceededError');
			};
		});
		await page.goto(section);
		await ready(page);
		await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/opslag van je browser is vol/);
		await context.close();
	});

	it('"Wis mijn gegevens" asks first, then removes everything stored', async () => {
		const { context, page } = await learner(browser);
		await page.goto(section);
		await ready(page);
		await page.goto('/mijn-antwoorden');
		await ready(page);
		expect(await page.evaluate((k) => localStorage.getItem(k), key)).not.toBeNull();
		await page.getByRole('button', { name: 'Wis mijn gegevens' }).click();
		await page.getByRole('button', { name: 'Nee, terug' }).click();
		expect(await page.evaluate((k) => localStorage.getItem(k), key)).not.toBeNull();
		await page.getByRole('button', { name: 'Wis mijn gegevens' }).click();
		await expectAccessible(page, 'bevestiging wissen');
		await page.getByRole('button', { name: 'Ja, wis alles' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'gewist' }).count()).toBe(1);
		expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('etool:')))).toEqual([]);
		await page.goto('/');
		await ready(page);
		expect(await page.getByRole('link', { name: 'Start de e-tool' }).count()).toBe(1);
		await context.close();
	});
});

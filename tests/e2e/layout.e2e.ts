// The page frame a learner sees first: a header that leaves the phone's screen to the text and does
// not move the page, the side navigation on a laptop, a short Inhoud, and no control that cannot
// work without JavaScript. Pages come from the table of contents, not a list.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredExercise } from '$lib/exercises/schemas';
import { allPageUrls, course, launch, learner, ready } from './browser';
import { allExercises, answerWith, button, exerciseOn, isScored, rightAnswer, urlOf } from './exercises';

let browser: Browser;
let pages: string[] = [];

beforeAll(async () => {
	browser = await launch();
	const { context, page } = await learner(browser);
	pages = await allPageUrls(page);
	await context.close();
});
afterAll(() => browser?.close());

/** Sum of layout shifts without recent input, as Chrome reports them (the CLS of the load). */
async function measureShifts(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as { cls: number; what: string[] };
		w.cls = 0;
		w.what = [];
		type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as Shift[]) {
				if (entry.hadRecentInput) continue;
				w.cls += entry.value;
				w.what.push(`${entry.value.toFixed(3)}: ${entry.sources.map((s) => (s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : s.node?.nodeName)).join(', ')}`);
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

/**
 * CLS ≤ 0.01 on every page, exercises included: the server renders an exercise's whole view and
 * its loader only wires it, so nothing is replaced after load (decision 10).
 */
async function expectStill(page: Page, what: string): Promise<void> {
	const { cls, shifts } = await page.evaluate(() => {
		const w = window as unknown as { cls: number; what: string[] };
		return { cls: w.cls, shifts: w.what.join('; ') };
	});
	expect(cls, `CLS on ${what} (${shifts})`).toBeLessThanOrEqual(0.01);
}

describe('the header and layout', () => {
	it('keep the header within 15% of a 360×740 phone and move nothing after load (CLS ≤ 0.01), at 4× CPU slowdown', async () => {
		for (const progress of ['fresh', 'returning']) {
			const { context, page } = await learner(browser, { width: 360, height: 740, touch: true });
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await measureShifts(page);
			if (progress === 'returning') {
				// A learner who did a section: the header, states and start button all change on load.
				await page.goto(pages[2]!);
				await ready(page);
				await page.locator('.section-end a').first().click();
				await ready(page);
			}
			for (const path of pages) {
				await page.goto(path);
				await ready(page);
				await page.waitForTimeout(300);
				const height = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height);
				expect(height, `header on ${path}`).toBeLessThanOrEqual(0.15 * 740);
				await expectStill(page, `${path} (${progress})`);
			}
			await context.close();
		}
	});

	it('move nothing after load for a learner who answered every exercise (their answers, reflections and score fill in)', async () => {
		const { context, page } = await learner(browser, { width: 360, height: 740, touch: true });
		const all = allExercises(course());
		expect(all.length).toBeGreaterThan(0);
		for (const { section, exercise } of all) {
			await page.goto(urlOf(section));
			await ready(page);
			const box = await exerciseOn(page, exercise);
			if (isScored(exercise)) {
				await answerWith(box, exercise, rightAnswer(exercise as ScoredExercise), 'click');
				await button(box, 'Controleer').click();
			} else {
				await box.locator('textarea').fill('Wat ik hiervan meeneem naar mijn werk, in een paar zinnen.');
				await box.locator('textarea').blur();
			}
		}
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await measureShifts(page);
		for (const path of pages) {
			await page.goto(path);
			await ready(page);
			await page.waitForTimeout(300);
			await expectStill(page, `${path} (every exercise answered)`);
		}
		await context.close();
	});

	it('keep the same on a laptop (CLS ≤ 0.01) and show the side navigation with section states from 1024 px', async () => {
		const { context, page } = await learner(browser, { width: 1024, height: 768 });
		await measureShifts(page);
		for (const path of pages) {
			await page.goto(path);
			await ready(page);
			await page.waitForTimeout(200);
			await expectStill(page, `${path} at 1024 px`);
			expect(await page.getByRole('navigation', { name: 'Inhoud van de e-tool' }).isVisible(), path).toBe(true);
		}
		// The section just read is marked in the side navigation, in words.
		await page.goto(pages[2]!);
		await ready(page);
		const nav = page.getByRole('navigation', { name: 'Inhoud van de e-tool' });
		expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
		await expect.poll(() => nav.locator('.badge--busy').first().textContent()).toContain('Bezig');
		await context.close();

		const phone = await learner(browser, { width: 360, height: 740, touch: true });
		await phone.page.goto(pages[2]!);
		await ready(phone.page);
		expect(await phone.page.getByRole('navigation', { name: 'Inhoud van de e-tool' }).isVisible()).toBe(false);
		await phone.context.close();
	});

	it('open and close the site menu on a phone, and keep it open without JavaScript', async () => {
		const { context, page } = await learner(browser, { width: 360, height: 740, touch: true });
		await page.goto('/');
		await ready(page);
		const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
		expect(await menu.isVisible()).toBe(false);
		await page.getByRole('button', { name: 'Menu' }).click();
		expect(await menu.isVisible()).toBe(true);
		await menu.getByRole('link', { name: 'Mijn antwoorden' }).focus();
		await page.keyboard.press('Escape');
		expect(await menu.isVisible()).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('site-menu');
		await context.close();

		const off = await learner(browser, { width: 360, height: 740, javaScript: false });
		await off.page.goto('/');
		expect(await off.page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(true);
		await off.context.close();
	});

	it('show Inhoud grouped per chapter in at most 3 phone screens, without a "not started" on every row', async () => {
		const { context, page } = await learner(browser, { width: 360, height: 740, touch: true });
		await page.goto('/inhoud');
		await ready(page);
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		expect(height).toBeLessThanOrEqual(3 * 740);
		expect(await page.getByText('Nog niet begonnen').count()).toBe(0);
		expect(await page.locator('main h2').count()).toBeGreaterThanOrEqual(2);
		await context.close();
	});

	it('count the learning sections in the header, not the sources and colophon', async () => {
		const { context, page } = await learner(browser, { width: 360, height: 740 });
		await page.goto('/inhoud');
		await ready(page);
		const all = await page.locator('.side-nav [data-section]').count();
		const reference = await page.locator('.side-nav [data-section][data-counts="false"]').count();
		expect(reference).toBeGreaterThan(0);
		expect(await page.locator('[data-progress-text]').textContent()).toBe(`0 van ${all - reference} onderdelen klaar`);
		await context.close();
	});

	it('show no control that needs JavaScript when it is off', async () => {
		const { context, page } = await learner(browser, { width: 360, height: 740, javaScript: false });
		for (const path of pages) {
			await page.goto(path);
			const visible = await page.locator('button').evaluateAll((buttons) =>
				buttons.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => b.textContent?.trim())
			);
			expect(visible, path).toEqual([]);
		}
		await context.close();
	});

	it('say "Opgeslagen" only after something was saved', async () => {
		const { context, page } = await learner(browser, { width: 360, height: 740 });
		await page.goto('/mijn-antwoorden');
		await ready(page);
		await page.waitForTimeout(1500);
		expect(await page.locator('[data-sync-status]').textContent()).toBe('');
		await context.close();
	});
});

describe('what is loaded', () => {
	it('a text page loads no Svelte and no island code; a page with an island loads only its own', async () => {
		const { context, page } = await learner(browser);
		const loaded: string[] = [];
		page.on('request', (r) => r.resourceType() === 'script' && loaded.push(new URL(r.url()).pathname));
		for (const path of pages) {
			loaded.length = 0;
			await page.goto(path, { waitUntil: 'networkidle' });
			await ready(page);
			const islands = await page.locator('[data-island]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.island));
			const names = loaded.map((p) => p.split('/').pop()!.replace(/-[\w-]{8}\.js$/, ''));
			if (islands.length === 0) expect(names.filter((n) => /svelte|Island|Exercise|ClearData|store/.test(n)), path).toEqual([]);
			if (!islands.includes('exercise')) expect(names.filter((n) => /Exercise/.test(n)), path).toEqual([]);
			if (!islands.includes('resume')) expect(names.filter((n) => /Resume/.test(n)), path).toEqual([]);
			if (!(await page.locator('.tabs[data-tabs]').count())) expect(names, path).not.toContain('tabs');
			if (!(await page.locator('[data-share]').count())) expect(names, path).not.toContain('share');
		}
		await context.close();
	});
});

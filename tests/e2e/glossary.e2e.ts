import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { course, expectAccessible, launch, learner } from './browser';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

// The glossary and its term links (issue 8): one definition per term, reached with one tap or Enter.
describe('Begrippen and term links', () => {
	it('a term on a page links to its one definition on the Begrippen page, by keyboard', async () => {
		const entry = course().glossary.find((g) => g.id === 'digitoerusting');
		expect(entry, 'digitoerusting in begrippen.yaml').toBeDefined();
		const { context, page } = await learner(browser);
		await page.goto('/de-digitale-kloof/de-kloof-verkleinen');
		const link = page.locator('main a[href="../bronnen/begrippen#digitale-kloof"]').first();
		expect(await link.count(), 'a link for the first use of "digitale kloof"').toBe(1);
		await link.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL('**/bronnen/begrippen#digitale-kloof');
		const term = page.locator('dt#digitale-kloof');
		expect(await term.isVisible()).toBe(true);

		// The factor's definition on the Begrippen page is the one the quiz and chapter 3 use.
		const definition = await page.locator('dt#digitoerusting + dd').innerText();
		expect(definition.toLowerCase()).toContain(entry!.definition);
		await expectAccessible(page, 'Begrippen');
		await context.close();
	});

	it('shows "In het kort" with three points at the top of a section in chapter 3', async () => {
		const { context, page } = await learner(browser);
		await page.goto('/de-vier-factoren/digigebruik');
		const summary = page.getByRole('region', { name: 'In het kort' });
		expect(await summary.locator('li').count()).toBe(3);
		await context.close();
	});
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_GZIP, counted, pageWeight } from '../../scripts/page-weight.mjs';
import { baseUrl, launch, learner, sectionUrls } from './browser';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('weight', () => {
	it('every page stays within 60 KB gzip on a first visit (HTML + CSS + JS)', async () => {
		const { context, page } = await learner(browser);
		const paths = ['/', '/inhoud', ...(await sectionUrls(page)), '/mijn-antwoorden', '/verder'];
		await context.close();
		for (const path of paths) {
			const { gzip } = await pageWeight(browser, baseUrl() + path);
			expect(counted(gzip), path).toBeLessThanOrEqual(BUDGET_GZIP);
			expect(gzip.js, `${path} loads JavaScript`).toBeGreaterThan(0);
		}
	});
});

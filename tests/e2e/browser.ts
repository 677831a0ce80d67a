import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { chromiumFlags } from '../../scripts/chromium.mjs';

export const baseUrl = () => inject('baseUrl');


export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumFlags });
}

/** A fresh learner: own storage, Dutch, a phone-ish or laptop-ish viewport. */
export async function learner(
	browser: Browser,
	options: {
		width?: number;
		height?: number;
		javaScript?: boolean;
		touch?: boolean;
		colorScheme?: 'light' | 'dark';
		forcedColors?: 'active' | 'none';
		/** Lets a test inject a stylesheet (the text-spacing bookmarklet) despite the page's CSP. */
		bypassCSP?: boolean;
	} = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		colorScheme: options.colorScheme ?? 'light',
		forcedColors: options.forcedColors ?? 'none',
		bypassCSP: options.bypassCSP ?? false,
		baseURL: baseUrl(),
		locale: 'nl-NL',
		viewport: { width: options.width ?? 1024, height: options.height ?? 800 },
		javaScriptEnabled: options.javaScript ?? true,
		hasTouch: options.touch ?? false,
		isMobile: options.touch ?? false
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	(page as Page & { errors: string[] }).errors = errors;
	return { context, page };
}

/** The WCAG 2.2 AA rule set the issue asks for. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Run axe on the page as it is now and fail with a readable list of violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
	const result = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
	const violations = result.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`
	);
	expect(violations, `axe op ${what}`).toEqual([]);
}

/** No horizontal scrolling: the page is not wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
	const { scroll, client } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(scroll, `horizontale scroll op ${what}`).toBeLessThanOrEqual(client);
}

/** Every section URL, read from the table of contents (so new content is covered without edits here). */
export async function sectionUrls(page: Page): Promise<string[]> {
	await page.goto('/inhoud');
	return page.$$eval('.toc__section > a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Every page a learner can reach: start, Inhoud, each section (from Inhoud), and the other pages. */
export async function allPageUrls(page: Page): Promise<string[]> {
	return ['/', '/inhoud', ...(await sectionUrls(page)), '/mijn-antwoorden', '/bewijs', '/verder'];
}

/**
 * Wait until the page's browser code has read progress and mounted every island (or given up on
 * one): islands/client.ts marks the document then.
 */
export async function ready(page: Page): Promise<void> {
	await page.waitForSelector('html[data-etool="ready"]', { state: 'attached' });
}

import type { Course } from '$lib/content/schema';
import { readCompiledCourse } from '../../scripts/course.mjs';

/** The e-tool as the build compiled it, so journeys cover every section and exercise without a list here. */
export function course(): Course {
	return readCompiledCourse().course;
}

// The static export served from a sub-path by a plain static server (files only: no extension
// guessing, no index files, no API): the learner's journey works, no request leaves the package,
// nothing asks for a server, and opened as a file it says a server is needed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredExercise } from '$lib/exercises/schemas';
import { course, expectAccessible, expectNoHorizontalScroll, launch, learner, ready } from './browser';
import { answerWith, button, exerciseOn, exercisesIn, expectVerdict, isScored, rightAnswer, storageKey } from './exercises';
import { exportPackage, SITE_PATH, startPackageServer, type PackageServer } from './package-server';

const content = course();
const sections = content.chapters.flatMap((c) => c.sections);
const counted = content.chapters.filter((c) => !c.appendix).flatMap((c) => c.sections);
let folder: string;
let browser: Browser;
let server: PackageServer;

beforeAll(async () => {
	folder = exportPackage('static');
	server = await startPackageServer();
	browser = await launch();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const stored = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}'), storageKey);

describe('static export from a sub-path', () => {
	it('has no server-only page, and the zip is there', () => {
		expect(existsSync(join(folder, 'index.html'))).toBe(true);
		expect(existsSync(join(folder, 'verder.html'))).toBe(false);
		expect(existsSync(join(folder, '..', `${content.id}-static.zip`))).toBe(true);
	});

	it('has no team session (issue 11): no team page, and no page links to one', () => {
		expect(existsSync(join(folder, 'team.html'))).toBe(false);
		expect(existsSync(join(folder, 'team'))).toBe(false);
		const pages = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		const linking = pages.filter((f) => /href="[^"]*team(\.html|\/|")/.test(readFileSync(join(folder, f), 'utf8')));
		expect(linking).toEqual([]);
	});

	it('the learner reads every section by its links and answers every exercise; progress is kept; no request leaves the package', async () => {
		const { context, page } = await learner(browser, { width: 400, height: 800 });
		const outside: string[] = [];
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (url.origin !== server.url || !url.pathname.startsWith(SITE_PATH)) outside.push(r.url());
		});
		const failed: string[] = [];
		page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
		await page.goto(`${server.url}${SITE_PATH}index.html`);
		await ready(page);
		// No "Verder op een ander apparaat" and no save status: there is no server.
		expect(await page.getByRole('link', { name: /ander apparaat/ }).count()).toBe(0);
		await page.locator('[data-start-action]').click();
		for (const [i, section] of counted.entries()) {
			await page.waitForURL(`${server.url}${SITE_PATH}${section.path}.html`);
			await ready(page);
			for (const e of exercisesIn(section.blocks).filter(isScored)) {
				const box = await exerciseOn(page, e);
				await answerWith(box, e, rightAnswer(e as ScoredExercise), 'click');
				await button(box, 'Controleer').click();
				await expectVerdict(box, 'Goed');
			}
			if (i === 0) {
				await expectAccessible(page, 'statische export, eerste sectie');
				await expectNoHorizontalScroll(page, 'statische export, eerste sectie');
			}
			if (i < counted.length - 1) await page.locator('.section-end a[rel="next"]').click();
		}
		const progress = await stored(page);
		for (const s of counted) expect(progress.sections?.[s.path], s.path).toBeTruthy();
		for (const e of counted.flatMap((s) => exercisesIn(s.blocks)).filter(isScored)) expect(progress.answers?.[e.id]?.verdict, e.id).toBe('correct');
		// The other pages, by the menu's links.
		await page.goto(`${server.url}${SITE_PATH}mijn-antwoorden.html`);
		await ready(page);
		await page.locator('a[href$="bewijs.html"]').first().click();
		await page.waitForURL(`${server.url}${SITE_PATH}bewijs.html`);
		await page.goto(`${server.url}${SITE_PATH}${sections.at(-1)!.path}.html`);
		await ready(page);
		expect(outside).toEqual([]);
		expect(failed).toEqual([]);
		expect((page as Page & { errors: string[] }).errors).toEqual([]);
		await context.close();
	});

	it('opened as a file, every page says clearly that a web server is needed, and shows no control that cannot work there', async () => {
		// On a phone, where the menu is behind a button that needs JavaScript.
		const { context, page } = await learner(browser, { width: 360, height: 740 });
		for (const path of ['index.html', `${sections[1]!.path}.html`]) {
			await page.goto(pathToFileURL(join(folder, path)).href);
			const notice = page.locator('#etool-file-notice');
			expect(await notice.isVisible(), path).toBe(true);
			expect(await notice.textContent()).toMatch(/webserver/);
			// Module scripts do not run from file://: the page is shown as without JavaScript.
			expect(await page.locator('.site-header__menu-button').isVisible(), path).toBe(false);
			expect(await page.locator('#site-menu').getByRole('link', { name: 'Inhoud' }).isVisible(), path).toBe(true);
			await expectAccessible(page, `statische export als bestand: ${path}`);
		}
		await context.close();
	});

	it('on a web server, no page shows the file notice or loads its script', async () => {
		const { context, page } = await learner(browser);
		const loaded: string[] = [];
		page.on('request', (r) => loaded.push(r.url()));
		for (const path of ['index.html', `${sections[1]!.path}.html`]) {
			await page.goto(`${server.url}${SITE_PATH}${path}`);
			await ready(page);
			expect(await page.locator('#etool-file-notice').count(), path).toBe(0);
		}
		expect(loaded.filter((url) => url.endsWith('file-notice.js'))).toEqual([]);
		expect(loaded.some((url) => url.includes('/_islands/client-'))).toBe(true);
		await context.close();
	});
});

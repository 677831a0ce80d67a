// Progress sync with the server (docs/api.md): the save status, answering offline, continuing on a
// second device with a code, and "Wis mijn gegevens" on the server. Each learner is a fresh browser
// context, so a context stands for a device.
import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredExercise } from '$lib/exercises/schemas';
import { baseUrl, course, expectAccessible, expectNoHorizontalScroll, launch, learner, ready } from './browser';
import { allExercises, answerTexts, answerWith, button, exerciseOn, expectVerdict, isScored, rightAnswer, storageKey, urlOf } from './exercises';

// The browser tests run against server.js, which always has the API: a route that disappeared
// (404) must fail these tests, not skip them.
const statusCode = await fetch(`${baseUrl()}/api/status`).then((r) => r.status, () => 0);

const exercises = allExercises(course());
const reflection = exercises.find((x) => x.exercise.type === 'reflection')!;
const scored = exercises.find((x) => isScored(x.exercise))!;
const queueKey = storageKey.replace(/voortgang$/, 'wachtrij');
const saved = 'Opgeslagen';
const waiting = 'Nog niet verstuurd';
const slow = { timeout: 20_000, interval: 200 };

const saveStatus = async (page: Page) => ((await page.locator('.sync-status').textContent()) ?? '').trim();

async function reflect(page: Page, text: string) {
	await page.goto(urlOf(reflection.section));
	await ready(page);
	const box = await exerciseOn(page, reflection.exercise);
	await box.getByRole('textbox').fill(text);
	await button(box, 'Opslaan').click();
	await expect.poll(() => box.getByRole('status').textContent()).toMatch(/^Opgeslagen op dit apparaat/);
}

async function answerRight(page: Page) {
	const e = scored.exercise as ScoredExercise;
	await page.goto(urlOf(scored.section));
	await ready(page);
	const box = await exerciseOn(page, e);
	await answerWith(box, e, rightAnswer(e), 'click');
	await button(box, 'Controleer').click();
	await expectVerdict(box, 'Goed');
}

/** Make a code on /verder and read it from the page. */
async function makeCode(page: Page, name = 'Maak een code'): Promise<string> {
	if (new URL(page.url()).pathname !== '/verder') await page.goto('/verder');
	await ready(page);
	const code = page.locator('.resume-make__code [aria-hidden="true"]');
	const read = async () => ((await code.count()) ? ((await code.textContent()) ?? '').trim() : '');
	const before = await read();
	await page.getByRole('button', { name }).click();
	await expect.poll(read, slow).not.toBe(before);
	return read();
}

async function enterCode(page: Page, code: string) {
	await page.getByRole('textbox', { name: 'Code' }).fill(code);
	await page.getByRole('button', { name: 'Ga verder met deze code' }).click();
}

/** What the server keeps for a learner cookie, asked without a browser. */
async function serverCopy(cookie: { name: string; value: string }) {
	const api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
	const response = await api.get('/api/progress');
	const result = { status: response.status(), body: response.ok() ? await response.json() : null };
	await api.dispose();
	return result;
}
const learnerCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'etool_learner')!;

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('progress sync with the server', () => {
	it('finds the server API', () => expect(statusCode).toBe(200));

	it('says a server is there', async () => {
		const response = await fetch(`${baseUrl()}/api/status`);
		expect(await response.json()).toMatchObject({ sync: true });
	});

	it('keeps answers given offline, says they wait, and sends them once back online', async () => {
		const { context, page } = await learner(browser);
		await page.goto(urlOf(reflection.section));
		await ready(page);
		await expect.poll(() => saveStatus(page), slow).toBe(saved);
		await expectAccessible(page, 'opslagstatus opgeslagen');
		await context.setOffline(true);
		const text = `Zonder verbinding geschreven (${Date.now()})`;
		const box = await exerciseOn(page, reflection.exercise);
		await box.getByRole('textbox').fill(text);
		await button(box, 'Opslaan').click();
		await expect.poll(() => saveStatus(page), slow).toBe(waiting);
		expect(await page.locator('.sync-status').getAttribute('role')).toBe('status');
		expect(await page.evaluate((k) => localStorage.getItem(k), queueKey)).toContain(text);
		await expectAccessible(page, 'opslagstatus nog niet verstuurd');
		await context.setOffline(false);
		await expect.poll(() => saveStatus(page), slow).toBe(saved);
		expect(await page.evaluate((k) => localStorage.getItem(k), queueKey)).toBeNull();
		const response = await context.request.get('/api/progress');
		expect(response.status()).toBe(200);
		expect((await response.json()).answers[reflection.exercise.id]).toMatchObject({ value: { text }, attempts: 1 });
		await context.close();
	});

	it('continues on a second device with the code: every answer and result is there', async () => {
		const a = await learner(browser);
		const text = `Reflectie op apparaat A (${Date.now()})`;
		await reflect(a.page, text);
		await answerRight(a.page);
		await a.page.goto('/verder');
		await ready(a.page);
		await expectAccessible(a.page, '/verder leeg');
		const code = await makeCode(a.page);
		expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
		const qr = a.page.getByRole('img', { name: 'QR-code met de link om verder te gaan' });
		expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
		expect(await a.page.getByRole('link', { name: /\/verder#code=/ }).getAttribute('href')).toContain(code.replace(/-/g, ''));
		await expectAccessible(a.page, '/verder met code');

		const b = await learner(browser);
		await b.page.goto('/verder');
		await ready(b.page);
		// Typed the way people do: small letters, spaces instead of dashes.
		await enterCode(b.page, code.toLowerCase().replace(/-/g, ' '));
		await expect.poll(() => b.page.getByText('Gelukt: je voortgang staat nu op dit apparaat').filter({ visible: true }).count(), slow).toBe(1);
		await expectAccessible(b.page, '/verder na de code');
		// A link within the e-tool (relative in the HTML, from the site's root when made in the browser).
		const resumeHref = await b.page.getByRole('link', { name: 'Verder waar je was' }).evaluate((a) => (a as HTMLAnchorElement).href);
		expect(new URL(resumeHref).origin).toBe(new URL(b.page.url()).origin);
		expect(resumeHref).not.toContain('#code=');
		await b.page.goto('/mijn-antwoorden');
		await ready(b.page);
		const answers = b.page.locator('main');
		await expect.poll(() => answers.innerText(), slow).toContain(text);
		const article = b.page.locator(`article[data-exercise="${scored.exercise.id}"]`);
		expect((await article.locator('.answer__result').textContent())?.trim()).toBe('Goed · 1 keer gecontroleerd');
		for (const line of answerTexts(scored.exercise as ScoredExercise, rightAnswer(scored.exercise as ScoredExercise)))
			expect(await article.innerText()).toContain(line);

		// A new code replaces the old one; the old one was used by B anyway, and works only once.
		const next = await makeCode(a.page, 'Maak een nieuwe code');
		expect(next).not.toBe(code);
		const c = await learner(browser);
		await c.page.goto('/verder');
		await ready(c.page);
		await enterCode(c.page, code);
		await expect.poll(() => c.page.locator('#code-fout').textContent(), slow).toMatch(/^Deze code werkt niet/);
		expect(await c.page.getByRole('textbox', { name: 'Code' }).getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(c.page, '/verder onbekende code');

		// The QR link (code in the fragment, never sent to a server) fills the code in, puts "Ga verder
		// met deze code" first, before making a code, and waits for the learner to confirm.
		await c.page.goto(`/verder#code=${next.replace(/-/g, '')}`);
		await ready(c.page);
		const field = c.page.getByRole('textbox', { name: 'Code' });
		await expect.poll(() => field.inputValue()).toBe(next);
		expect(new URL(c.page.url()).hash).toBe('');
		expect(await c.page.getByText(/Je opende een link met een code/).count()).toBe(1);
		const goOn = await c.page.getByRole('button', { name: 'Ga verder met deze code' }).boundingBox();
		const make = await c.page.getByRole('button', { name: 'Maak een code' }).boundingBox();
		expect(goOn!.y).toBeLessThan(make!.y);
		expect((await c.page.evaluate((k) => localStorage.getItem(k), storageKey)) ?? '').not.toContain(text);
		await c.page.getByRole('button', { name: 'Ga verder met deze code' }).click();
		await expect.poll(() => c.page.getByText('Gelukt: je voortgang staat nu op dit apparaat').filter({ visible: true }).count(), slow).toBe(1);
		expect(await c.page.evaluate((k) => localStorage.getItem(k), storageKey)).toContain(text);

		// D4: a device that already holds answers is warned before they go to the code's learner
		// (a phishing link would hand them over), and "Nee, stop" sends nothing.
		const third = await makeCode(a.page, 'Maak een nieuwe code');
		const d = await learner(browser);
		await reflect(d.page, 'Privé: alleen van mij');
		await d.page.goto(`/verder#code=${third.replace(/-/g, '')}`);
		await ready(d.page);
		await d.page.getByRole('button', { name: 'Ga verder met deze code' }).click();
		// The confirm step is in the page from the start, hidden: count what the learner sees.
		const warning = d.page.getByText(/Let op: op dit apparaat staan al antwoorden/).filter({ visible: true });
		await expect.poll(() => warning.count()).toBe(1);
		expect(await d.page.evaluate(() => document.activeElement?.textContent)).toMatch(/Let op/);
		await expectAccessible(d.page, '/verder waarschuwing');
		await d.page.getByRole('button', { name: 'Nee, stop' }).click();
		expect(await warning.count()).toBe(0);
		expect(await d.page.getByText('Gelukt: je voortgang staat nu op dit apparaat').filter({ visible: true }).count()).toBe(0);
		await d.page.getByRole('button', { name: 'Ga verder met deze code' }).click();
		await d.page.getByRole('button', { name: 'Ja, het is mijn code: ga verder' }).click();
		await expect.poll(() => d.page.getByText('Gelukt: je voortgang staat nu op dit apparaat').filter({ visible: true }).count(), slow).toBe(1);

		// Device C tried an unknown code on purpose, and the browser logs that 404 as an error.
		for (const x of [a, b]) expect((x.page as Page & { errors: string[] }).errors).toEqual([]);
		for (const x of [a, b, c, d]) await x.context.close();
	});

	it('says so when there is no connection, and reflows at 320 px with a code shown', async () => {
		const { context, page } = await learner(browser, { width: 320, height: 640, touch: true });
		await page.goto('/verder');
		await ready(page);
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Maak een code' }).click();
		await expect.poll(() => page.locator('.resume-make__status').textContent(), slow).toMatch(/geen verbinding/);
		await expectAccessible(page, '/verder zonder verbinding');
		await context.setOffline(false);
		await makeCode(page);
		await expectNoHorizontalScroll(page, '/verder met code op 320 px');
		await context.close();
	});

	it('"Wis mijn gegevens" deletes the server copy too, later when offline', async () => {
		const { context, page } = await learner(browser);
		await reflect(page, 'Wordt gewist');
		await expect.poll(() => saveStatus(page), slow).toBe(saved);
		const cookie = await learnerCookie(context);
		expect((await serverCopy(cookie)).status).toBe(200);
		await page.goto('/mijn-antwoorden');
		await ready(page);
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Wis mijn gegevens' }).click();
		await page.getByRole('button', { name: 'Ja, wis alles' }).click();
		const status = page.locator('.clear-data__status');
		await expect.poll(() => status.textContent(), slow).toMatch(/gewist van dit apparaat\. De kopie op de server is nog niet gewist/);
		expect(await page.evaluate((k) => localStorage.getItem(k), storageKey)).toBeNull();
		await expectAccessible(page, 'wissen zonder verbinding');
		expect((await serverCopy(cookie)).status).toBe(200);
		await context.setOffline(false);
		await expect.poll(async () => (await serverCopy(cookie)).status, slow).toBe(404);
		expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('etool:')))).toEqual([]);

		// Online, the message says both copies are gone.
		await reflect(page, 'Nog een keer');
		await expect.poll(() => saveStatus(page), slow).toBe(saved);
		const second = await learnerCookie(context);
		await page.goto('/mijn-antwoorden');
		await ready(page);
		await page.getByRole('button', { name: 'Wis mijn gegevens' }).click();
		await page.getByRole('button', { name: 'Ja, wis alles' }).click();
		await expect.poll(() => status.textContent(), slow).toBe('Je gegevens zijn gewist van dit apparaat en van de server.');
		expect((await serverCopy(second)).status).toBe(404);
		await context.close();
	});
});

describe('without a server or without JavaScript', () => {
	it('a static export keeps quiet in the header and explains /verder', async () => {
		const { context, page } = await learner(browser);
		// What a static host answers for an API it does not have.
		await context.route('**/api/**', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Niet gevonden</h1>' }));
		await page.goto('/verder');
		await ready(page);
		await expect.poll(() => page.getByText(/kan alleen als de e-tool op een server draait/).count(), slow).toBe(1);
		expect(await saveStatus(page)).toBe('');
		expect(await page.locator('footer').innerText()).toContain('Je antwoorden staan op dit apparaat, in deze browser. Alleen als');
		expect(await page.getByRole('button', { name: 'Maak een code' }).count()).toBe(0);
		await expectAccessible(page, '/verder zonder server');
		await reflect(page, 'Alleen hier');
		expect(await page.evaluate((k) => localStorage.getItem(k), queueKey)).toBeNull();
		await context.close();
	});

	it('/verder says it needs JavaScript', async () => {
		const { context, page } = await learner(browser, { javaScript: false });
		await page.goto('/verder');
		expect(await page.locator('h1').textContent()).toBe('Verder op een ander apparaat');
		expect(await page.locator('main').innerText()).toMatch(/werkt met JavaScript/);
		await context.close();
	});
});

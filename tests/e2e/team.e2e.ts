// Team sessions in the browser (issue 11): one facilitator (start page, panel, projector board) and
// six participants, each a browser context of its own, against the built server.js on SQLite and,
// with TEST_DATABASE_URL, on PostgreSQL. What the team sees, live; sharing and withdrawing a
// reflection; hostile texts; axe in every state; the board by keyboard; leaving; ending (zero rows).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoredExercise } from '$lib/exercises/schemas';
import { TEAM_LIMITS, reflectionProblem } from '$lib/team/contract';
import { startServer, type RunningServer } from '../server/server-process';
import { sessionRows } from '../server/team-client';
import { course, expectAccessible, expectNoHorizontalScroll, launch, ready } from './browser';
import { allExercises, answerWith, button, exerciseOn, expectVerdict, rightAnswer, urlOf, wrongAnswer } from './exercises';
import { HOSTILE_TEXTS } from './team-hostile';

const exercises = allExercises(course());
const find = (id: string) => exercises.find((x) => x.exercise.id === id)!;
/** The board's items are the course's exercises in order (team/board-items.ts). */
const itemIndex = (id: string) => exercises.findIndex((x) => x.exercise.id === id);
const scored = find('voordelen-digigebruik');
/** Answered by one participant before joining: it is sent once, on joining. */
const answeredBefore = find('aantal-laaggeletterd');
const reflection = exercises.find((x) => x.exercise.type === 'reflection')!;
const lastReflection = exercises.findLast((x) => x.exercise.type === 'reflection')!;
const shots = '/tmp/team-shots';
const slow = { timeout: 10_000, interval: 100 };

const databases = [{ name: 'SQLite', env: {} as Record<string, string> }, ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', env: { DATABASE_URL: process.env.TEST_DATABASE_URL } }] : [])];

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	mkdirSync(shots, { recursive: true });
});
afterAll(() => browser?.close());

async function device(base: string, options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; forcedColors?: 'active' | 'none' } = {}) {
	const context = await browser.newContext({
		baseURL: base,
		locale: 'nl-NL',
		viewport: { width: options.width ?? 360, height: options.height ?? 740 },
		colorScheme: options.colorScheme ?? 'light',
		forcedColors: options.forcedColors ?? 'none'
	});
	// A trap for anything a hostile text would run, on every page of the context.
	await context.addInitScript(() => {
		Object.defineProperty(window, '__pwned', { set: () => document.documentElement.setAttribute('data-pwned', ''), get: () => undefined });
	});
	const page = await context.newPage();
	const dialogs: string[] = [];
	page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return { context, page, dialogs, errors };
}

const nothingRan = async (page: Page, dialogs: string[], what: string) => {
	expect(await page.locator('html[data-pwned]').count(), `a script ran on ${what}`).toBe(0);
	expect(dialogs, `a dialog opened on ${what}`).toEqual([]);
};

describe.each(databases)('a team session on $name', ({ env }) => {
	let server: RunningServer;
	/** The same server started again on the same port and data (the reconnect test). */
	let restarted: ChildProcess | undefined;
	let base: string;
	let title: string;
	let code: string;
	let panelLink: string;
	let boardLink: string;
	let facilitator: Awaited<ReturnType<typeof device>>;
	let projector: Awaited<ReturnType<typeof device>>;
	let panel: Page;
	const participants: Awaited<ReturnType<typeof device>>[] = [];
	const board = () => projector.page;
	const $b = (name: string) => board().locator(`[data-board-${name}]`);

	beforeAll(async () => {
		server = await startServer({ ORIGIN: 'self', ...env });
		base = server.baseUrl;
		title = `Teamoverleg ${Math.random().toString(36).slice(2, 8)}`;
	}, 60_000);
	afterAll(async () => {
		for (const d of [facilitator, projector, ...participants]) await d?.context.close();
		if (restarted && restarted.exitCode === null) {
			const exited = new Promise((resolve) => restarted!.once('exit', resolve));
			restarted.kill('SIGTERM');
			await exited;
		}
		await server?.stop();
	});

	/** Go to the board item of an exercise with the arrow keys. */
	async function boardTo(id: string) {
		const target = itemIndex(id);
		for (let i = 0; i < 20; i++) {
			const now = Number(((await $b('position').textContent()) ?? '').split(' ')[0]) - 1;
			if (now === target) break;
			await board().keyboard.press(now < target ? 'ArrowRight' : 'ArrowLeft');
		}
		await expect.poll(() => $b('item-title').textContent()).toBe(find(id).exercise.title);
	}
	async function reveal() {
		if ((await $b('show').getAttribute('aria-expanded')) !== 'true') await $b('show').click();
		await expect.poll(() => $b('show').getAttribute('aria-expanded')).toBe('true');
	}

	it('a facilitator starts a session: the link once, with its warning, the code big, its link and QR code', async () => {
		facilitator = await device(base, { width: 1280, height: 800 });
		const { page } = facilitator;
		await page.goto('/team');
		await ready(page);
		await expectAccessible(page, 'Teamsessie');
		await page.getByRole('button', { name: 'Teamsessie starten' }).click();
		// An empty title gets a Dutch message, and nothing is created.
		await expect.poll(() => page.locator('[data-start-status]').textContent()).toBe('Vul eerst iets in.');
		await page.getByLabel('Naam van de sessie').fill(title);
		await page.getByRole('button', { name: 'Teamsessie starten' }).click();
		await expect.poll(() => page.locator('[data-start-done]').textContent(), slow).toBe(`De teamsessie ‘${title}’ is klaar.`);
		expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-start-done'))).toBe(true);
		code = ((await page.locator('[data-start-code]').textContent()) ?? '').trim();
		expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
		panelLink = await page.locator('[data-start-key]').inputValue();
		expect(panelLink).toMatch(/\/team\/beheer#sleutel=[A-Za-z0-9_-]{22,}$/);
		boardLink = (await page.locator('[data-start-board]').getAttribute('href'))!;
		expect(boardLink).toMatch(/\/team\/bord#sleutel=/);
		await expect.poll(() => page.getByText('Bewaar deze link goed: je ziet hem maar één keer.').isVisible()).toBe(true);
		await expect.poll(() => page.getByRole('img', { name: 'QR-code met de link om mee te doen' }).isVisible()).toBe(true);
		expect(await page.locator('[data-start-url] a').textContent()).toBe(`${base}/team/doe-mee#code=${code.replace('-', '')}`);
		await expectAccessible(page, 'Teamsessie gestart');
		await expectNoHorizontalScroll(page, 'Teamsessie gestart');

		// The panel (the facilitator's laptop) and the board (the projector) by the key in the link,
		// which leaves the address bar at once.
		panel = await facilitator.context.newPage();
		await panel.goto(panelLink);
		await expect.poll(() => panel.locator('[data-panel-main]').isVisible(), slow).toBe(true);
		expect(panel.url()).not.toContain('sleutel');
		expect(await panel.locator('[data-panel-code]').textContent()).toBe(code);
		projector = await device(base, { width: 1920, height: 1080 });
		await board().goto(boardLink);
		await expect.poll(() => $b('main').isVisible(), slow).toBe(true);
		expect(board().url()).not.toContain('sleutel');
		await expect.poll(() => $b('live').textContent(), slow).toBe('Live');
		expect(await $b('title').textContent()).toBe(title);
		expect(await $b('code').textContent()).toBe(code);
		// The room scans the join QR code from the projector; the panel has it too.
		await expect.poll(() => board().getByRole('img', { name: 'QR-code met de link om mee te doen' }).isVisible(), slow).toBe(true);
		await expect.poll(() => panel.getByRole('img', { name: 'QR-code met de link om mee te doen' }).isVisible(), slow).toBe(true);
		await expectAccessible(board(), 'het bord, leeg');
	});

	it('six participants join with the code (typed, or from the QR link); each sees the marker; the board counts them', async () => {
		for (let i = 0; i < 6; i++) {
			const d = await device(base, { width: i === 0 ? 360 : 400 });
			participants.push(d);
			const { page } = d;
			if (i === 0) {
				await page.goto('/team/doe-mee');
				await ready(page);
				await expectAccessible(page, 'Meedoen');
				// A wrong code is said in Dutch, and the field keeps focus.
				await page.getByLabel('Code', { exact: true }).fill('ab');
				await page.getByRole('button', { name: 'Doe mee' }).click();
				await expect.poll(() => page.locator('[data-join-status]').textContent()).toMatch(/^Deze code is niet compleet/);
				await page.getByLabel('Code', { exact: true }).fill(code.toLowerCase().replace('-', ' '));
			} else {
				if (i === 4) {
					const e = answeredBefore.exercise as ScoredExercise;
					await page.goto(urlOf(answeredBefore.section));
					await ready(page);
					const box = await exerciseOn(page, e);
					await answerWith(box, e, rightAnswer(e), 'click');
					await button(box, 'Controleer').click();
					await expectVerdict(box, 'Goed');
				}
				await page.goto(`/team/doe-mee#code=${code}`);
				await ready(page);
				expect(page.url()).not.toContain('code=');
				expect(await page.getByLabel('Code', { exact: true }).inputValue()).toBe(code);
			}
			await page.getByRole('button', { name: 'Doe mee' }).click();
			await expect.poll(() => page.locator('[data-join-done-text]').textContent(), slow).toBe(`Je doet mee aan teamsessie ‘${title}’.`);
			await expect.poll(() => page.locator('.team-marker').isVisible(), slow).toBe(true);
		}
		const { page } = participants[0]!;
		await expectAccessible(page, 'Meedoen, gelukt');
		await page.goto(urlOf(scored.section));
		await ready(page);
		const marker = page.getByRole('region', { name: 'Teamsessie' });
		await expect.poll(() => marker.textContent(), slow).toContain(`Je doet mee aan teamsessie ‘${title}’`);
		await expectAccessible(page, 'een oefenpagina met de marker');
		await expectNoHorizontalScroll(page, 'de marker op 360 px');
		await page.screenshot({ path: `${shots}/marker-360.png` });
		await expect.poll(() => $b('participants').textContent(), slow).toBe('6 deelnemers');
	});

	it('the board shows how many answered, and the choices only from the third answer on', async () => {
		const e = scored.exercise as ScoredExercise;
		await boardTo(e.id);
		await reveal();
		for (let i = 0; i < 3; i++) {
			const { page } = participants[i]!;
			if (new URL(page.url()).pathname !== urlOf(scored.section)) await page.goto(urlOf(scored.section));
			await ready(page);
			const box = await exerciseOn(page, e);
			await answerWith(box, e, i === 1 ? wrongAnswer(e) : rightAnswer(e), 'click');
			await button(box, 'Controleer').click();
			await expectVerdict(box, i === 1 ? /^(Niet goed|Deels goed)$/ : 'Goed');
			await expect.poll(() => $b('answered').textContent(), slow).toBe(i === 0 ? '1 antwoord' : `${i + 1} antwoorden`);
			if (i < 2) {
				await expect.poll(() => $b('results').textContent()).toContain('Nog te weinig antwoorden');
				expect(await $b('results').locator('.team-chart__rows').count()).toBe(0);
				if (i === 1) await expectAccessible(board(), 'het bord, nog te weinig antwoorden');
			}
		}
		await expect.poll(() => $b('results').locator('.team-chart__rows').count(), slow).toBeGreaterThan(1);
		const verdicts = await $b('results').locator('.team-chart__rows').first().locator('li').allTextContents();
		expect(verdicts[0]).toBe('Goed2 (67 %)');
		expect(await $b('results').textContent()).not.toContain('Nog te weinig');
		// A second check by the same participant does not count again (first attempt only).
		await expect.poll(() => $b('answered').textContent()).toBe('3 antwoorden');
		await expectAccessible(board(), 'het bord met resultaten');
		// Per section, how many reached it.
		const row = $b('sections').locator('li', { hasText: scored.section.title });
		await expect.poll(() => row.locator('.team-board__reached').textContent(), slow).toBe('3 van 6');
		await board().screenshot({ path: `${shots}/board-1920-results.png` });
		// The answer one participant gave before joining went too, once.
		await boardTo(answeredBefore.exercise.id);
		await expect.poll(() => $b('answered').textContent(), slow).toBe('1 antwoord');
	});

	it('a shared reflection is on the board within 2 s of approval, and gone within 2 s of withdrawal', async () => {
		const { page } = participants[0]!;
		const text = 'In ons team zien we dat mensen vastlopen op DigiD. We verwijzen vaker naar de bibliotheek.';
		await page.goto(urlOf(reflection.section));
		await ready(page);
		const box = await exerciseOn(page, reflection.exercise);
		const share = box.getByRole('region', { name: 'Delen met het team' });
		// Off by default: before saving there is nothing to share.
		await expect.poll(() => share.textContent(), slow).toContain('Sla eerst je antwoord op.');
		expect(await share.getByRole('button', { name: 'Delen met het team' }).isVisible()).toBe(false);
		await box.getByRole('textbox').fill(text);
		await button(box, 'Opslaan').click();
		await expect.poll(() => share.locator('blockquote').textContent()).toBe(text);
		await expectAccessible(page, 'delen, met voorbeeld');
		await share.getByRole('button', { name: 'Delen met het team' }).click();
		await expect.poll(() => share.getByRole('status').textContent(), slow).toBe('Gedeeld. Je tekst wacht op de begeleider.');
		await expectAccessible(page, 'delen, wacht op de begeleider');
		await share.screenshot({ path: `${shots}/share-360.png` });

		await boardTo(reflection.exercise.id);
		await reveal();
		// Pending is not on the board.
		expect(await $b('results').textContent()).not.toContain(text);
		const pending = panel.locator('.team-shared__item', { hasText: text });
		await expect.poll(() => pending.count(), slow).toBe(1);
		await expectAccessible(panel, 'het beheer met een gedeelde tekst');
		await panel.screenshot({ path: `${shots}/panel-1280.png`, fullPage: true });
		await pending.getByRole('button', { name: 'Op het bord' }).click();
		const approvedAt = Date.now();
		await expect.poll(() => $b('results').textContent(), { timeout: 2000, interval: 50 }).toContain(text);
		expect(Date.now() - approvedAt).toBeLessThan(2000);
		await expectAccessible(board(), 'het bord met een gedeelde tekst');
		await page.reload();
		await ready(page);
		await expect.poll(() => share.getByRole('status').textContent(), slow).toBe('Gedeeld. Je tekst staat op het bord.');

		await share.getByRole('button', { name: 'Intrekken' }).click();
		const withdrawnAt = Date.now();
		await expect.poll(() => $b('results').textContent(), { timeout: 2000, interval: 50 }).not.toContain(text);
		expect(Date.now() - withdrawnAt).toBeLessThan(2000);
		await expect.poll(() => share.getByRole('status').textContent()).toBe('Ingetrokken. Het team ziet je tekst niet meer.');
		await expect.poll(() => panel.locator('.team-shared__item', { hasText: text }).count(), slow).toBe(0);
	});

	it('30 hostile texts: nothing runs on the board or the summary, and the layout holds at 1920 and 320 px', async () => {
		const id = lastReflection.exercise.id;
		const shareable = HOSTILE_TEXTS.filter((t) => reflectionProblem(t) === null);
		const refused = HOSTILE_TEXTS.filter((t) => reflectionProblem(t) !== null);
		expect(HOSTILE_TEXTS).toHaveLength(30);
		// Each text from a participant of its own, as a room would send them (the API the share control uses).
		for (const text of HOSTILE_TEXTS) {
			const joined = await fetch(`${base}/api/team/join`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ code }) });
			expect(joined.status).toBe(200);
			const { participantKey } = (await joined.json()) as { participantKey: string };
			const shared = await fetch(`${base}/api/team/me/reflections`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json', origin: base, authorization: `Bearer ${participantKey}` },
				body: JSON.stringify({ exerciseId: id, text })
			});
			expect(shared.status, text.slice(0, 40)).toBe(reflectionProblem(text) === null ? 200 : 400);
		}
		// The facilitator puts every one on the board, from the panel.
		const pending = () => panel.locator('.team-shared__item--pending').count();
		await expect.poll(pending, slow).toBe(shareable.length);
		for (let left = shareable.length; left > 0; left = await pending()) {
			await panel.locator('.team-shared__item--pending').first().getByRole('button', { name: 'Op het bord' }).click();
			await expect.poll(pending, slow).toBeLessThan(left);
		}
		await expect.poll(() => panel.locator('.team-shared__item--approved').count(), slow).toBe(shareable.length);
		await nothingRan(panel, facilitator.dialogs, 'het beheer');
		await expectNoHorizontalScroll(panel, 'het beheer met vijandige teksten');

		await boardTo(id);
		await reveal();
		await expect.poll(() => $b('results').locator('li').count(), slow).toBe(shareable.length);
		expect(await $b('results').locator('li').allTextContents()).toEqual(shareable.map((t) => t.replace(/\r\n?/g, '\n').trim()));
		await nothingRan(board(), projector.dialogs, 'het bord');
		await expectNoHorizontalScroll(board(), 'het bord op 1920 px');
		await board().screenshot({ path: `${shots}/board-1920-hostile.png` });
		await board().setViewportSize({ width: 320, height: 640 });
		await expectNoHorizontalScroll(board(), 'het bord op 320 px');
		await board().setViewportSize({ width: 1920, height: 1080 });

		const summary = await facilitator.context.newPage();
		summary.on('dialog', (d) => (facilitator.dialogs.push(d.message()), void d.dismiss()));
		await summary.goto(panelLink.replace('/team/beheer', '/team/samenvatting'));
		await expect.poll(() => summary.locator('[data-summary-main]').isVisible(), slow).toBe(true);
		await expect.poll(() => summary.locator('.team-reflections li').count(), slow).toBe(shareable.length);
		await nothingRan(summary, facilitator.dialogs, 'de samenvatting');
		await expectAccessible(summary, 'de samenvatting');
		for (const media of ['screen', 'print'] as const) {
			await summary.emulateMedia({ media });
			for (const width of [1920, 320]) {
				await summary.setViewportSize({ width, height: 900 });
				await expectNoHorizontalScroll(summary, `de samenvatting (${media}, ${width} px)`);
			}
		}
		await summary.close();
		// What the contract refuses never reaches a board; the share control says why before sending.
		expect(refused.length).toBeGreaterThan(0);
		const { page } = participants[1]!;
		await page.goto(urlOf(lastReflection.section));
		await ready(page);
		const box = await exerciseOn(page, lastReflection.exercise);
		await box.getByRole('textbox').fill('x'.repeat(TEAM_LIMITS.word + 1));
		await button(box, 'Opslaan').click();
		const share = box.getByRole('region', { name: 'Delen met het team' });
		await expect.poll(() => share.textContent(), slow).toContain('Er staat een woord in dat te lang is voor het bord.');
		expect(await share.getByRole('button', { name: 'Delen met het team' }).isVisible()).toBe(false);
		await expectNoHorizontalScroll(page, 'delen met een te lang woord op 400 px');
	});

	it('every board action works by keyboard, in light, dark and forced colours (axe clean)', async () => {
		const page = board();
		await boardTo(exercises[1]!.exercise.id);
		// Tab to "Volgende" and press Enter; to "Toon resultaten" and press Space; the arrow keys.
		const focusOn = async (name: RegExp) => {
			for (let i = 0; i < 15; i++) {
				await page.keyboard.press('Tab');
				if (name.test((await page.evaluate(() => document.activeElement?.textContent ?? '')).trim())) return;
			}
			throw new Error(`geen focus op ${name}`);
		};
		await focusOn(/^Volgende/);
		await page.keyboard.press('Enter');
		await expect.poll(() => $b('position').textContent()).toBe(`3 van ${exercises.length}`);
		await page.keyboard.press('Shift+Tab');
		const show = await page.evaluate(() => document.activeElement?.textContent?.trim());
		expect(show).toMatch(/resultaten$/);
		const open = await $b('show').getAttribute('aria-expanded');
		await page.keyboard.press('Space');
		await expect.poll(() => $b('show').getAttribute('aria-expanded')).toBe(open === 'true' ? 'false' : 'true');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Enter');
		await expect.poll(() => $b('position').textContent()).toBe(`2 van ${exercises.length}`);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => $b('position').textContent()).toBe(`4 van ${exercises.length}`);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => $b('position').textContent()).toBe(`3 van ${exercises.length}`);
		// The focus ring is visible on the board's buttons.
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle + getComputedStyle(document.activeElement!).boxShadow);
		expect(outline).not.toBe('nonenone');
		// Text at least 28 px on a 1920×1080 projector.
		const small = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('.team-board *')]
				.filter((el) => el.offsetParent && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
				.map((el) => ({ what: `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent!.trim().slice(0, 30)}`, size: parseFloat(getComputedStyle(el).fontSize) }))
				.filter((x) => x.size < 28)
		);
		expect(small, 'tekst kleiner dan 28 px op het bord').toEqual([]);

		for (const look of [{ colorScheme: 'dark' as const }, { forcedColors: 'active' as const }]) {
			const other = await device(base, { width: 1920, height: 1080, ...look });
			const $o = (name: string) => other.page.locator(`[data-board-${name}]`);
			await other.page.goto(boardLink);
			await expect.poll(() => $o('main').isVisible(), slow).toBe(true);
			await expectAccessible(other.page, `het bord (${JSON.stringify(look)})`);
			for (let i = 0; i < itemIndex(scored.exercise.id); i++) await other.page.keyboard.press('ArrowRight');
			await $o('show').click();
			await expect.poll(() => $o('results').locator('.team-chart__rows').count(), slow).toBeGreaterThan(1);
			await expectAccessible(other.page, `het bord met resultaten (${JSON.stringify(look)})`);
			// A participant in this look: joining, the marker, the share control.
			const p = await other.context.newPage();
			await p.setViewportSize({ width: 360, height: 740 });
			await p.goto(`/team/doe-mee#code=${code}`);
			await ready(p);
			await expectAccessible(p, `meedoen (${JSON.stringify(look)})`);
			await p.getByRole('button', { name: 'Doe mee' }).click();
			await expect.poll(() => p.locator('[data-join-done-text]').textContent(), slow).toBe(`Je doet mee aan teamsessie ‘${title}’.`);
			await p.goto(urlOf(reflection.section));
			await ready(p);
			const box = await exerciseOn(p, reflection.exercise);
			await expect.poll(() => box.getByRole('region', { name: 'Delen met het team' }).count(), slow).toBe(1);
			await expect.poll(() => p.getByRole('region', { name: 'Teamsessie' }).isVisible()).toBe(true);
			await expectAccessible(p, `de marker en delen (${JSON.stringify(look)})`);
			await other.context.close();
		}
	});

	it('when the server restarts, the board says the line is gone, reconnects by itself and is live again', async () => {
		// A graceful stop ends the streams; the same port and data come back, as after a deploy.
		await server.stop(true);
		await expect.poll(() => $b('live').textContent(), slow).toBe('Verbinding weg, opnieuw verbinden…');
		await expectAccessible(board(), 'het bord zonder verbinding');
		restarted = spawn(process.execPath, ['server.js'], {
			env: { ...process.env, DATABASE_URL: '', TRUST_PROXY: '', PORT: new URL(base).port, HOST: '127.0.0.1', DATA_DIR: server.dataDir, ORIGIN: base, ...env },
			stdio: ['ignore', openSync(server.logFile, 'a'), 'inherit']
		});
		await expect.poll(() => $b('live').textContent(), { timeout: 30_000, interval: 200 }).toBe('Live');
		// Six, thirty with a hostile text, two in dark and forced colours.
		expect(await $b('participants').textContent()).toBe(`${6 + 30 + 2} deelnemers`);
	});

	it('leaving asks first; then the participant is gone from the count', async () => {
		const { page } = participants[5]!;
		await page.goto(urlOf(scored.section));
		await ready(page);
		const marker = page.getByRole('region', { name: 'Teamsessie' });
		await marker.getByRole('button', { name: 'Verlaten' }).click();
		await expect.poll(() => marker.textContent()).toContain('Wil je de teamsessie verlaten?');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, verlaten');
		await expectAccessible(page, 'verlaten, bevestigen');
		await marker.getByRole('button', { name: 'Ja, verlaten' }).click();
		await expect.poll(() => marker.textContent(), slow).toContain('Je doet niet meer mee aan de teamsessie.');
		expect(await page.evaluate(() => localStorage.getItem('etool.team'))).toBeNull();
		await expect.poll(() => $b('participants').textContent(), slow).toBe(`${5 + 30 + 2} deelnemers`);
		await page.reload();
		await ready(page);
		expect(await page.locator('.team-marker').count()).toBe(0);
	});

	it('ending the session deletes every row of it at once; the board and the participants are told', async () => {
		const before = await sessionRows({ logFile: server.logFile, databaseUrl: env.DATABASE_URL }, title);
		expect(before.id).toBeTruthy();
		expect(before.rows.team_answers).toBe(4);
		expect(before.rows.team_participants).toBeGreaterThan(30);
		await panel.getByRole('button', { name: 'Sessie beëindigen' }).click();
		await expect.poll(() => panel.locator('#team-end-warning').textContent()).toContain('Alles van deze sessie wordt gewist');
		await expectAccessible(panel, 'beëindigen, bevestigen');
		await panel.getByRole('button', { name: 'Ja, beëindig de sessie en wis alles' }).click();
		await expect.poll(() => panel.locator('[data-panel-problem]').textContent(), slow).toBe('De sessie is beëindigd. Alles van deze sessie is gewist.');
		const after = await sessionRows({ logFile: server.logFile, databaseUrl: env.DATABASE_URL }, title, before.id);
		expect(after.rows).toEqual({ team_sessions: 0, team_participants: 0, team_answers: 0, team_sections: 0, team_reflections: 0 });
		await expect.poll(() => $b('problem').textContent(), slow).toBe('Deze sessie is beëindigd.');
		await expectAccessible(board(), 'het bord, sessie beëindigd');

		const { page } = participants[2]!;
		await page.goto(urlOf(scored.section));
		await ready(page);
		const marker: Locator = page.getByRole('region', { name: 'Teamsessie' });
		await expect.poll(() => marker.textContent(), slow).toContain(`De teamsessie ‘${title}’ is afgelopen.`);
		expect(await page.evaluate(() => localStorage.getItem('etool.team'))).toBeNull();
		await expectAccessible(page, 'de melding: sessie afgelopen');
		await marker.getByRole('button', { name: 'Sluiten' }).click();
		expect(await page.locator('.team-marker').count()).toBe(0);
		// Once: the next page says nothing.
		await page.reload();
		await ready(page);
		expect(await page.locator('.team-marker').count()).toBe(0);
		for (const d of participants) expect(d.errors).toEqual([]);
	});
});

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReflectionExercise } from '$lib/exercises/reflection/schema';
import type { ScoredExercise } from '$lib/exercises/schemas';
import { course, expectAccessible, launch, learner, ready } from './browser';
import {
	allExercises, answerTexts, answerWith, button, exerciseOn, exercisesIn, expectVerdict, feedbackOf, isScored,
	markedAfterCheck, markTexts, rightAnswer, sectionsOf, storageKey, urlOf, verdictOf, wrongAnswer
} from './exercises';

const content = course();
const sections = sectionsOf(content);
// Progress counts the learning sections; appendix chapters (Bronnen) are for reference only.
const counted = content.chapters.filter((c) => !c.appendix).flatMap((c) => c.sections);
const exercises = allExercises(content);
const scored = exercises.map((x) => x.exercise).filter(isScored);
// "Toon het juiste antwoord" once, on an exercise where every item gets a mark (not single choice).
const revealId = (scored.find((e) => e.type !== 'single-choice') ?? scored[0])?.id;
const titleOf = (path: string) => {
	const s = sections.find((x) => x.path === path);
	return s ? `${s.number} ${s.title}` : path;
};
const stored = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}'), storageKey);

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Reflection id → the text saved last. */
const reflections = new Map<string, string>();

beforeAll(async () => {
	browser = await launch();
	({ context, page } = await learner(browser));
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
});

async function wrongThenRight(box: Locator, e: ScoredExercise) {
	const wrong = wrongAnswer(e);
	await answerWith(box, e, wrong, 'click');
	await button(box, 'Controleer').click();
	await expectVerdict(box, /^(Niet goed|Deels goed)$/);
	const feedback = feedbackOf(box);
	// One place for feedback: the verdict box holds no per-item lines; each item has one mark.
	expect(await feedback.locator('li, .mark').count(), `${e.id}: no item lines in the verdict box`).toBe(0);
	const marked = markedAfterCheck(e, wrong);
	const marks = await markTexts(box);
	expect(marks.length, `${e.id}: a mark per marked item`).toBe(marked.length);
	const all = (await box.textContent()) ?? '';
	// A first wrong single choice keeps the reasons back: they could give the answer away.
	const firstWrongChoice = e.type === 'single-choice';
	for (const item of marked) {
		if (!item.feedback) continue;
		if (firstWrongChoice) expect(all, `${e.id}: no reason on the first try for ${item.text}`).not.toContain(item.feedback);
		else expect(all, `${e.id}: reason for ${item.text} behind "Waarom?"`).toContain(item.feedback);
	}
	const reread = feedback.getByRole('link', { name: /^Lees nog eens/ });
	if (e.reread) {
		// Relative links (any folder): where it leads is what counts.
		expect(await reread.evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(`/${e.reread}`);
		expect((await reread.textContent())?.trim()).toBe(`Lees nog eens: ${titleOf(e.reread)}`);
	} else expect(await reread.count()).toBe(0);
	await expectAccessible(page, `${e.id} fout beantwoord`);

	if (e.id === revealId) {
		await button(box, 'Toon het juiste antwoord').click();
		await expectVerdict(box, 'Het juiste antwoord');
		const shown = await markTexts(box);
		expect(shown.length, `${e.id}: the right answer marked`).toBeGreaterThan(0);
		for (const mark of shown) expect(mark, `${e.id}: marks after the answer is shown`).toBe('Juiste antwoord');
		expect(await feedback.evaluate((el) => el.contains(document.activeElement))).toBe(true);
	}

	await button(box, 'Probeer opnieuw').click();
	expect(await verdictOf(box)).toBe('');
	await answerWith(box, e, rightAnswer(e), 'click');
	await button(box, 'Controleer').click();
	await expectVerdict(box, 'Goed');
	expect(await feedback.getByRole('link', { name: /^Lees nog eens/ }).count()).toBe(0);
	await expectAccessible(page, `${e.id} goed beantwoord`);
}

async function reflect(box: Locator, e: ReflectionExercise) {
	const field = box.getByRole('textbox');
	const status = box.getByRole('status');
	const first = `Eerste gedachte bij ${e.id} (${Date.now()})`;
	await field.fill(first);
	await button(box, 'Opslaan').click();
	await expect.poll(() => status.textContent()).toMatch(/^Opgeslagen op dit apparaat om \d{2}:\d{2}$/);
	expect(await box.getByRole('heading', { name: 'Vergelijk je antwoord' }).isVisible()).toBe(true);
	for (const point of e.points) expect(await box.getByText(point, { exact: true }).isVisible()).toBe(true);

	const second = `Aangepaste gedachte bij ${e.id} (${Date.now()})`;
	await field.fill(second);
	await button(box, 'Wijziging opslaan').click();
	await expect.poll(async () => (await stored(page)).answers?.[e.id]).toMatchObject({ value: { text: second }, attempts: 2 });
	expect(await status.textContent()).toMatch(/^Opgeslagen op dit apparaat om/);
	reflections.set(e.id, second);
	await expectAccessible(page, `${e.id} opgeslagen`);
}

describe('the whole learner journey in one browser', () => {
	it('has content to walk through', () => {
		expect(sections.length).toBeGreaterThan(1);
		expect(scored.length).toBeGreaterThan(0);
	});

	it('starts, answers every exercise wrong then right, and follows "Verder naar" to the end', async () => {
		await page.goto('/');
		await ready(page);
		await page.getByRole('link', { name: 'Start de e-tool' }).click();
		for (const [i, section] of sections.entries()) {
			await page.waitForURL((url) => url.pathname === urlOf(section));
			await ready(page);
			expect(await page.locator('h1').textContent()).toContain(section.title);
			for (const e of exercisesIn(section.blocks)) {
				const box = await exerciseOn(page, e);
				if (isScored(e)) await wrongThenRight(box, e);
				else await reflect(box, e);
			}
			// A page with a quiz score counts its own exercises, all wrong at the first try.
			if (section.blocks.some((b) => b.type === 'quiz-score')) {
				const own = exercisesIn(section.blocks).filter(isScored);
				const score = page.locator('[data-quiz-score]');
				await expect.poll(() => score.innerText()).toContain(`Je had 0 van de ${own.length} opdrachten in één keer goed.`);
				await expectAccessible(page, `${section.path} score`);
			}
			const following = sections[i + 1];
			const next = page.locator('.section-end__next');
			expect((await next.textContent())?.trim()).toBe(
				following ? `Verder naar: ${following.number} ${following.title}` : 'Klaar! Bekijk mijn antwoorden'
			);
			await next.click();
		}
		await page.waitForURL((url) => url.pathname === '/mijn-antwoorden');
		expect((page as Page & { errors: string[] }).errors).toEqual([]);
	}, 300_000);

	it('"Mijn antwoorden" shows every reflection and every result in words', async () => {
		await page.goto('/mijn-antwoorden');
		await ready(page);
		for (const { exercise: e } of exercises) {
			const article = page.locator(`article[data-exercise="${e.id}"]`);
			const text = await article.innerText();
			expect(text, e.id).toContain(e.title);
			if (!isScored(e)) {
				expect(text, e.id).toContain(reflections.get(e.id)!);
				for (const point of e.points) expect(text, `${e.id} point`).toContain(point);
			} else {
				expect((await article.locator('.answer__result').textContent())?.trim(), e.id).toBe('Goed · 2 keer gecontroleerd');
				// Every exercise was answered wrong first: that is what the first try says.
				expect((await article.locator('.answer__first').textContent())?.trim(), e.id).toMatch(/^Eerste keer: (Niet goed|Deels goed)$/);
				for (const line of answerTexts(e, rightAnswer(e))) expect(text, e.id).toContain(line);
			}
			expect(text, e.id).not.toContain('Nog niet gemaakt');
		}
	});

	it('"Mijn antwoorden" scores the first tries: none right, every section to reread listed once', async () => {
		const score = page.locator('[data-quiz-score]');
		await score.waitFor();
		expect(await score.getByRole('heading').textContent()).toBe('Oefeningen in één keer goed');
		const text = await score.innerText();
		expect(text).toContain(`Je had 0 van de ${scored.length} opdrachten in één keer goed.`);
		const rereads = [...new Set(scored.flatMap((e) => (e.reread ? [e.reread] : [])))];
		const links = score.getByRole('link');
		expect(await links.allTextContents()).toEqual(rereads.map(titleOf));
		expect(await links.evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).pathname))).toEqual(rereads.map((p) => `/${p}`));
	});

	it('after a reload every section shows the saved answers again', async () => {
		await page.reload();
		await ready(page);
		for (const section of sections) {
			const list = exercisesIn(section.blocks);
			if (!list.length) continue;
			await page.goto(urlOf(section));
			await ready(page);
			for (const e of list) {
				const box = await exerciseOn(page, e);
				if (isScored(e)) {
					await expectVerdict(box, 'Goed');
					expect(await button(box, 'Probeer opnieuw').isVisible(), e.id).toBe(true);
				} else {
					await expect.poll(() => box.getByRole('textbox').inputValue(), { message: e.id }).toBe(reflections.get(e.id));
					expect(await button(box, 'Wijziging opslaan').isVisible(), e.id).toBe(true);
					expect(await box.getByRole('heading', { name: 'Vergelijk je antwoord' }).isVisible(), e.id).toBe(true);
				}
			}
		}
	});

	it('the table of contents says "Klaar" for every section and the header agrees', async () => {
		await page.goto('/inhoud');
		await ready(page);
		const states = await page.locator('.toc__section .badge').allTextContents();
		expect(states.map((s) => s.replace(/^\W+/, '').trim())).toEqual(sections.map(() => 'Klaar'));
		const summary = await page.locator('label[for="voortgang"]').textContent();
		expect(counted.length).toBeLessThan(sections.length);
		expect(summary?.trim()).toBe(`Je voortgang: ${counted.length} van ${counted.length} onderdelen klaar`);
		const bar = page.locator('#voortgang');
		expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual([`${counted.length}`, `${counted.length}`]);
	});

	it('prints "Mijn antwoorden" without navigation and without the clear-data section', async () => {
		await page.goto('/mijn-antwoorden');
		await ready(page);
		const visible = (l: Locator) => l.evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0).length);
		expect(await visible(page.locator('nav'))).toBeGreaterThan(0);
		expect(await page.locator('.clear-data').isVisible()).toBe(true);
		await page.emulateMedia({ media: 'print' });
		expect(await visible(page.locator('nav')), 'navigation in print').toBe(0);
		expect(await page.locator('.clear-data').isVisible(), 'clear-data in print').toBe(false);
		expect(await page.getByRole('button', { name: 'Afdrukken of bewaren als pdf' }).isVisible()).toBe(false);
		expect(await page.locator('h1').isVisible()).toBe(true);
		for (const { exercise: e } of exercises) expect(await page.locator(`article[data-exercise="${e.id}"]`).isVisible(), e.id).toBe(true);
		for (const text of reflections.values()) expect(await page.getByText(text).isVisible()).toBe(true);
		await page.emulateMedia({ media: 'screen' });
	});
});

// Every exercise on every page on a phone (360×740, touch), driven from the content: sorting by
// taps with the piles on screen, the verdict in view with focus after "Controleer", feedback that
// fits 1.5 screens, readable checked choices, honest marks, and axe in every state in light, dark
// and forced colours; and no sideways scrolling at 400% zoom. With EXERCISE_SHOTS=<folder> it also
// saves a screenshot of each state, to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exercise } from '$lib/exercises/schemas';
import type { SortingExercise } from '$lib/exercises/sorting/schema';
import { baseUrl, course, expectAccessible, expectNoHorizontalScroll, launch, ready } from './browser';
import {
	allExercises, answerWith, button, exerciseOn, exercisesIn, expectVerdict, feedbackOf, isScored, markTexts, sectionsOf,
	urlOf, wrongAnswer
} from './exercises';

const content = course();
const withExercises = sectionsOf(content).filter((s) => exercisesIn(s.blocks).length);
const sortings = allExercises(content).filter((x): x is { section: typeof x.section; exercise: SortingExercise } => x.exercise.type === 'sorting');
const phone = { width: 360, height: 740 };
/** The most feedback may take by default: one and a half phone screens. */
const maxFeedback = 1.5 * phone.height;
const shots = process.env.EXERCISE_SHOTS;
/** A walk through every state of every exercise runs axe some fifty times: minutes on a busy machine. */
const walkTime = 480_000;

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(() => browser?.close());

type Scheme = 'light' | 'dark' | 'forced';
async function phonePage(scheme: Scheme, size = phone, touch = true): Promise<Page> {
	const context = await browser.newContext({
		baseURL: baseUrl(),
		locale: 'nl-NL',
		viewport: size,
		hasTouch: touch,
		isMobile: touch,
		colorScheme: scheme === 'dark' ? 'dark' : 'light',
		forcedColors: scheme === 'forced' ? 'active' : 'none'
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	(page as Page & { errors: string[] }).errors = errors;
	return page;
}

/** Is the element wholly inside the viewport (so it can be tapped without scrolling)? */
const inViewport = (l: Locator) =>
	l.evaluate((el) => {
		const r = el.getBoundingClientRect();
		return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.height > 0;
	});

/**
 * Take every exercise on every page through its states by taps and call `look` in each:
 * unanswered, a sorting card chosen, "still open", answered (wrong), checked, the right answer
 * shown, and after "Probeer opnieuw"; reflections: unanswered, empty-save message, saved.
 */
async function everyState(
	page: Page,
	look: (state: string, box: Locator, e: Exercise) => Promise<void>,
	how: 'tap' | 'click' = 'tap'
): Promise<number> {
	const press = (l: Locator) => (how === 'tap' ? l.tap() : l.click());
	let count = 0;
	for (const section of withExercises) {
		await page.goto(urlOf(section));
		await ready(page);
		for (const e of exercisesIn(section.blocks)) {
			const box = await exerciseOn(page, e);
			const at = async (state: string) => {
				count++;
				await look(state, box, e);
				if (shots) await box.screenshot({ path: join(shots, `${e.id}-${count}-${state.replace(/\W+/g, '-')}.png`) });
			};
			await box.scrollIntoViewIfNeeded();
			await at('unanswered');
			if (isScored(e)) {
				if (e.type === 'sorting') {
					await press(box.locator('[data-card]').first());
					await at('card chosen');
					await press(box.locator('[data-card]').first());
				}
				await press(button(box, 'Controleer'));
				await expect.poll(() => box.getByRole('status').last().textContent()).not.toBe('');
				await at('still open');
				await answerWith(box, e, wrongAnswer(e), how);
				await press(button(box, 'Controleer'));
				await expectVerdict(box, /^(Niet goed|Deels goed)$/);
				await at('checked');
				await press(button(box, 'Toon het juiste antwoord'));
				await expectVerdict(box, 'Het juiste antwoord');
				await at('revealed');
				await press(button(box, 'Probeer opnieuw'));
				await at('retried');
			} else {
				await press(button(box, 'Opslaan'));
				await expect.poll(() => box.getByText(/Schrijf eerst je antwoord/).count()).toBe(1);
				await at('empty answer message');
				await box.getByRole('textbox').fill(`Op de telefoon geschreven antwoord bij ${e.id}.`);
				await press(button(box, 'Opslaan'));
				await expect.poll(() => box.getByRole('heading', { name: 'Vergelijk je antwoord' }).count()).toBe(1);
				await at('saved');
			}
		}
	}
	return count;
}

/** After "Controleer" or "Toon het juiste antwoord": focus on the verdict, in view, not covered. */
async function expectVerdictShown(page: Page, box: Locator, what: string): Promise<void> {
	const feedback = feedbackOf(box);
	expect(await feedback.evaluate((el) => el === document.activeElement), `${what}: focus on the verdict`).toBe(true);
	const heading = feedback.getByRole('heading');
	expect(await inViewport(heading), `${what}: verdict inside the viewport`).toBe(true);
	const covered = await heading.evaluate((el) => {
		const r = el.getBoundingClientRect();
		const top = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
		return !(top && el.closest('.feedback')!.contains(top));
	});
	expect(covered, `${what}: verdict hidden under something`).toBe(false);
}

/** Contrast of the learner's own choices after checking: text ≥ 4.5:1, the tick or dot ≥ 3:1. */
async function choiceContrast(box: Locator): Promise<{ what: string; ratio: number; needed: number }[]> {
	return box.evaluate((root) => {
		const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
		const lum = ([r, g, b]: number[]) =>
			[r!, g!, b!].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
		const ratio = (a: string, b: string) => {
			const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
			return (x! + 0.05) / (y! + 0.05);
		};
		const background = (el: Element | null): string => {
			for (; el; el = el.parentElement) {
				const c = getComputedStyle(el).backgroundColor;
				const parts = rgb(c);
				if (parts.length && (parts.length < 4 || parts[3]! > 0)) return c;
			}
			return 'rgb(255, 255, 255)';
		};
		const out: { what: string; ratio: number; needed: number }[] = [];
		const text = (el: Element, what: string) => out.push({ what, ratio: ratio(getComputedStyle(el).color, background(el)), needed: 4.5 });
		for (const input of root.querySelectorAll<HTMLInputElement>('input:checked')) {
			const label = input.closest('label')!;
			text(label.querySelector('.text') ?? label, `chosen "${label.textContent?.trim()}"`);
			out.push({ what: `tick of "${label.textContent?.trim()}"`, ratio: ratio(getComputedStyle(input).accentColor, background(input)), needed: 3 });
		}
		for (const el of root.querySelectorAll('.card.locked > span:first-child, .pair .chosen')) text(el, `placed or chosen "${el.textContent?.trim()}"`);
		return out;
	});
}

describe('exercises on a phone, 360×740 with touch', () => {
	it('the content has sorting exercises to sort by tapping', () => {
		expect(sortings.length).toBeGreaterThan(0);
	});

	it('sorting: the piles are on screen right after choosing a card; a whole sort takes 2 taps a card and no scrolling', async () => {
		const page = await phonePage('light');
		for (const { section, exercise: e } of sortings) {
			await page.goto(urlOf(section));
			await ready(page);
			const box = await exerciseOn(page, e);
			// The learner scrolls to the exercise once, until its cards start at the top of the screen
			// (not merely until the first card peeks in at the bottom); from there on no more scrolling.
			await box.locator('[data-card]').first().evaluate((el) => (el.scrollIntoView({ block: 'start' }), scrollBy(0, -16)));
			let taps = 0;
			const tap = async (l: Locator, what: string) => {
				expect(await inViewport(l), `${e.id}: ${what} on screen before the tap`).toBe(true);
				await l.tap();
				taps++;
			};
			for (const card of e.cards) {
				await tap(box.locator(`[data-card="${card.id}"]`), `card ${card.text}`);
				const piles = box.locator('.place-bar button');
				expect(await piles.count(), `${e.id}: a button for every pile`).toBe(e.piles.length);
				for (const pile of await piles.all()) expect(await inViewport(pile), `${e.id}: pile button after choosing ${card.text}`).toBe(true);
				const label = e.piles.find((p) => p.id === e.answer[card.id])!.label;
				await tap(button(box, `Leg op: ${label}`), `pile ${label}`);
			}
			console.log(`${e.id}: ${e.cards.length} cards sorted with ${taps} taps, no scrolling`);
			expect(taps).toBeLessThanOrEqual(2 * e.cards.length);
			if (e.cards.length >= 6) expect(taps).toBeLessThanOrEqual(12);
			// Not part of the sort: "Controleer" may be a scroll away, like the next paragraph.
			await button(box, 'Controleer').tap();
			await expectVerdict(box, 'Goed');
		}
		expect((page as Page & { errors: string[] }).errors).toEqual([]);
		await page.context().close();
	});

	it('after "Controleer": verdict in view with focus, feedback ≤ 1.5 screens, choices readable, honest marks; axe in every state (light)', async () => {
		const page = await phonePage('light');
		const heights: string[] = [];
		const states = await everyState(page, async (state, box, e) => {
			await expectAccessible(page, `${e.id}, ${state} (licht)`);
			await expectNoHorizontalScroll(page, `${e.id}, ${state}`);
			if (state === 'checked') {
				await expectVerdictShown(page, box, `${e.id} checked`);
				// The feedback is everything "Controleer" shows: from the verdict to the last button.
				const height = await box.evaluate((el) => {
					const top = el.querySelector('.feedback')!.getBoundingClientRect().top;
					return el.querySelector('form > .actions')!.getBoundingClientRect().bottom - top;
				});
				heights.push(`${e.id} ${Math.round(height)} px`);
				expect(height, `${e.id}: feedback height`).toBeLessThanOrEqual(maxFeedback);
				for (const c of await choiceContrast(box)) expect(c.ratio, `${e.id}: ${c.what}`).toBeGreaterThanOrEqual(c.needed);
			}
			if (state === 'revealed') {
				await expectVerdictShown(page, box, `${e.id} revealed`);
				const marks = await markTexts(box);
				expect(marks.length, `${e.id}: the right answer is marked`).toBeGreaterThan(0);
				for (const mark of marks) expect(mark, `${e.id}: a mark after "Toon het juiste antwoord"`).not.toMatch(/Goed/);
				for (const c of await choiceContrast(box)) expect(c.ratio, `${e.id}: ${c.what}`).toBeGreaterThanOrEqual(c.needed);
			}
		});
		console.log(`feedback heights at 360×740 (limit ${maxFeedback} px): ${heights.join(', ')}`);
		expect(states).toBeGreaterThanOrEqual(withExercises.length * 3);
		expect((page as Page & { errors: string[] }).errors).toEqual([]);
		await page.context().close();
	}, walkTime);

	for (const scheme of ['dark', 'forced'] as const) {
		it(`axe in every exercise state, ${scheme === 'dark' ? 'dark scheme' : 'forced colours'}`, async () => {
			const page = await phonePage(scheme);
			await everyState(page, async (state, box, e) => {
				await expectAccessible(page, `${e.id}, ${state} (${scheme})`);
				if (state === 'checked' || state === 'revealed') await expectVerdictShown(page, box, `${e.id} ${state} (${scheme})`);
			});
			await page.context().close();
		}, walkTime);
	}
});

describe('exercises at 400% zoom on a laptop (1280×800 → 320×200 CSS px)', () => {
	it('no horizontal scrolling in any exercise state', async () => {
		const page = await phonePage('light', { width: 320, height: 200 }, false);
		await everyState(page, async (state, _box, e) => {
			await expectNoHorizontalScroll(page, `${e.id}, ${state} (400%)`);
			const wide = await page.$$eval('section[data-exercise-id] *', (els) =>
				els.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && el.getClientRects().length)
					.map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`).slice(0, 3)
			);
			expect(wide, `wider than the screen at ${e.id}, ${state} (400%)`).toEqual([]);
		}, 'click');
		await page.context().close();
	}, walkTime);
});

describe('the quiz score without JavaScript', () => {
	it('shows a short note where the score would be, not an empty widget', async () => {
		const section = sectionsOf(content).find((s) => s.blocks.some((b) => b.type === 'quiz-score'));
		expect(section, 'a section with ::quiz-score').toBeDefined();
		const context = await browser.newContext({ baseURL: baseUrl(), locale: 'nl-NL', javaScriptEnabled: false, viewport: phone });
		const page = await context.newPage();
		await page.goto(urlOf(section!));
		const score = page.getByRole('region', { name: 'Je score' });
		expect(await score.innerText()).toContain('Daarvoor moet JavaScript aan staan.');
		expect(await score.locator('button, a, input').count()).toBe(0);
		await context.close();
	});
});

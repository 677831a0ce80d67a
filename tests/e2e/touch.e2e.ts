// On a phone: exercises done with single taps (no dragging), no sideways scrolling at 320 px in
// any state, and targets large enough to tap: every control at least 24 × 24 CSS px (WCAG 2.5.8),
// and every control that still takes a tap at least 44 × 44, as the exercises' rules promise
// (src/lib/exercises/README.md; read-only options after checking are smaller on purpose).
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exercise } from '$lib/exercises/schemas';
import { course, expectNoHorizontalScroll, launch, learner, ready } from './browser';
import {
	allExercises, answerWith, button, exerciseOn, exercisesIn, expectVerdict, isScored, rightAnswer, sectionsOf, urlOf, wrongAnswer
} from './exercises';

const content = course();
const tappable = allExercises(content).filter(({ exercise }) => exercise.type === 'sorting' || exercise.type === 'matching');
const withExercises = sectionsOf(content).filter((s) => exercisesIn(s.blocks).length);
const phone = { width: 360, height: 740, touch: true };

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

/**
 * Take every exercise on every section through its states with taps, calling `look` in each:
 * unanswered, "still open" message, feedback on a wrong answer, right answer shown (scored);
 * unanswered, empty-save message, saved with the points to compare (reflection).
 */
async function everyState(page: Page, look: (state: string, box: Locator) => Promise<void>): Promise<void> {
	for (const section of withExercises) {
		await page.goto(urlOf(section));
		await ready(page);
		for (const e of exercisesIn(section.blocks) as Exercise[]) {
			const box = await exerciseOn(page, e);
			const at = (state: string) => look(`${e.id}, ${state}`, box);
			await at('unanswered');
			if (isScored(e)) {
				await button(box, 'Controleer').tap();
				await expect.poll(() => box.getByRole('status').last().textContent()).not.toBe('');
				await at('still open');
				await answerWith(box, e, wrongAnswer(e), 'tap');
				await button(box, 'Controleer').tap();
				await expectVerdict(box, /^(Niet goed|Deels goed)$/);
				await at('feedback shown');
				await button(box, 'Toon het juiste antwoord').tap();
				await expectVerdict(box, 'Het juiste antwoord');
				await at('right answer shown');
			} else {
				await button(box, 'Opslaan').tap();
				await expect.poll(() => box.getByText(/Schrijf eerst je antwoord/).count()).toBe(1);
				await at('empty answer message');
				await box.getByRole('textbox').fill(`Op de telefoon geschreven antwoord bij ${e.id}, met een lang woord: ${'digitaalvaardigheid'.repeat(4)}.`);
				await button(box, 'Opslaan').tap();
				await expect.poll(() => box.getByRole('heading', { name: 'Vergelijk je antwoord' }).count()).toBe(1);
				await at('saved, points shown');
			}
		}
	}
}

/** Is this box's shorter side shorter than the other's? (The smallest target is the one with the shortest side.) */
const smaller = (box: { width: number; height: number }, than: { width: number; height: number }) =>
	Math.min(box.width, box.height) < Math.min(than.width, than.height);

describe('on a phone with touch', () => {
	it('finds sorting or matching exercises to tap', () => {
		expect(tappable.length).toBeGreaterThan(0);
	});

	it('sorting and matching are done with single taps and reach "Goed"', async () => {
		const { context, page } = await learner(browser, phone);
		for (const { section, exercise } of tappable) {
			if (!isScored(exercise)) continue;
			await page.goto(urlOf(section));
			await ready(page);
			const box = await exerciseOn(page, exercise);
			await answerWith(box, exercise, rightAnswer(exercise), 'tap');
			await button(box, 'Controleer').tap();
			await expectVerdict(box, 'Goed');
			// A wrong answer and a retry by taps too: cards already on a pile can be moved again.
			await button(box, 'Probeer opnieuw').tap();
			await answerWith(box, exercise, wrongAnswer(exercise), 'tap');
			await answerWith(box, exercise, rightAnswer(exercise), 'tap');
			await button(box, 'Controleer').tap();
			await expectVerdict(box, 'Goed');
		}
		expect((page as Page & { errors: string[] }).errors).toEqual([]);
		await context.close();
	});

	it('no horizontal scrolling at 320 px in any exercise state', async () => {
		const { context, page } = await learner(browser, { width: 320, height: 640, touch: true });
		const states: string[] = [];
		await everyState(page, async (state) => {
			states.push(state);
			await expectNoHorizontalScroll(page, state);
			const wide = await page.$$eval('section[data-exercise-id] *', (els) =>
				els.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && el.getClientRects().length)
					.map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`).slice(0, 3)
			);
			expect(wide, `wider than the screen at ${state}`).toEqual([]);
		});
		expect(states.length).toBeGreaterThanOrEqual(withExercises.length * 3);
		await context.close();
	});

	it('every control in an exercise is at least 24 × 24 px, and one that takes a tap at least 44 × 44 (reports the smallest)', async () => {
		const { context, page } = await learner(browser, phone);
		let smallest = { width: Infinity, height: Infinity, what: '' };
		const tooSmall: string[] = [];
		const activeTooSmall: string[] = [];
		let active = 0;
		let smallestActive = { width: Infinity, height: Infinity, what: '' };
		await everyState(page, async (state, box) => {
			const targets = await box.locator('button, select, textarea, label:has(input), a').evaluateAll((els) =>
				els.filter((el) => el.getClientRects().length).map((el) => {
					const r = el.getBoundingClientRect();
					const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline';
					const name = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
					// Takes a tap: not disabled (a label by its input), not marked aria-disabled.
					const control = el.tagName === 'LABEL' ? el.querySelector('input') : el;
					const enabled = !(control as HTMLInputElement | null)?.disabled && control?.getAttribute('aria-disabled') !== 'true';
					return { width: r.width, height: r.height, inline, enabled, what: `<${el.tagName.toLowerCase()}> "${name}"` };
				})
			);
			for (const t of targets) {
				// Links inside a sentence are excepted by 2.5.8 ("inline"); they are reported, not failed.
				if (!t.inline && (t.width < 24 || t.height < 24)) tooSmall.push(`${t.what} ${t.width}×${t.height} at ${state}`);
				if (!t.inline && t.enabled) {
					active++;
					if (smaller(t, smallestActive)) smallestActive = { ...t, what: `${t.what} at ${state}` };
					// Half a pixel of rounding (a 2.75rem box can measure 43.99).
					if (t.width < 43.5 || t.height < 43.5) activeTooSmall.push(`${t.what} ${t.width}×${t.height} at ${state}`);
				}
				if (smaller(t, smallest)) smallest = { ...t, what: `${t.what} at ${state}${t.inline ? ' (inline link)' : ''}` };
			}
		});
		console.log(`smallest tap target: ${smallest.width.toFixed(1)}×${smallest.height.toFixed(1)} px, ${smallest.what}`);
		console.log(`smallest that takes a tap: ${smallestActive.width.toFixed(1)}×${smallestActive.height.toFixed(1)} px, ${smallestActive.what} (of ${active})`);
		expect(tooSmall).toEqual([]);
		// The precondition: the states above hold controls that take a tap (every exercise has some).
		expect(active).toBeGreaterThanOrEqual(withExercises.length);
		expect(activeTooSmall).toEqual([]);
		await context.close();
	});
});

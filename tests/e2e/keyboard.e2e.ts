// Every exercise type done with the keyboard alone: only page.keyboard, after focus() on the
// exercise's first control. Focus must always be visible and move to the feedback after checking.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exercise, ExerciseType } from '$lib/exercises/schemas';
import { course, launch, learner, ready } from './browser';
import { exerciseOn, expectVerdict, feedbackOf, firstOfEachType, firstTabs, termGroup, urlOf } from './exercises';

const content = course();
const examples = firstOfEachType(content);
const tabs = firstTabs(content);

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

/** Fails unless the focused element shows a focus indicator (an outline or a box shadow). */
async function expectFocusVisible(page: Page): Promise<string> {
	const focus = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const s = getComputedStyle(el);
		const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
		const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
		const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
		return { ok: outline || shadow, what: `<${el.tagName.toLowerCase()}> "${name}" (outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow})` };
	});
	expect(focus.ok, `no visible focus on ${focus.what}`).toBe(true);
	return focus.what;
}

/** Press a key and check the focus indicator where focus lands. */
async function press(page: Page, key: string): Promise<void> {
	await page.keyboard.press(key);
	await expectFocusVisible(page);
}

const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim().replace(/\s+/g, ' ') ?? '');

/** Tab forward until the focused element reads `text`; every stop must show its focus. */
async function tabTo(page: Page, text: string, max = 40): Promise<void> {
	for (let i = 0; i < max; i++) {
		await press(page, 'Tab');
		if ((await activeText(page)) === text) return;
	}
	throw new Error(`"${text}" not reached with ${max} presses of Tab`);
}

/** After "Controleer": focus is in the feedback box, visibly, and the verdict is "Goed". */
async function expectCheckedRight(page: Page, box: Locator): Promise<void> {
	await expect.poll(() => feedbackOf(box).evaluate((el) => el.contains(document.activeElement)), { message: 'focus moves to the feedback' }).toBe(true);
	await expectFocusVisible(page);
	await expectVerdict(box, 'Goed');
}

const drivers: { [T in ExerciseType]: (page: Page, box: Locator, e: Extract<Exercise, { type: T }>) => Promise<void> } = {
	'single-choice': async (page, box, e) => {
		const target = e.options.findIndex((o) => o.id === e.answer);
		await box.getByRole('radio').first().focus();
		// Arrow keys move and choose in a radio group; to choose the first one, go down and back up.
		if (target === 0) await press(page, 'ArrowDown'), await press(page, 'ArrowUp');
		for (let i = 0; i < target; i++) await press(page, 'ArrowDown');
		expect(await box.getByRole('radio', { name: e.options[target]!.text, exact: true }).isChecked()).toBe(true);
		await tabTo(page, 'Controleer', 1);
		await page.keyboard.press('Enter');
		await expectCheckedRight(page, box);
	},
	'multiple-response': async (page, box, e) => {
		await box.getByRole('checkbox').first().focus();
		for (const [i, option] of e.options.entries()) {
			if (i > 0) await press(page, 'Tab');
			if (e.answer.includes(option.id)) await press(page, 'Space');
		}
		for (const option of e.options)
			expect(await box.getByRole('checkbox', { name: option.text, exact: true }).isChecked(), option.text).toBe(e.answer.includes(option.id));
		await tabTo(page, 'Controleer', 1);
		await page.keyboard.press('Space');
		await expectCheckedRight(page, box);
	},
	matching: async (page, box, e) => {
		// A radio group per term: Tab reaches the group, the arrow keys choose within it.
		await termGroup(box, e.terms[0]!.id).getByRole('radio').first().focus();
		for (const [i, term] of e.terms.entries()) {
			if (i > 0) await press(page, 'Tab');
			const target = e.descriptions.findIndex((d) => d.id === e.answer[term.id]);
			// Nothing chosen yet: focus is on the first radio; Space chooses it, ArrowDown moves and chooses.
			if (target === 0) await press(page, 'Space');
			for (let n = 0; n < target; n++) await press(page, 'ArrowDown');
			const chosen = termGroup(box, term.id).getByRole('radio', { name: e.descriptions[target]!.text, exact: true });
			expect(await chosen.isChecked(), term.text).toBe(true);
		}
		await tabTo(page, 'Controleer', 1);
		await page.keyboard.press('Enter');
		await expectCheckedRight(page, box);
	},
	sorting: async (page, box, e) => {
		const focusedCard = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.card);
		await box.locator('[data-card]').first().focus();
		// The cards are one tab stop; the arrow keys move between them (roving tabindex).
		expect(await box.locator('[data-card][tabindex="0"]').count(), 'one card in the tab order').toBe(1);
		await press(page, 'ArrowDown');
		expect(await focusedCard()).toBe(e.cards[1]!.id);
		await press(page, 'End');
		expect(await focusedCard()).toBe(e.cards.at(-1)!.id);
		await press(page, 'Home');
		expect(await focusedCard()).toBe(e.cards[0]!.id);
		let presses = 0;
		const key = async (k: string) => {
			await press(page, k);
			presses++;
			expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null), `focus lost after ${k}`).toBe(true);
		};
		for (let n = 0; n < e.cards.length; n++) {
			const before = presses;
			// Focus goes to the next card still to sort after every move.
			const id = await focusedCard();
			const card = e.cards.find((c) => c.id === id);
			expect(card, 'focus is on a card to sort').toBeDefined();
			const pile = e.piles.find((p) => p.id === e.answer[card!.id])!;
			await key(n % 2 ? 'Space' : 'Enter');
			expect(await box.locator(`[data-card="${id}"]`).getAttribute('aria-pressed')).toBe('true');
			// Focus is in the bar of piles right under the card; the arrow keys move within it, and
			// wrap around, so the shorter way round is taken (as a learner who sees the bar would).
			const bar = await box.locator('.place-bar button').allTextContents();
			const at = bar.map((b) => b.trim()).indexOf(`Leg op: ${pile.label}`);
			const down = at <= bar.length - at;
			for (let i = 0; i < (down ? at : bar.length - at); i++) await key(down ? 'ArrowDown' : 'ArrowUp');
			expect(await activeText(page)).toBe(`Leg op: ${pile.label}`);
			await key('Enter');
			await expect.poll(() => box.getByRole('status').first().textContent()).toBe(`${card!.text} ligt nu op ${pile.label}`);
			expect(presses - before, `${card!.text}: key presses to place it`).toBeLessThanOrEqual(3);
		}
		console.log(`sorting by keyboard: ${presses} key presses for ${e.cards.length} cards`);
		expect(presses).toBeLessThanOrEqual(3 * e.cards.length);
		await tabTo(page, 'Controleer');
		await page.keyboard.press('Enter');
		await expectCheckedRight(page, box);
	},
	reflection: async (page, box, e) => {
		const text = `Met het toetsenbord getypt antwoord op ${e.id}.`;
		await box.getByRole('textbox').focus();
		await page.keyboard.type(text);
		await expectFocusVisible(page);
		await tabTo(page, 'Opslaan', 1);
		await page.keyboard.press('Enter');
		await expect.poll(() => box.getByRole('status').textContent()).toMatch(/^Opgeslagen op dit apparaat om \d{2}:\d{2}$/);
		expect(await box.getByRole('textbox').inputValue()).toBe(text);
		expect(await box.getByRole('heading', { name: 'Vergelijk je antwoord' }).isVisible()).toBe(true);
		expect(await activeText(page)).toBe('Wijziging opslaan');
		await expectFocusVisible(page);
	}
};

describe('keyboard only', () => {
	it('the content has every exercise type to try', () => {
		expect([...examples.keys()].sort()).toEqual(Object.keys(drivers).sort());
	});

	for (const [type, { section, exercise }] of examples) {
		it(`${type}: "${exercise.id}" can be done with the keyboard, focus always visible`, async () => {
			const { context, page } = await learner(browser);
			await page.goto(urlOf(section));
			await ready(page);
			const box = await exerciseOn(page, exercise);
			await drivers[type](page, box, exercise as never);
			expect((page as Page & { errors: string[] }).errors).toEqual([]);
			await context.close();
		});
	}

	it('the tabs block works with the arrow keys, Home and End', async () => {
		// The content must have a tabs block; without it this test would prove nothing.
		expect(tabs, 'the content has a tabs block').toBeTruthy();
		const { context, page } = await learner(browser);
		await page.goto(urlOf(tabs!.section));
		await ready(page);
		const list = page.getByRole('tablist', { name: tabs!.block.label });
		const all = list.getByRole('tab');
		const count = tabs!.block.tabs.length;
		await expect.poll(() => all.count()).toBe(count);
		const expectSelected = async (index: number) => {
			const label = tabs!.block.tabs[index]!.label;
			expect(await activeText(page), 'focus on the selected tab').toBe(label);
			await expectFocusVisible(page);
			const selected = await all.evaluateAll((els) => els.map((el) => el.getAttribute('aria-selected')));
			expect(selected).toEqual(tabs!.block.tabs.map((_, i) => String(i === index)));
			const panel = page.getByRole('tabpanel', { name: label });
			expect(await panel.isVisible()).toBe(true);
			expect(await page.getByRole('tabpanel').count(), 'only one panel shown').toBe(1);
		};
		await all.first().focus();
		await page.keyboard.press('ArrowRight');
		await expectSelected(1 % count);
		await page.keyboard.press('End');
		await expectSelected(count - 1);
		await page.keyboard.press('ArrowRight');
		await expectSelected(0);
		await page.keyboard.press('ArrowLeft');
		await expectSelected(count - 1);
		await page.keyboard.press('Home');
		await expectSelected(0);
		// Tab leaves the tab list for the panel that is shown.
		await press(page, 'Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');
		await context.close();
	});
});

describe('"Verder op een ander apparaat" by keyboard', () => {
	it('makes a code and uses it on another device without a mouse, focus kept in place', async () => {
		const { context, page } = await learner(browser);
		await page.goto('/verder');
		await ready(page);
		const make = page.getByRole('button', { name: /^Maak een (nieuwe )?code$/ });
		await make.waitFor();
		// Tab from the top of the page until the button has focus.
		for (let i = 0; i < 30 && !(await make.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
		expect(await make.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		const code = page.locator('.resume-make__code [aria-hidden="true"]');
		await code.waitFor();
		expect(await activeText(page)).toBe('Maak een nieuwe code');
		const typed = (await code.innerText()).replace(/\s/g, '');
		await context.close();

		const other = await learner(browser);
		await other.page.goto('/verder');
		await ready(other.page);
		const field = other.page.getByRole('textbox', { name: /^Code/ });
		await field.waitFor();
		for (let i = 0; i < 40 && !(await field.evaluate((el) => el === document.activeElement)); i++) await other.page.keyboard.press('Tab');
		await other.page.keyboard.type(typed);
		await other.page.keyboard.press('Enter');
		await expect.poll(() => other.page.getByText('Gelukt: je voortgang staat nu op dit apparaat').filter({ visible: true }).count()).toBe(1);
		// Focus went to the result, not back to the top of the page.
		expect(await other.page.evaluate(() => document.activeElement !== document.body)).toBe(true);
		await other.context.close();
	});
});

// Helpers for the exercise journeys: which exercises the content has, where they are, and how to
// answer them right or wrong. Everything is derived from `course()`, so new content is covered.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Block, Course, Section } from '$lib/content/schema';
import type { Exercise, ExerciseType, ScoredExercise } from '$lib/exercises/schemas';
import { storageKey as keyOf } from '$lib/progress/storage';
import { course } from './browser';

/** Where the e-tool keeps progress in localStorage: its id comes from course.yaml, through the build. */
export const storageKey = keyOf(course().id);
export const verdictText = { correct: 'Goed', partial: 'Deels goed', incorrect: 'Niet goed' } as const;

/** Every section in reading order. */
export const sectionsOf = (course: Course): Section[] => course.chapters.flatMap((c) => c.sections);

/** The exercises in a list of blocks, also those inside callouts and tabs, in page order. */
export function exercisesIn(blocks: Block[]): Exercise[] {
	return blocks.flatMap((b): Exercise[] => {
		if (b.type === 'exercise') return [b.exercise];
		if (b.type === 'callout') return exercisesIn(b.blocks);
		if (b.type === 'tabs') return b.tabs.flatMap((tab) => exercisesIn(tab.blocks));
		return [];
	});
}

/** Every exercise with the section it is on. */
export const allExercises = (course: Course): { section: Section; exercise: Exercise }[] =>
	sectionsOf(course).flatMap((section) => exercisesIn(section.blocks).map((exercise) => ({ section, exercise })));

/** The first exercise of each type the content has (a type without content is skipped). */
export function firstOfEachType(course: Course): Map<ExerciseType, { section: Section; exercise: Exercise }> {
	const found = new Map<ExerciseType, { section: Section; exercise: Exercise }>();
	for (const item of allExercises(course)) if (!found.has(item.exercise.type)) found.set(item.exercise.type, item);
	return found;
}

type TabsBlock = Extract<Block, { type: 'tabs' }>;
const tabsIn = (blocks: Block[]): TabsBlock[] =>
	blocks.flatMap((b): TabsBlock[] => (b.type === 'tabs' ? [b] : b.type === 'callout' ? tabsIn(b.blocks) : []));

/** The first tabs block in the content, with its section. */
export function firstTabs(course: Course): { section: Section; block: TabsBlock } | undefined {
	for (const section of sectionsOf(course)) {
		const block = tabsIn(section.blocks)[0];
		if (block) return { section, block };
	}
}

export const isScored = (e: Exercise): e is ScoredExercise => e.type !== 'reflection';
export const urlOf = (section: Pick<Section, 'path'>) => `/${section.path}`;

export type Answer =
	| { type: 'single-choice'; choice: string }
	| { type: 'multiple-response'; choices: string[] }
	| { type: 'matching'; pairs: Record<string, string> }
	| { type: 'sorting'; placed: Record<string, string> };

export function rightAnswer(e: ScoredExercise): Answer {
	switch (e.type) {
		case 'single-choice':
			return { type: e.type, choice: e.answer };
		case 'multiple-response':
			return { type: e.type, choices: [...e.answer] };
		case 'matching':
			return { type: e.type, pairs: { ...e.answer } };
		case 'sorting':
			return { type: e.type, placed: { ...e.answer } };
	}
}

/** An answer that is not fully right: every item wrong where the exercise allows it. */
export function wrongAnswer(e: ScoredExercise): Answer {
	const other = <T extends { id: string }>(items: T[], not: string | undefined) => items.find((i) => i.id !== not)!.id;
	switch (e.type) {
		case 'single-choice':
			return { type: e.type, choice: other(e.options, e.answer) };
		case 'multiple-response': {
			const wrong = e.options.filter((o) => !e.answer.includes(o.id)).map((o) => o.id);
			// When every option is right, ticking only one of them is the wrong answer that exists.
			return { type: e.type, choices: wrong.length ? wrong : [e.answer[0]!] };
		}
		case 'matching':
			return { type: e.type, pairs: Object.fromEntries(e.terms.map((t) => [t.id, other(e.descriptions, e.answer[t.id])])) };
		case 'sorting':
			return { type: e.type, placed: Object.fromEntries(e.cards.map((c) => [c.id, other(e.piles, e.answer[c.id])])) };
	}
}

/**
 * The items that get a mark after a check: single choice only the chosen one; multiple response
 * the ticked ones and the right ones left unticked (an unticked wrong one was right to leave alone).
 */
export function markedAfterCheck(e: ScoredExercise, answer: Answer): { text: string; feedback?: string }[] {
	switch (e.type) {
		case 'single-choice':
			return e.options.filter((o) => answer.type === 'single-choice' && o.id === answer.choice);
		case 'multiple-response':
			return e.options.filter((o) => e.answer.includes(o.id) || (answer.type === 'multiple-response' && answer.choices.includes(o.id)));
		case 'matching':
			return e.terms;
		case 'sorting':
			return e.cards;
	}
}

/** Texts that "Mijn antwoorden" should show for a given answer. */
export function answerTexts(e: ScoredExercise, answer: Answer): string[] {
	switch (answer.type) {
		case 'single-choice':
			return [e.type === 'single-choice' ? e.options.find((o) => o.id === answer.choice)!.text : ''];
		case 'multiple-response':
			return e.type === 'multiple-response' ? e.options.filter((o) => answer.choices.includes(o.id)).map((o) => o.text) : [];
		case 'matching':
			return e.type === 'matching' ? e.terms.map((t) => `${t.text}: ${e.descriptions.find((d) => d.id === answer.pairs[t.id])!.text}`) : [];
		case 'sorting':
			return e.type === 'sorting'
				? e.piles
						.map((p) => ({ p, cards: e.cards.filter((c) => answer.placed[c.id] === p.id).map((c) => c.text) }))
						.filter((x) => x.cards.length)
						.map((x) => `${x.p.label}: ${x.cards.join(', ')}`)
				: [];
	}
}

/** The exercise on the page; shown first when it sits in a tab that is not selected. */
export async function exerciseOn(page: Page, e: Exercise): Promise<Locator> {
	const box = page.locator(`section[data-exercise-id="${e.id}"]`);
	await box.waitFor({ state: 'attached' });
	const panel = await box.evaluate((el) => el.closest('[role="tabpanel"][hidden]')?.id);
	if (panel) await page.locator(`[role="tab"][aria-controls="${panel}"]`).click();
	// The interactive code loads lazily: wait for its form's buttons (the text without JavaScript has none).
	await box.locator('form button:visible').first().waitFor();
	return box;
}

export const button = (box: Locator, name: string) => box.getByRole('button', { name, exact: true });
/** The radio group of one matching term. */
export const termGroup = (box: Locator, termId: string) => box.locator(`fieldset[data-term="${termId}"]`);
/** The words of every mark in the exercise (✓/✗ left out), in page order. */
export const markTexts = async (box: Locator): Promise<string[]> =>
	(await box.locator('.mark').allTextContents()).map((m) => m.replace(/^[^\p{L}]+/u, '').replace(/\s+/g, ' ').trim());
export const feedbackOf = (box: Locator) => box.locator('.feedback');

/** The verdict in the feedback heading, in words (the icon is left out). */
export async function verdictOf(box: Locator): Promise<string> {
	const heading = feedbackOf(box).getByRole('heading');
	if (!(await heading.count())) return '';
	return ((await heading.textContent()) ?? '').replace(/^[^\p{L}]+/u, '').trim();
}

export async function expectVerdict(box: Locator, expected: string | RegExp): Promise<void> {
	if (typeof expected === 'string') await expect.poll(() => verdictOf(box)).toBe(expected);
	else await expect.poll(() => verdictOf(box)).toMatch(expected);
}

/** Answer with pointer actions: `click` on a laptop, `tap` on a phone. */
export async function answerWith(box: Locator, e: ScoredExercise, answer: Answer, how: 'click' | 'tap'): Promise<void> {
	const press = (l: Locator) => (how === 'tap' ? l.tap() : l.click());
	switch (answer.type) {
		case 'single-choice': {
			const option = e.type === 'single-choice' ? e.options.find((o) => o.id === answer.choice)! : undefined;
			await press(box.getByRole('radio', { name: option!.text, exact: true }));
			break;
		}
		case 'multiple-response':
			for (const o of e.type === 'multiple-response' ? e.options : []) {
				const box_ = box.getByRole('checkbox', { name: o.text, exact: true });
				if ((await box_.isChecked()) !== answer.choices.includes(o.id)) await press(box_);
			}
			break;
		case 'matching':
			for (const term of e.type === 'matching' ? e.terms : []) {
				// One radio group per term, named by the term; every description in full.
				const description = e.type === 'matching' ? e.descriptions.find((d) => d.id === answer.pairs[term.id])! : undefined;
				const radio = termGroup(box, term.id).getByRole('radio', { name: description!.text, exact: true });
				if (!(await radio.isChecked())) await press(radio);
				expect(await radio.isChecked(), `${term.text}: ${description!.text}`).toBe(true);
			}
			break;
		case 'sorting':
			for (const card of e.type === 'sorting' ? e.cards : []) {
				const pile = e.type === 'sorting' ? e.piles.find((p) => p.id === answer.placed[card.id])! : undefined;
				const target = button(box, `Leg op: ${pile!.label}`);
				await press(box.locator(`[data-card="${card.id}"]`));
				// Already on this pile (after "Probeer opnieuw"): press the card again to let go.
				if (await target.count()) await press(target);
				else await press(box.locator(`[data-card="${card.id}"]`));
			}
			break;
	}
}

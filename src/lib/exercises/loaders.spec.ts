// The loaders' logic on the markup their views render, without a browser: each view is rendered as
// the server renders it (svelte/server), put in a DOM (happy-dom) and wired by its loader with an
// answer store in memory. The browser tests (tests/e2e/) cover the same in Chromium, on the content.
import { Window } from 'happy-dom';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerStore } from './core/scored';
import type { AnswerRecord } from './core/types';
import { showQuizScore } from './core/quiz-score';
import QuizScoreView, { quizScoreStrings } from './core/QuizScoreView.svelte';
import ExerciseView from './ExerciseView.svelte';
import { enhance as matchingLoader } from './matching/loader';
import { examples as matching } from './matching/examples';
import { enhance as multipleLoader } from './multiple-response/loader';
import { examples as multipleResponse } from './multiple-response/examples';
import { enhance as reflectionLoader } from './reflection/loader';
import { examples as reflection } from './reflection/examples';
import type { Exercise } from './schemas';
import { enhance as singleLoader } from './single-choice/loader';
import { examples as singleChoice } from './single-choice/examples';
import { enhance as sortingLoader } from './sorting/loader';
import { examples as sorting } from './sorting/examples';
import { stringsOf } from './views';
import { t } from '$lib/i18n';

const window = new Window({ url: 'http://127.0.0.1/' });
const globals = ['document', 'Element', 'HTMLElement', 'HTMLInputElement', 'HTMLButtonElement', 'HTMLDetailsElement', 'Event', 'addEventListener'] as const;
const saved = new Map<string, unknown>();
beforeAll(() => {
	for (const name of globals) {
		saved.set(name, (globalThis as Record<string, unknown>)[name]);
		const value = (window as unknown as Record<string, unknown>)[name];
		(globalThis as Record<string, unknown>)[name] = typeof value === 'function' && name === 'addEventListener' ? value.bind(window) : value;
	}
});
afterAll(async () => {
	for (const [name, value] of saved) (globalThis as Record<string, unknown>)[name] = value;
	await window.happyDOM.close();
});

/** Answers in memory, with the listeners a progress store would call. */
function memoryStore(initial: Record<string, AnswerRecord> = {}) {
	const answers = { ...initial };
	const listeners = new Set<() => void>();
	const store: AnswerStore & { answers: Record<string, AnswerRecord>; put(id: string, record: AnswerRecord): void } = {
		answers,
		get: (id) => answers[id],
		save: (id, record) => void (answers[id] = record),
		subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
		put(id, record) {
			answers[id] = record;
			for (const listener of listeners) listener();
		}
	};
	return store;
}

/** The exercise as the page has it: the view the server renders, in its island element. */
function mount(exercise: Exercise): HTMLElement {
	const { body } = render(ExerciseView, { props: { exercise, reread: { href: '/x', text: 'Lees nog eens: X' } } });
	const element = document.createElement('div');
	element.innerHTML = body;
	document.body.replaceChildren(element);
	return element;
}
const props = (exercise: Exercise) => ({ exercise, headingLevel: 2, strings: stringsOf(exercise.type) }) as never;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const q = <T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;
const shown = (el: HTMLElement | null) => !!el && !el.closest('[hidden]');
const button = (root: HTMLElement, action: string) => q<HTMLButtonElement>(root, `[data-action="${action}"]`);
const submit = (root: HTMLElement) => q<HTMLFormElement>(root, 'form').dispatchEvent(new window.Event('submit', { cancelable: true }) as unknown as Event);
const verdict = (root: HTMLElement) => (shown(q(root, '[data-feedback]')) ? q(root, '[data-feedback-heading]').textContent : '');
const marks = (root: HTMLElement) => [...root.querySelectorAll('.mark')].filter((m) => shown(m as HTMLElement)).map((m) => m.textContent!.replace(/^\W+/, '').trim());
function choose(root: HTMLElement, value: string): void {
	const input = q<HTMLInputElement>(root, `input[value="${value}"]`);
	input.click();
}

describe('single choice', () => {
	const ex = singleChoice[0]!.exercise;

	it('checks, keeps the reasons back on a first wrong try, retries without the wrong choice, and saves every step', async () => {
		const root = mount(ex);
		const store = memoryStore();
		singleLoader(root, props(ex), store);
		expect(verdict(root)).toBe('');
		expect(shown(button(root, 'check'))).toBe(true);
		expect(shown(button(root, 'retry'))).toBe(false);

		submit(root);
		await tick();
		expect(q(root, '[data-open]').textContent).toBe(t('exercise.open.single-choice'));
		expect(store.answers[ex.id]).toBeUndefined();

		choose(root, 'honderdduizend');
		expect(store.answers[ex.id]?.value).toEqual({ type: 'single-choice', choice: 'honderdduizend' });
		submit(root);
		expect(verdict(root)).toBe('Niet goed');
		expect(q(root, '[data-feedback-message]').textContent).toBe(t('exercise.feedback.firstTry'));
		expect(marks(root)).toEqual(['Niet goed']);
		// Not even hidden: the reason could name the answer.
		expect(root.textContent).not.toContain('Dat is te weinig.');
		expect(shown(root.querySelector('[data-feedback-reread]'))).toBe(true);
		expect(store.answers[ex.id]).toMatchObject({ attempts: 1, verdict: 'incorrect', firstVerdict: 'incorrect' });
		expect(q<HTMLInputElement>(root, 'input[value="honderdduizend"]').getAttribute('aria-disabled')).toBe('true');

		button(root, 'retry').click();
		await tick();
		expect(verdict(root)).toBe('');
		expect(q<HTMLInputElement>(root, 'input[value="honderdduizend"]').checked).toBe(false);
		expect(q(root, '[data-open]').textContent).toBe(t('exercise.retried'));

		choose(root, 'driehonderdduizend');
		submit(root);
		expect(verdict(root)).toBe('Goed');
		expect(q(root, '[data-feedback-message]').textContent).toBe(ex.feedback!.correct);
		expect(shown(root.querySelector('[data-feedback-reread]'))).toBe(false);
		expect(shown(q(root, '[data-reasons]'))).toBe(true);
		expect(q(root, '[data-reasons]').textContent).toContain('Klopt.');
		expect(store.answers[ex.id]).toMatchObject({ attempts: 2, verdict: 'correct', firstVerdict: 'incorrect' });
	});

	it('restores a checked answer with its feedback, and takes a newer one from elsewhere', () => {
		const root = mount(ex);
		const store = memoryStore({
			[ex.id]: { value: { type: 'single-choice', choice: 'driehonderdduizend' }, attempts: 1, verdict: 'correct', firstVerdict: 'correct', savedAt: '2026-11-30T10:00:00.000Z' }
		});
		singleLoader(root, props(ex), store);
		expect(verdict(root)).toBe('Goed');
		expect(q<HTMLInputElement>(root, 'input[value="driehonderdduizend"]').checked).toBe(true);
		store.put(ex.id, { value: { type: 'single-choice', choice: null }, attempts: 1, firstVerdict: 'correct', savedAt: '2026-11-30T11:00:00.000Z' });
		expect(verdict(root)).toBe('');
		expect(q<HTMLInputElement>(root, 'input[value="driehonderdduizend"]').checked).toBe(false);
		// An older one (its own echo, say) is not taken.
		store.put(ex.id, { value: { type: 'single-choice', choice: 'honderdduizend' }, attempts: 0, savedAt: '2026-11-30T09:00:00.000Z' });
		expect(q<HTMLInputElement>(root, 'input[value="honderdduizend"]').checked).toBe(false);
	});
});

describe('multiple response', () => {
	const ex = multipleResponse[0]!.exercise;

	it('marks what is true, says "x van y goed", and after revealing says "Juiste antwoord", never "Goed"', () => {
		const root = mount(ex);
		const store = memoryStore();
		multipleLoader(root, props(ex), store);
		const right = ex.answer[0]!;
		const wrong = ex.options.find((o) => !ex.answer.includes(o.id))!.id;
		choose(root, right);
		choose(root, wrong);
		expect(store.answers[ex.id]?.value).toEqual({ type: 'multiple-response', choices: ex.options.map((o) => o.id).filter((id) => id === right || id === wrong) });
		submit(root);
		expect(verdict(root)).toBe('Deels goed');
		const items = Object.keys({ ...Object.fromEntries(ex.options.filter((o) => ex.answer.includes(o.id) || o.id === wrong).map((o) => [o.id, 1])) }).length;
		expect(marks(root)).toHaveLength(items);
		expect(marks(root)).toContain('Goed gekozen');
		expect(marks(root)).toContain('Hoort er niet bij');
		if (ex.answer.length > 1) expect(marks(root)).toContain('Hoorde erbij, niet gekozen');
		expect(shown(q(root, '[data-feedback-score]'))).toBe(true);
		expect(q(root, '[data-feedback-score]').textContent).toMatch(/^\d+ van \d+ goed$/);

		button(root, 'reveal').click();
		expect(verdict(root)).toBe('Het juiste antwoord');
		expect(marks(root)).toEqual(ex.answer.map(() => 'Juiste antwoord'));
		expect(shown(button(root, 'reveal'))).toBe(false);
		for (const option of ex.options) expect(q<HTMLInputElement>(root, `input[value="${option.id}"]`).checked).toBe(ex.answer.includes(option.id));
	});
});

describe('matching', () => {
	const ex = matching[0]!.exercise;

	it('shows each choice in full after checking, and "Probeer opnieuw" keeps the right pairs', () => {
		const root = mount(ex);
		const store = memoryStore();
		matchingLoader(root, props(ex), store);
		const [first, ...rest] = ex.terms;
		submit(root);
		const other = (term: string) => ex.descriptions.find((d) => d.id !== ex.answer[term])!.id;
		q<HTMLInputElement>(root, `fieldset[data-term="${first!.id}"] input[value="${ex.answer[first!.id]}"]`).click();
		for (const term of rest) q<HTMLInputElement>(root, `fieldset[data-term="${term.id}"] input[value="${other(term.id)}"]`).click();
		submit(root);
		expect(verdict(root)).toBe('Deels goed');
		expect(shown(q(root, `fieldset[data-term="${first!.id}"]`))).toBe(false);
		const result = q(root, `[data-term-result="${first!.id}"]`);
		expect(shown(result)).toBe(true);
		expect(result.querySelector('.chosen')!.textContent).toBe(`Jouw keuze: ${ex.descriptions.find((d) => d.id === ex.answer[first!.id])!.text}`);
		expect(marks(root)).toHaveLength(ex.terms.length);

		button(root, 'retry').click();
		const kept = store.answers[ex.id]!.value;
		expect(kept).toEqual({ type: 'matching', pairs: { [first!.id]: ex.answer[first!.id] } });
		expect(q<HTMLInputElement>(root, `fieldset[data-term="${first!.id}"] input[value="${ex.answer[first!.id]}"]`).checked).toBe(true);
		// The kept pair keeps its mark while the rest is redone.
		expect(marks(root)).toEqual(['Goed']);
	});
});

describe('sorting', () => {
	const ex = sorting[0]!.exercise;

	it('moves a chosen card with the bar under it, announces it, and focuses the next card to sort', async () => {
		const root = mount(ex);
		const store = memoryStore();
		sortingLoader(root, props(ex), store);
		const card = ex.cards[0]!;
		q<HTMLButtonElement>(root, `[data-card="${card.id}"]`).click();
		expect(q(root, `[data-card="${card.id}"]`).getAttribute('aria-pressed')).toBe('true');
		const bar = q(root, '.place-bar');
		expect(shown(bar)).toBe(true);
		expect(bar.closest('[data-card-item]')?.getAttribute('data-card-item')).toBe(card.id);
		// Only the piles: the card is not on one yet, so no "back to Nog te sorteren".
		expect([...bar.querySelectorAll('button')].map((b) => b.textContent)).toEqual(ex.piles.map((p) => `Leg op: ${p.label}`));
		const pile = ex.piles.find((p) => p.id === ex.answer[card.id])!;
		q<HTMLButtonElement>(bar, `[data-place="${pile.id}"]`).click();
		expect(store.answers[ex.id]?.value).toEqual({ type: 'sorting', placed: { [card.id]: pile.id } });
		expect(q(root, '.board .status').textContent).toBe(`${card.text} ligt nu op ${pile.label}`);
		expect(q(root, `.area[data-pile="${pile.id}"]`).contains(q(root, `[data-card="${card.id}"]`))).toBe(true);
		expect(document.activeElement?.getAttribute('data-card')).toBe(ex.cards[1]!.id);
		expect(root.querySelectorAll('[data-card][tabindex="0"]')).toHaveLength(1);

		// "Controleer" with cards still to sort: says how many, and checks nothing.
		submit(root);
		await tick();
		expect(q(root, '[data-open]').textContent).toBe(t('exercise.open.sorting.other', { count: ex.cards.length - 1 }));
		expect(verdict(root)).toBe('');
	});
});

describe('reflection', () => {
	const ex = reflection[0]!.exercise;

	it('refuses an empty answer with a message, then saves and shows the points to compare', () => {
		const root = mount(ex);
		const store = memoryStore();
		reflectionLoader(root, props(ex), store);
		submit(root);
		expect(shown(q(root, '.reflection__problem'))).toBe(true);
		expect(q(root, 'textarea').getAttribute('aria-invalid')).toBe('true');
		expect(shown(q(root, '[data-compare]'))).toBe(false);
		const field = q<HTMLTextAreaElement>(root, 'textarea');
		field.value = 'Mijn antwoord.';
		field.dispatchEvent(new window.Event('input') as unknown as Event);
		expect(shown(q(root, '.reflection__problem'))).toBe(false);
		submit(root);
		expect(store.answers[ex.id]).toMatchObject({ attempts: 1, value: { type: 'reflection', text: 'Mijn antwoord.' } });
		expect(shown(q(root, '[data-compare]'))).toBe(true);
		expect(q(root, 'button[type="submit"]').textContent).toBe(t('exercise.reflection.saveChange'));
		expect(q(root, '[data-status]').textContent).toMatch(/^Opgeslagen op dit apparaat om \d{2}:\d{2}$/);
	});
});

describe('quiz score', () => {
	it('shows the right line for no answers, some checked, and all right; links only the sections to reread', () => {
		const exercises = [{ id: 'a', reread: 'h1/s1' }, { id: 'b', reread: 'h2/s2' }];
		const { body } = render(QuizScoreView, { props: { exercises, titles: { 'h1/s1': '1.1 Een', 'h2/s2': '2.2 Twee' } } });
		const root = document.createElement('div');
		root.innerHTML = body;
		const strings = Object.fromEntries(quizScoreStrings.map((key) => [key, t(key)]));
		const store = memoryStore();
		showQuizScore(root, exercises, strings, store);
		const visible = () => [...root.querySelectorAll<HTMLElement>('p, li')].filter(shown).map((el) => el.textContent!.trim());
		expect(visible()).toEqual([t('quiz.none')]);
		store.put('a', { value: { type: 'single-choice', choice: 'x' }, attempts: 1, verdict: 'incorrect', firstVerdict: 'incorrect', savedAt: '1' });
		expect(visible()).toEqual([t('quiz.result', { right: 0, total: 2 }), t('quiz.open.one'), t('quiz.reread'), '1.1 Een']);
		store.put('a', { value: { type: 'single-choice', choice: 'x' }, attempts: 1, verdict: 'correct', firstVerdict: 'correct', savedAt: '2' });
		store.put('b', { value: { type: 'single-choice', choice: 'x' }, attempts: 1, verdict: 'correct', firstVerdict: 'correct', savedAt: '2' });
		expect(visible()).toEqual([t('quiz.result', { right: 2, total: 2 }), t('quiz.allRight')]);
	});
});

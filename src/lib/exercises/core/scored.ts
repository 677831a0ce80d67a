// The shared behaviour of every scored exercise in the browser, in plain TypeScript: it wires the
// view the server rendered (core/ScoredView.svelte) and owns the answer, checking, the verdict box,
// focus, "Probeer opnieuw" (keeps what was right) and "Toon het juiste antwoord". The rules are the
// pure functions of attempt.ts; a type only says how its fields show and read an answer (`Fields`).
import type { AnswerRecord, AnswerValue, MarkKind } from './types';
import type { ScoredExercise } from '../schemas';
import type { ExerciseIslandProps } from './island-props';
import * as attempt from './attempt';
import { say, type Strings } from './strings';
import { markTone } from './types';
import { reasonsOf } from './view';

/** What the answer's fields are told to show. */
export interface FieldsState {
	value: AnswerValue;
	/** Per item what its mark says; null while answering (except what "Probeer opnieuw" kept). */
	marks: Record<string, MarkKind> | null;
	/** Checked or shown: read-only but readable, until "Probeer opnieuw". */
	locked: boolean;
}

/** A type's part: its fields in the form, shown from a state and read back after a change. */
export interface Fields<E extends ScoredExercise> {
	/** Show the state (called after every change, also the learner's own). */
	show(state: FieldsState): void;
	/** The answer after the learner changed a field (`target`); null when the change is not an answer. */
	read(target: EventTarget | null, value: AnswerValue): AnswerValue | null;
	/** The message when "Controleer" is pressed with `count` items still open. */
	openMessage(count: number): string;
	/** A first wrong try gets no reasons and a general message: the option's reason would name the answer. */
	withholdFirstWrong?: boolean;
	/** "4 van 6 goed" in the verdict box (not for a single choice: one item). */
	itemScore?: boolean;
	/** The marked items (options, terms, cards) in the order shown, with their reasons for "Waarom?". */
	items: { id: string; text: string; feedback?: string }[];
	exercise: E;
}

/** Where answers are kept: the browser's progress store, or a memory in tests. */
export interface AnswerStore {
	get(id: string): AnswerRecord | undefined;
	save(id: string, record: AnswerRecord): void;
	/** Called when any answer may have changed (another tab, a merge with the server copy). */
	subscribe(listener: () => void): () => void;
}

const icons = { correct: '✓', partial: '◐', incorrect: '✗', revealed: '→' } as const;
const markIcons = { good: '✓', bad: '✗', neutral: '→' } as const;

/** One item's mark, in an icon and in words: never by colour alone. */
export function markElement(doc: Document, strings: Strings, kind: MarkKind): HTMLElement {
	const tone = markTone(kind);
	const mark = doc.createElement('span');
	mark.className = `mark mark--${tone}`;
	const icon = doc.createElement('span');
	icon.className = 'mark__icon';
	icon.setAttribute('aria-hidden', 'true');
	icon.textContent = markIcons[tone];
	mark.append(icon, ` ${say(strings, `exercise.mark.${kind}`)}`);
	return mark;
}

/** Fill (or empty) a mark slot `[data-mark-for]`. */
export function showMark(slot: HTMLElement, strings: Strings, kind: MarkKind | undefined): void {
	if (slot.dataset.kind === (kind ?? '')) return;
	slot.dataset.kind = kind ?? '';
	slot.replaceChildren(...(kind ? [markElement(slot.ownerDocument, strings, kind)] : []));
	slot.hidden = !kind;
}

/** Focus without the browser's own jump, then bring it into view only as far as needed. */
export function show(element: HTMLElement | null | undefined): void {
	if (!element) return;
	element.focus({ preventScroll: true });
	element.scrollIntoView({ block: 'nearest' });
}

/** What a type's loader can do once wired: change the answer from its own controls (not form inputs). */
export interface Scored {
	/** The learner changed the answer (ignored unless answering). */
	set(value: AnswerValue): void;
}

export function enhanceScored<E extends ScoredExercise>(element: HTMLElement, props: ExerciseIslandProps<E>, fields: Fields<E>, store: AnswerStore): Scored {
	const { exercise, strings } = props;
	const form = element.querySelector<HTMLFormElement>('form[data-scored]');
	if (!form) throw new Error(`exercise ${exercise.id}: no form`);
	const $ = <T extends HTMLElement = HTMLElement>(selector: string) => form.querySelector<T>(selector);
	const box = $('[data-feedback]')!;
	const open = $('[data-open]')!;
	const buttons = { check: $('[data-action="check"]')!, retry: $('[data-action="retry"]')!, reveal: $('[data-action="reveal"]')! };

	let current = attempt.restore(exercise, store.get(exercise.id));
	/** The answer as "Probeer opnieuw" left it: its items keep their mark until changed. */
	let kept: AnswerValue | null = null;

	function render(): void {
		const phase = attempt.phaseOf(current);
		const verdict = current.verdict ?? 'incorrect';
		const marks =
			phase === 'answering' ? (kept ? attempt.keptMarks(exercise, kept, current.value) : null) : attempt.marksFor(exercise, current);
		const withheld = !!fields.withholdFirstWrong && phase === 'checked' && verdict !== 'correct' && current.attempts <= 1;
		fields.show({ value: current.value, marks, locked: phase !== 'answering' });

		// The verdict box: one short box above the marked items.
		box.hidden = phase === 'answering';
		const tone = phase === 'revealed' ? 'revealed' : verdict;
		box.className = `feedback feedback--${tone}`;
		box.querySelector('[data-feedback-icon]')!.textContent = icons[tone];
		box.querySelector('[data-feedback-heading]')!.textContent = say(strings, `exercise.verdict.${tone}`);
		const counted = fields.itemScore ? attempt.itemScore(exercise, current) : null;
		const score = box.querySelector<HTMLElement>('[data-feedback-score]')!;
		score.hidden = !counted;
		score.textContent = counted ? say(strings, 'exercise.score', counted) : '';
		const message = box.querySelector<HTMLElement>('[data-feedback-message]')!;
		box.setAttribute('aria-describedby', counted ? `${score.id} ${message.id}` : message.id);
		message.textContent =
			phase === 'revealed'
				? say(strings, 'exercise.feedback.revealed')
				: withheld
					? say(strings, 'exercise.feedback.firstTry')
					: (exercise.feedback?.[verdict] ?? say(strings, `exercise.feedback.${verdict}`));
		const reread = box.querySelector<HTMLElement>('[data-feedback-reread]');
		if (reread) reread.hidden = verdict === 'correct';

		// "Waarom?": the reasons of the marked items, behind one disclosure; only in the page when shown.
		const reasons = $<HTMLDetailsElement>('[data-reasons]');
		if (reasons) {
			const items = phase !== 'answering' && !withheld ? reasonsOf(fields.items).filter((item) => marks?.[item.id]) : [];
			const key = items.map((item) => item.id).join(' ');
			if (reasons.dataset.shown !== key) {
				reasons.dataset.shown = key;
				reasons.querySelector('ul')!.replaceChildren(
					...items.map((item) => {
						const li = document.createElement('li');
						const name = document.createElement('strong');
						name.textContent = `${item.text}:`;
						li.append(name, ` ${item.reason}`);
						return li;
					})
				);
			}
			if (!items.length) reasons.open = false;
			reasons.hidden = !items.length;
		}

		buttons.check.hidden = phase !== 'answering';
		buttons.retry.hidden = phase === 'answering';
		buttons.reveal.hidden = !(phase === 'checked' && verdict !== 'correct');
	}

	function tellOpen(text: string): void {
		// Empty first, so the same message is announced again on a second press.
		open.textContent = '';
		open.classList.remove('scored__open--shown');
		if (!text) return;
		setTimeout(() => {
			open.textContent = text;
			open.classList.add('scored__open--shown');
		}, 0);
	}

	function commit(next: AnswerRecord): void {
		current = next;
		store.save(exercise.id, next);
		render();
	}

	// A checked answer is read-only: a click on a control changes nothing (not disabled: readable).
	form.addEventListener('click', (event) => {
		if (attempt.phaseOf(current) !== 'answering' && event.target instanceof HTMLInputElement) event.preventDefault();
	});
	function set(value: AnswerValue): void {
		if (attempt.phaseOf(current) !== 'answering') return;
		tellOpen('');
		commit(attempt.change(current, value, new Date()));
	}
	form.addEventListener('change', (event) => {
		if (attempt.phaseOf(current) !== 'answering') return render();
		const value = fields.read(event.target, current.value);
		if (value) set(value);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const outcome = attempt.submit(exercise, current, new Date());
		if ('open' in outcome) return tellOpen(fields.openMessage(outcome.open));
		kept = null;
		tellOpen('');
		commit(outcome.record);
		show(box);
	});
	buttons.retry.addEventListener('click', () => {
		const wasRight = current.verdict === 'correct';
		const revealed = current.revealed === true;
		commit(attempt.retry(exercise, current, new Date()));
		kept = revealed ? null : current.value;
		render();
		tellOpen(revealed || wasRight ? '' : say(strings, 'exercise.retried'));
		form.querySelector<HTMLElement>('fieldset :is(input, select, textarea, button)')?.focus();
	});
	buttons.reveal.addEventListener('click', () => {
		commit(attempt.reveal(exercise, current, new Date()));
		show(box);
	});

	// The saved record may change in another tab or by a merge with the server copy: take it when newer.
	store.subscribe(() => {
		const incoming = store.get(exercise.id);
		if (!attempt.isNewer(incoming, current)) return;
		current = attempt.restore(exercise, incoming);
		kept = null;
		tellOpen('');
		render();
	});
	render();
	return { set };
}

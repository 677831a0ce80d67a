// Sorting in the browser, without dragging. Press a card (aria-pressed): right under it the bar
// "Leg op: <stapel>" appears and takes focus, so on a phone the piles to choose are on screen at
// once; pressing one moves the card, and focus goes to the next card to sort. Two taps a card. By
// keyboard the cards are one stop (roving tabindex: arrow keys, Home and End move between them);
// Enter or Space chooses, the arrow keys move within the bar, Escape lets go. After checking the
// cards are shown read-only, each with its mark. The shared scored base does the rest.
import type { ExerciseIslandProps } from '../core/island-props';
import { enhanceScored, show, showMark, type AnswerStore } from '../core/scored';
import { say } from '../core/strings';
import type { AnswerValue } from '../core/types';
import type { SortingExercise } from './schema';

const placedIn = (value: AnswerValue): Record<string, string> => (value.type === 'sorting' ? value.placed : {});

export function enhance(element: HTMLElement, props: ExerciseIslandProps<SortingExercise>, store: AnswerStore): void {
	const { exercise, strings } = props;
	const form = element.querySelector<HTMLFormElement>('form[data-scored]')!;
	const board = form.querySelector<HTMLElement>('.board')!;
	const bar = board.querySelector<HTMLElement>('.place-bar')!;
	/** The bar's buttons, one per pile and "Nog te sorteren"; only those that move the card are in it. */
	const places = [...bar.querySelectorAll<HTMLElement>('[data-place]')];
	const status = board.querySelector<HTMLElement>('.status')!;
	const items = new Map(exercise.cards.map((c) => [c.id, board.querySelector<HTMLElement>(`[data-card-item="${c.id}"]`)!]));
	const cardButton = (id: string) => items.get(id)!.querySelector<HTMLButtonElement>('button.card')!;
	const areas = [...board.querySelectorAll<HTMLElement>('.area[data-pile]')];
	const cardText = (id: string) => exercise.cards.find((c) => c.id === id)?.text ?? id;
	const pileLabel = (id: string) => exercise.piles.find((p) => p.id === id)?.label ?? id;

	let placed: Record<string, string> = {};
	let locked = false;
	let selected: string | null = null;
	/** The card that is the exercise's one tab stop. */
	let active: string | null = null;

	/** The cards in the order they are shown: still to sort first, then pile by pile. */
	const inOrder = () => [
		...exercise.cards.filter((c) => !placed[c.id]),
		...exercise.piles.flatMap((p) => exercise.cards.filter((c) => placed[c.id] === p.id))
	];

	function announce(text: string): void {
		status.textContent = text;
	}

	/** Lay the board out for `placed`: each card in its area, the bar under the chosen card. */
	function layout(marks: Record<string, string> | null): void {
		for (const area of areas) {
			const pile = area.dataset.pile ?? '';
			const list = area.querySelector('ul')!;
			const cards = exercise.cards.filter((c) => (placed[c.id] ?? '') === pile);
			list.replaceChildren(...cards.map((c) => items.get(c.id)!));
			list.hidden = !cards.length;
			const empty = area.querySelector<HTMLElement>('.empty')!;
			// Once checked every card lies on a pile: the empty "Nog te sorteren" would only add length.
			if (!pile) area.hidden = locked && !cards.length;
			empty.hidden = !!cards.length || (locked && !!pile);
		}
		const order = inOrder().map((c) => c.id);
		const tabStop = active && order.includes(active) ? active : order[0];
		for (const card of exercise.cards) {
			const item = items.get(card.id)!;
			const button = cardButton(card.id);
			const result = item.querySelector<HTMLElement>('[data-card-result]')!;
			const mark = marks?.[card.id] as Parameters<typeof showMark>[2];
			button.hidden = locked;
			result.hidden = !locked;
			button.tabIndex = tabStop === card.id ? 0 : -1;
			button.setAttribute('aria-pressed', String(selected === card.id));
			// One mark per card, in whichever of the two is shown (none left in the hidden one).
			showMark(button.querySelector<HTMLElement>('[data-mark-for]')!, strings, locked ? undefined : mark);
			showMark(result.querySelector<HTMLElement>('[data-mark-for]')!, strings, locked ? mark : undefined);
			if (mark) result.dataset.mark = mark;
			else delete result.dataset.mark;
		}
		bar.hidden = !selected || locked;
		if (selected && !locked) {
			items.get(selected)!.append(bar);
			bar.setAttribute('aria-label', say(strings, 'exercise.sorting.choosePile', { card: cardText(selected) }));
			const card = selected;
			bar.replaceChildren(...places.filter((button) => (button.dataset.place ? placed[card] !== button.dataset.place : !!placed[card])));
		}
		status.hidden = locked;
	}

	let lastMarks: Record<string, string> | null = null;
	const scored = enhanceScored(
		element,
		props,
		{
			exercise,
			items: exercise.cards,
			itemScore: true,
			show(state) {
				// A new answer from elsewhere (a check, a retry, another tab): the last announcement is stale.
				if (state.value.type === 'sorting' && state.value.placed !== placed) announce('');
				placed = placedIn(state.value);
				locked = state.locked;
				if (locked) selected = null;
				lastMarks = state.marks;
				layout(state.marks);
			},
			read: () => null,
			openMessage: (count) => say(strings, count === 1 ? 'exercise.open.sorting.one' : 'exercise.open.sorting.other', { count })
		},
		store
	);

	function select(id: string): void {
		active = id;
		selected = selected === id ? null : id;
		layout(lastMarks);
		announce(say(strings, selected ? 'exercise.sorting.selected' : 'exercise.sorting.deselected', { card: cardText(id) }));
		if (!selected) return;
		// First the bar's last visible button into view, then focus on its first: the whole bar is on screen.
		const buttons = [...bar.querySelectorAll<HTMLElement>('button')];
		buttons.at(-1)?.scrollIntoView({ block: 'nearest' });
		show(buttons[0]);
	}

	function letGo(): void {
		const card = selected;
		if (!card) return;
		selected = null;
		layout(lastMarks);
		announce(say(strings, 'exercise.sorting.deselected', { card: cardText(card) }));
		show(cardButton(card));
	}

	/** Put the chosen card on `pile` ('' : back to "Nog te sorteren"). */
	function move(pile: string): void {
		const card = selected;
		if (!card) return;
		const next = { ...placed };
		if (pile) next[card] = pile;
		else delete next[card];
		selected = null;
		const target = exercise.cards.find((c) => !next[c.id])?.id ?? card;
		active = target;
		// The answer's own object, so show() knows this announcement belongs to it.
		placed = next;
		scored.set({ type: 'sorting', placed: next });
		announce(
			pile
				? say(strings, 'exercise.sorting.moved', { card: cardText(card), pile: pileLabel(pile) })
				: say(strings, 'exercise.sorting.movedBack', { card: cardText(card) })
		);
		show(cardButton(target));
	}

	board.addEventListener('click', (event) => {
		const target = event.target instanceof Element ? event.target : null;
		const place = target?.closest<HTMLElement>('[data-place]');
		if (place) return move(place.dataset.place ?? '');
		const card = target?.closest<HTMLElement>('button[data-card]');
		if (card && !locked) select(card.dataset.card!);
	});
	board.addEventListener('focusin', (event) => {
		const card = event.target instanceof HTMLElement ? event.target.dataset.card : undefined;
		if (card && event.target instanceof HTMLButtonElement) active = card;
	});
	board.addEventListener('keydown', (event) => {
		const target = event.target instanceof HTMLElement ? event.target : null;
		if (!target) return;
		if (bar.contains(target)) {
			// Arrow keys between the buttons of the bar; Escape goes back to the card.
			if (event.key === 'Escape') return letGo();
			const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
			if (!step) return;
			event.preventDefault();
			const buttons = [...bar.querySelectorAll<HTMLElement>('button')];
			const at = buttons.indexOf(target);
			buttons[(at + step + buttons.length) % buttons.length]?.focus();
			return;
		}
		const id = target.dataset.card;
		if (!id || !(target instanceof HTMLButtonElement)) return;
		// Arrow keys, Home and End between the cards; Escape lets go of the chosen card.
		if (event.key === 'Escape' && selected === id) return letGo();
		const order = inOrder().map((c) => c.id);
		const at = order.indexOf(id);
		const to =
			event.key === 'ArrowDown' || event.key === 'ArrowRight' ? Math.min(at + 1, order.length - 1)
			: event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? Math.max(at - 1, 0)
			: event.key === 'Home' ? 0
			: event.key === 'End' ? order.length - 1
			: -1;
		if (to < 0) return;
		event.preventDefault();
		active = order[to] ?? id;
		layout(lastMarks);
		show(cardButton(active));
	});
}

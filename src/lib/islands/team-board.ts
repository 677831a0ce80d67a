// The projector board (issue 11): one exercise, or one reflection exercise's approved texts, at a
// time; Vorige/Volgende (also ← and →) and "Toon resultaten", which reveals the results after the
// discussion; counters; live over the session's event stream. Learner text is set as text only.
import { fill } from '$lib/i18n/fill';
import { answeredText, participantsText, reflectionsView, resultsView } from '$lib/team/board-view';
import { facilitatorApi } from '$lib/team/api';
import { TEAM_LIMITS, type BoardState } from '$lib/team/contract';
import { loadQr } from '$lib/team/qr';
import type { IslandProps } from './props';
import { followSession } from './team-session';

export function enhance(element: HTMLElement, { items, sections, strings }: IslandProps['team-board']): void {
	const $ = <E extends HTMLElement = HTMLElement>(name: string) => element.querySelector<E>(`[data-board-${name}]`)!;
	const boardStrings = { ...strings, 'team.board.tooFew': fill(strings['team.board.tooFew'], { min: TEAM_LIMITS.minAnswers }) };
	const results = $('results');
	const show = $<HTMLButtonElement>('show');
	let state: BoardState | null = null;
	let index = 0;
	/** Items whose results were revealed: they stay revealed when the facilitator goes back. */
	const revealed = new Set<string>();

	function drawResults(): void {
		const item = items[index];
		if (!item || !state) return;
		const exercise = state.exercises.find((e) => e.id === item.id);
		const answered = $('answered');
		answered.hidden = item.kind !== 'scored';
		const count = item.kind === 'scored' ? answeredText(exercise, boardStrings) : '';
		if (answered.textContent !== count) answered.textContent = count;
		const open = revealed.has(item.id);
		results.hidden = !open;
		show.setAttribute('aria-expanded', String(open));
		show.textContent = strings[open ? 'team.board.hide' : 'team.board.show'];
		if (!open) return results.replaceChildren();
		const view =
			item.kind === 'scored'
				? resultsView(item, exercise, boardStrings, 3, false)
				: reflectionsView(state.reflections.filter((r) => r.exerciseId === item.id && r.status === 'approved'), boardStrings);
		results.replaceChildren(view);
	}

	function drawItem(focus: boolean): void {
		const item = items[index];
		if (!item) return;
		$('position').textContent = fill(strings['team.board.position'], { index: index + 1, total: items.length });
		$('section').textContent = item.section;
		$('item-title').textContent = item.title;
		$('prompt').textContent = item.prompt;
		$<HTMLButtonElement>('prev').setAttribute('aria-disabled', String(index === 0));
		$<HTMLButtonElement>('next').setAttribute('aria-disabled', String(index === items.length - 1));
		drawResults();
		if (focus) $('item-title').focus();
	}

	function draw(next: BoardState): void {
		const first = !state;
		state = next;
		$('title').textContent = next.title;
		$('code').textContent = next.joinCode;
		$('participants').textContent = participantsText(next.participants, boardStrings);
		const list = $('sections');
		list.replaceChildren(
			...sections.map((s) => {
				const li = document.createElement('li');
				const reached = next.sections.find((x) => x.path === s.path)?.reached ?? 0;
				const label = document.createElement('span');
				label.textContent = s.label;
				const count = document.createElement('span');
				count.className = 'team-board__reached';
				count.textContent = fill(strings['team.board.reached'], { reached, participants: next.participants });
				li.append(label, ' ', count);
				return li;
			})
		);
		if (first) drawItem(false);
		else drawResults();
	}

	function go(step: number): void {
		const next = Math.min(items.length - 1, Math.max(0, index + step));
		if (next === index) return;
		index = next;
		drawItem(false);
	}
	$('prev').addEventListener('click', () => go(-1));
	$('next').addEventListener('click', () => go(1));
	show.addEventListener('click', () => {
		const item = items[index];
		if (!item) return;
		if (revealed.has(item.id)) revealed.delete(item.id);
		else revealed.add(item.id);
		drawResults();
	});
	// The arrow keys page, unless a control that uses them has focus (none on the board but the page's own).
	addEventListener('keydown', (event) => {
		if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !state || $('main').hidden) return;
		const target = event.target as HTMLElement | null;
		if (target?.closest('input, textarea, select, [contenteditable]')) return;
		if (event.key === 'ArrowRight') go(1);
		else if (event.key === 'ArrowLeft') go(-1);
		else return;
		event.preventDefault();
	});

	const key = followSession(strings, $('problem'), $('main'), $('live'), draw);
	if (key) void loadQr(facilitatorApi(key), $('qr'));
}

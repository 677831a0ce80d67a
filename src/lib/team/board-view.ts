// The board's charts and reflections as DOM, shared by the board, the panel and the printable
// summary. Learner text only ever goes in through `textContent`, never as markup. Bars are HTML
// with the numbers in text: a width class in steps of 5 % (the CSP allows no inline style), and
// the bar itself is hidden from screen readers, which read the numbers.
import { fill } from '$lib/i18n/fill';
import type { BoardExercise, BoardReflection, VerdictCounts } from './contract';
import type { BoardItem } from './board-items';

export type BoardStrings = Record<
	| 'team.board.answered'
	| 'team.board.answered.one'
	| 'team.board.participants'
	| 'team.board.participants.one'
	| 'team.board.tooFew'
	| 'team.board.firstTry'
	| 'team.board.verdict.correct'
	| 'team.board.verdict.partial'
	| 'team.board.verdict.incorrect'
	| 'team.board.count'
	| 'team.board.right'
	| 'team.board.choices'
	| 'team.board.noReflections',
	string
>;

/** The width class of a bar: its share in steps of 5 %, at least a sliver when it is not zero. */
export function barClass(count: number, total: number): string {
	const share = total > 0 ? count / total : 0;
	const step = Math.min(100, Math.round((share * 100) / 5) * 5);
	return `team-bar team-bar--w${count > 0 && step === 0 ? 5 : step}`;
}

/** "4 (40 %)". */
export const percent = (count: number, total: number): number => (total > 0 ? Math.round((count / total) * 100) : 0);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

function bars(rows: { label: string; count: number; right?: boolean; rightText?: string }[], total: number, countText: string): HTMLUListElement {
	const list = el('ul', 'team-chart__rows');
	for (const row of rows) {
		const item = el('li', row.right ? 'team-chart__row team-chart__row--right' : 'team-chart__row');
		const label = el('span', 'team-chart__label', row.label);
		if (row.right && row.rightText) label.append(' ', el('strong', 'team-chart__right', row.rightText));
		const track = el('span', 'team-chart__track');
		track.setAttribute('aria-hidden', 'true');
		track.append(el('span', barClass(row.count, total)));
		item.append(label, track, el('span', 'team-chart__count', fill(countText, { count: row.count, percent: percent(row.count, total) })));
		list.append(item);
	}
	return list;
}

/** "4 antwoorden", "1 antwoord". */
export const answeredText = (state: BoardExercise | undefined, strings: BoardStrings): string =>
	state?.answered === 1 ? strings['team.board.answered.one'] : fill(strings['team.board.answered'], { count: state?.answered ?? 0 });

/** "6 deelnemers", "1 deelnemer". */
export const participantsText = (count: number, strings: BoardStrings): string => (count === 1 ? strings['team.board.participants.one'] : fill(strings['team.board.participants'], { count }));

/**
 * The results of one scored exercise: how many answered and, from the minimum on, the first
 * verdicts and the choices. Before that only "nog te weinig antwoorden".
 */
export function resultsView(item: BoardItem, state: BoardExercise | undefined, strings: BoardStrings, headingLevel = 3, withCount = true): HTMLElement {
	const box = el('div', 'team-results');
	const answered = state?.answered ?? 0;
	// The board shows the count above, also while the results are hidden.
	if (withCount) box.append(el('p', 'team-results__answered', answeredText(state, strings)));
	const tally = state?.tally;
	if (!tally) {
		box.append(el('p', 'team-results__few', strings['team.board.tooFew']));
		return box;
	}
	const heading = (text: string, level = headingLevel) => el(`h${Math.min(6, level)}` as 'h3', 'team-results__heading', text);
	const verdicts: (keyof VerdictCounts)[] = ['correct', 'partial', 'incorrect'];
	box.append(
		heading(strings['team.board.firstTry']),
		bars(
			verdicts.map((v) => ({ label: strings[`team.board.verdict.${v}`], count: tally.firstVerdicts[v] ?? 0 })),
			answered,
			strings['team.board.count']
		),
		heading(strings['team.board.choices'])
	);
	for (const group of item.groups) {
		if (group.label) box.append(heading(group.label, headingLevel + 1));
		box.append(bars(group.rows.map((r) => ({ label: r.label, count: tally.choices[r.key] ?? 0, right: r.right, rightText: strings['team.board.right'] })), answered, strings['team.board.count']));
	}
	return box;
}

/** The approved texts of one reflection exercise, as text, without names. */
export function reflectionsView(texts: BoardReflection[], strings: BoardStrings): HTMLElement {
	if (!texts.length) return el('p', 'team-results__few', strings['team.board.noReflections']);
	const list = el('ul', 'team-reflections');
	for (const r of texts) list.append(el('li', 'team-reflections__text', r.text));
	return list;
}

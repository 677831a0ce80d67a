// The printable summary (issue 11): every exercise with the team's results, and the approved
// reflections, on one page for the printer (print CSS in team.css). It follows the live state too,
// so it is up to date when printed.
import { fill } from '$lib/i18n/fill';
import { participantsText, reflectionsView, resultsView } from '$lib/team/board-view';
import { TEAM_LIMITS, type BoardState } from '$lib/team/contract';
import type { IslandProps } from './props';
import { followSession } from './team-session';

export function enhance(element: HTMLElement, { items, strings }: IslandProps['team-summary']): void {
	const $ = <E extends HTMLElement = HTMLElement>(name: string) => element.querySelector<E>(`[data-summary-${name}]`)!;
	const boardStrings = { ...strings, 'team.board.tooFew': fill(strings['team.board.tooFew'], { min: TEAM_LIMITS.minAnswers }) };

	function draw(state: BoardState): void {
		$('title').textContent = state.title;
		$('participants').textContent = participantsText(state.participants, boardStrings);
		$('items').replaceChildren(
			...items.map((item) => {
				const section = document.createElement('section');
				section.className = 'team-summary__item';
				const heading = document.createElement('h2');
				heading.textContent = item.title;
				const where = document.createElement('p');
				where.className = 'team-summary__where';
				where.textContent = item.section;
				const prompt = document.createElement('p');
				prompt.textContent = item.prompt;
				const results =
					item.kind === 'scored'
						? resultsView(item, state.exercises.find((e) => e.id === item.id), boardStrings, 3)
						: reflectionsView(state.reflections.filter((r) => r.exerciseId === item.id && r.status === 'approved'), boardStrings);
				section.append(heading, where, prompt, results);
				return section;
			})
		);
	}
	followSession(strings, $('problem'), $('main'), null, draw);
}

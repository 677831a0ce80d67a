// The facilitator's panel (issue 11): the session's facts, the shared texts to put on the board or
// keep off it, the links to the board and the summary, and ending the session, which deletes
// everything of it after a confirmation. Live over the session's event stream; learner text is set
// as text only.
import { fill } from '$lib/i18n/fill';
import { href } from '$lib/paths';
import { facilitatorApi, problemFor } from '$lib/team/api';
import { loadQr } from '$lib/team/qr';
import type { BoardReflection, BoardState } from '$lib/team/contract';
import { forgetFacilitatorKey, withKey } from '$lib/team/facilitator-key';
import type { IslandProps } from './props';
import { followSession } from './team-session';

export function enhance(element: HTMLElement, { titles, strings }: IslandProps['team-panel']): void {
	const $ = <E extends HTMLElement = HTMLElement>(name: string) => element.querySelector<E>(`[data-panel-${name}]`)!;
	const main = $('main');
	const problem = $('problem');
	let api: ReturnType<typeof facilitatorApi> | null = null;
	let ended = false;

	function shared(r: BoardReflection): HTMLLIElement {
		const li = document.createElement('li');
		li.className = `team-shared__item team-shared__item--${r.status}`;
		const about = document.createElement('p');
		about.className = 'team-shared__about';
		about.textContent = `${titles[r.exerciseId] ?? ''} · ${strings[`team.panel.status.${r.status}`]}`;
		const text = document.createElement('blockquote');
		text.className = 'team-shared__text';
		text.textContent = r.text;
		const actions = document.createElement('p');
		actions.className = 'team-actions';
		const decide = (decision: 'approve' | 'hide', label: string) => {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = decision === 'approve' ? 'etool-button' : 'etool-button etool-button--secondary';
			button.textContent = label;
			button.dataset.decision = decision;
			button.addEventListener('click', async () => {
				if (!api || button.getAttribute('aria-disabled') === 'true') return;
				button.setAttribute('aria-disabled', 'true');
				const result = await api.decide(r.id, decision);
				button.removeAttribute('aria-disabled');
				if (result.ok) {
					$('decided').textContent = `${strings[`team.panel.status.${decision === 'approve' ? 'approved' : 'hidden'}`]}: ${r.text.slice(0, 60)}`;
					draw(result.data);
				} else $('decided').textContent = strings[`team.error.${problemFor(result.status) === 'offline' ? 'offline' : 'server'}`];
			});
			return button;
		};
		if (r.status !== 'approved') actions.append(decide('approve', strings['team.panel.approve']));
		if (r.status !== 'hidden') actions.append(decide('hide', strings['team.panel.hide']));
		li.append(about, text, actions);
		return li;
	}

	function draw(state: BoardState): void {
		if (ended) return;
		$('title').textContent = state.title;
		$('participants').textContent = String(state.participants);
		$('code').textContent = state.joinCode;
		const joinUrl = new URL(`${href('/team/doe-mee')}#code=${encodeURIComponent(state.joinCode.replace('-', ''))}`, location.href).href;
		const link = document.createElement('a');
		link.href = joinUrl;
		link.textContent = joinUrl;
		$('url').replaceChildren(link);
		const date = new Date(state.expiresAt).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
		$('expires').textContent = fill(strings['team.panel.expires'], { date });
		// A text whose status did not change keeps its element, so a state arriving while the
		// facilitator clicks or tabs does not pull the button away; focus is put back if its text moved.
		const active = document.activeElement;
		const activeId = active instanceof HTMLElement ? active.closest<HTMLElement>('[data-reflection-id]')?.dataset.reflectionId : undefined;
		const list = $('shared');
		const kept = new Map([...list.children].map((li) => [(li as HTMLElement).dataset.reflectionId, li as HTMLLIElement]));
		const items = state.reflections.map((r) => {
			const old = kept.get(r.id);
			if (old && old.dataset.status === r.status) return old;
			const li = shared(r);
			li.dataset.reflectionId = r.id;
			li.dataset.status = r.status;
			return li;
		});
		if (items.length !== list.children.length || items.some((li, i) => list.children[i] !== li)) list.replaceChildren(...items);
		$('none').hidden = items.length > 0;
		if (activeId && !list.contains(document.activeElement))
			(list.querySelector<HTMLElement>(`[data-reflection-id="${CSS.escape(activeId)}"] button`) ?? document.getElementById('team-shared-title'))?.focus();
	}

	const key = followSession(strings, problem, main, $('live'), draw, () => ended);
	if (!key) return;
	api = facilitatorApi(key);
	void loadQr(api, $('qr'));
	const board = $<HTMLAnchorElement>('board');
	const summary = $<HTMLAnchorElement>('summary');
	board.href = withKey(board.href, key);
	summary.href = withKey(summary.href, key);

	const endButton = $('end');
	const confirm = $('confirm');
	endButton.addEventListener('click', () => {
		confirm.hidden = false;
		endButton.hidden = true;
		$('end-yes').focus();
	});
	$('end-no').addEventListener('click', () => {
		confirm.hidden = true;
		endButton.hidden = false;
		endButton.focus();
	});
	const yes = $('end-yes');
	yes.addEventListener('click', async () => {
		if (!api || yes.getAttribute('aria-disabled') === 'true') return;
		yes.setAttribute('aria-disabled', 'true');
		const result = await api.end();
		yes.removeAttribute('aria-disabled');
		if (!result.ok && result.status !== 404) {
			$('decided').textContent = strings[`team.error.${problemFor(result.status) === 'offline' ? 'offline' : 'server'}`];
			return;
		}
		ended = true;
		forgetFacilitatorKey();
		main.hidden = true;
		problem.textContent = strings['team.panel.ended'];
		problem.tabIndex = -1;
		problem.focus();
	});
}

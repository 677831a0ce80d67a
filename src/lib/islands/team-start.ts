// "Teamsessie starten" (issue 11): check the title as typed, create the session, then show the
// facilitator link once (with its warning and a copy button), the join code, its link and QR code.
// The facilitator key is kept for this tab, so "Open het bord" and "Beheer de sessie" work at once.
import { fill } from '$lib/i18n/fill';
import { createSession, problemFor } from '$lib/team/api';
import { titleProblem, TEAM_LIMITS } from '$lib/team/contract';
import { withKey } from '$lib/team/facilitator-key';
import { teamForm } from '$lib/team/form';
import { showQr } from '$lib/team/qr';
import type { IslandProps } from './props';

export function enhance(element: HTMLElement, { strings }: IslandProps['team-start']): void {
	const $ = <E extends HTMLElement = HTMLElement>(name: string) => element.querySelector<E>(`[data-start-${name}]`)!;
	const form = $<HTMLFormElement>('form');
	teamForm<string>(form, $('status'), strings['team.start.busy'], {
		check(typed) {
			const title = typed.trim();
			const wrong = titleProblem(title);
			return wrong ? { problem: fill(strings[`team.text.${wrong}`], { max: wrong === 'word' ? TEAM_LIMITS.word : TEAM_LIMITS.title }) } : { value: title };
		},
		async send(title) {
			const result = await createSession(title);
			if (!result.ok) {
				const which = problemFor(result.status);
				return result.status === 400 && result.message ? result.message : strings[`team.error.${which === 'unknown' || which === 'full' ? 'server' : which}`];
			}
			const created = result.data;
			const board = $<HTMLAnchorElement>('board');
			const panel = $<HTMLAnchorElement>('panel');
			board.href = withKey(board.href, created.facilitatorKey);
			panel.href = withKey(panel.href, created.facilitatorKey);
			// The facilitator link is the panel's: from there the board and the summary are one click away.
			const key = $<HTMLInputElement>('key');
			key.value = panel.href;
			$('code').textContent = created.joinCode;
			const link = document.createElement('a');
			link.href = created.joinUrl;
			link.textContent = created.joinUrl;
			$('url').replaceChildren(link);
			showQr($('qr'), created.qrSvg);
			const done = $('done');
			done.textContent = fill(strings['team.start.done'], { title: created.title });
			form.hidden = true;
			$('result').hidden = false;
			done.focus();
		}
	});

	$('copy').addEventListener('click', async () => {
		const key = $<HTMLInputElement>('key');
		const said = $('copied');
		try {
			await navigator.clipboard.writeText(key.value);
			said.textContent = strings['team.key.copied'];
		} catch {
			key.select();
			said.textContent = strings['team.key.copyYourself'];
		}
	});
}

// "Meedoen aan een teamsessie": check the code as typed, join, and keep the membership on this
// device (`etool.team`); from the next page on, the participant's code (team/participant.ts) shows
// the marker. A code from the QR link is filled in, but joining waits for a click.
import { fill } from '$lib/i18n/fill';
import { joinSession, problemFor } from '$lib/team/api';
import { formatJoinCode, normaliseJoinCode } from '$lib/team/contract';
import { teamForm } from '$lib/team/form';
import { readMembership, writeMembership } from '$lib/team/membership';
import type { IslandProps } from './props';

export function enhance(element: HTMLElement, { strings }: IslandProps['team-join']): void {
	const $ = <E extends HTMLElement = HTMLElement>(name: string) => element.querySelector<E>(`[data-join-${name}]`)!;
	const form = element.querySelector('form')!;
	const field = form.querySelector('input')!;

	function joined(title: string, already: boolean): void {
		$('ask').hidden = true;
		$('done').hidden = false;
		$('done-text').textContent = fill(strings[already ? 'team.join.already' : 'team.join.done'], { title });
		$('done').querySelector<HTMLElement>('[tabindex]')!.focus();
	}

	teamForm<string>(form, $('status'), strings['team.join.busy'], {
		check(typed) {
			const code = normaliseJoinCode(typed);
			return code ? { value: code } : { problem: strings['team.join.invalid'] };
		},
		async send(code) {
			const result = await joinSession(code);
			if (!result.ok) {
				const which = problemFor(result.status);
				return which === 'unknown' ? strings['team.join.unknown'] : strings[`team.error.${which}`];
			}
			const { participantKey, title, code: joinedCode } = result.data;
			if (!writeMembership({ key: participantKey, title, code: joinedCode })) return strings['team.join.storage'];
			joined(title, false);
			// The marker and the reporting start on this page already, not only on the next.
			void import('$lib/team/participant');
		}
	});

	// Already in a session on this device: say so (the marker offers "Verlaten").
	const current = readMembership();
	if (current) joined(current.title, true);

	// A code from the QR link (`#code=…`): filled in, out of the address bar at once.
	function fromLink(): void {
		const raw = new URLSearchParams(location.hash.replace(/^#/, '')).get('code');
		if (!raw) return;
		history.replaceState(history.state, '', location.pathname + location.search);
		const code = normaliseJoinCode(raw.slice(0, 40));
		field.value = code ? formatJoinCode(code) : raw.slice(0, 40);
		$('intro').textContent = strings['team.join.fromLink'];
		if (!readMembership()) field.focus();
	}
	fromLink();
	addEventListener('hashchange', fromLink);
}

// What the facilitator's pages (panel, board, summary) share: the key from the link, the session's
// live state over the event stream, and what to say when there is no key, the session is unknown
// or it ended. Each page only draws the state.
import { href } from '$lib/paths';
import type { BoardState } from '$lib/team/contract';
import { facilitatorKey, forgetFacilitatorKey } from '$lib/team/facilitator-key';
import { follow, type StreamState } from '$lib/team/stream';

export interface SessionStrings {
	'team.error.noKey': string;
	'team.error.unknown': string;
	'team.board.connecting': string;
	'team.board.live': string;
	'team.board.lost': string;
	'team.board.ended': string;
}

/**
 * Follow the session of this page's key. `problem` gets the sentence when there is nothing to show
 * (no key, unknown session, ended); `live` the line's state, in words. Returns the key, or null.
 */
export function followSession(
	strings: SessionStrings,
	problem: HTMLElement,
	main: HTMLElement,
	live: HTMLElement | null,
	draw: (state: BoardState) => void,
	/** The session ended; return true when the page said so itself. */
	onEnded: () => boolean = () => false
): string | null {
	const key = facilitatorKey();
	if (!key) {
		problem.textContent = strings['team.error.noKey'];
		return null;
	}
	let seen = false;
	follow(
		href('/api/team/session/events'),
		key,
		(event) => {
			if (event.event !== 'state') return;
			try {
				draw(JSON.parse(event.data) as BoardState);
			} catch {
				return;
			}
			if (!seen) {
				seen = true;
				main.hidden = false;
				problem.textContent = '';
			}
		},
		(state: StreamState) => {
			if (state === 'ended') {
				forgetFacilitatorKey();
				if (onEnded()) return;
				main.hidden = true;
				problem.textContent = strings[seen ? 'team.board.ended' : 'team.error.unknown'];
				return;
			}
			if (live) {
				const text = strings[`team.board.${state}`];
				if (live.textContent !== text) live.textContent = text;
				live.classList.toggle('team-live--lost', state === 'lost');
			}
		}
	);
	return key;
}

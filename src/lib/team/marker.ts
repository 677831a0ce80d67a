// "Je doet mee aan teamsessie ‘…’" with "Verlaten": right under the header on every page while this
// device is in a session. It is only added for a participant, so nobody else sees anything move.
// Leaving asks once more (shared texts leave the board with you); an ended session is forgotten
// and said once, calmly, with a button to close the notice.
import { fill } from '$lib/i18n/fill';
import type { ParticipantStrings } from './participant-strings';

function button(text: string, secondary = false): HTMLButtonElement {
	const b = document.createElement('button');
	b.type = 'button';
	b.className = secondary ? 'etool-button etool-button--secondary' : 'etool-button';
	b.textContent = text;
	return b;
}

const para = (text: string, className = '') => Object.assign(document.createElement('p'), { textContent: text, className });

export interface Marker {
	/** Replace the marker by a notice (left, or the session ended) that the learner can close. */
	notice(text: string, takeFocus?: boolean): void;
}

/** Put the marker on the page; `leave` resolves true when the server let the participant go. */
export function showMarker(root: Document, title: string, strings: ParticipantStrings, leave: () => Promise<boolean>): Marker {
	const box = root.createElement('div');
	box.className = 'team-marker';
	box.setAttribute('role', 'region');
	box.setAttribute('aria-label', strings['team.marker.label']!);
	const inner = root.createElement('div');
	inner.className = 'team-marker__inner';
	box.append(inner);

	const text = para(fill(strings['team.marker']!, { title }), 'team-marker__text');
	const leaveButton = button(strings['team.leave']!, true);
	const confirm = root.createElement('div');
	confirm.className = 'team-marker__confirm';
	confirm.hidden = true;
	const yes = button(strings['team.leave.yes']!);
	const no = button(strings['team.leave.no']!, true);
	const actions = root.createElement('div');
	actions.className = 'team-marker__actions';
	actions.append(yes, no);
	const question = para(strings['team.leave.confirm']!);
	question.id = 'team-leave-question';
	confirm.append(question, actions);
	yes.setAttribute('aria-describedby', question.id);
	const status = para('', 'team-marker__status');
	status.setAttribute('role', 'status');
	inner.append(text, leaveButton, confirm, status);

	leaveButton.addEventListener('click', () => {
		confirm.hidden = false;
		leaveButton.hidden = true;
		yes.focus();
	});
	no.addEventListener('click', () => {
		confirm.hidden = true;
		leaveButton.hidden = false;
		leaveButton.focus();
	});
	let busy = false;
	yes.addEventListener('click', async () => {
		if (busy) return;
		busy = true;
		yes.setAttribute('aria-disabled', 'true');
		status.textContent = strings['team.leave.busy']!;
		const left = await leave();
		busy = false;
		yes.removeAttribute('aria-disabled');
		if (left) marker.notice(strings['team.left']!, true);
		else status.textContent = strings['team.leave.failed']!;
	});

	const header = root.querySelector('.site-header');
	if (header) header.after(box);
	else root.body.prepend(box);

	const marker: Marker = {
		notice(message, takeFocus = false) {
			const close = button(strings['team.dismiss']!, true);
			const said = para(message, 'team-marker__text');
			said.setAttribute('role', 'status');
			inner.replaceChildren(said, close);
			box.classList.add('team-marker--notice');
			close.addEventListener('click', () => {
				box.remove();
				root.querySelector<HTMLElement>('main')?.focus();
			});
			// Focus follows only when the learner did it (left); an ended session is said without moving it.
			if (takeFocus) close.focus();
		}
	};
	return marker;
}

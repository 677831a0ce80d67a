// "Delen met het team" under a reflection, for a participant: off until the learner chooses it, with
// a preview of exactly the text the board would show (the saved answer, as the contract tidies it),
// its status (waiting for the facilitator, on the board, hidden) and "Intrekken". Nothing is sent
// before the learner presses Delen; a changed answer is not shared again by itself.
import { fill } from '$lib/i18n/fill';
import type { ProgressStore } from '$lib/progress/progress';
import { reflectionProblem, TEAM_LIMITS, teamText, type ReflectionStatus } from './contract';
import type { ParticipantStrings } from './participant-strings';

export interface Shared {
	text: string;
	status: ReflectionStatus;
}

export interface ShareCalls {
	share(exerciseId: string, text: string): Promise<boolean>;
	withdraw(exerciseId: string): Promise<boolean>;
}

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
	const node = document.createElement(tag);
	node.className = className;
	node.textContent = text;
	return node;
};

/** Add the control to one reflection exercise; `shared` is what the server holds now, if anything. */
export function enhanceShare(exercise: HTMLElement, exerciseId: string, store: ProgressStore, strings: ParticipantStrings, calls: ShareCalls, initial: Shared | null): void {
	const form = exercise.querySelector('form[data-reflection]');
	if (!form) return;
	let shared = initial;
	const box = make('section', 'team-share');
	const heading = make('h3', 'team-share__title', strings['team.share.title']);
	heading.id = `team-share-${exerciseId}`;
	box.setAttribute('aria-labelledby', heading.id);
	const intro = make('p', '', strings['team.share.intro']);
	const previewLabel = make('p', 'team-share__label', strings['team.share.preview']);
	const preview = make('blockquote', 'team-share__preview');
	const note = make('p', 'team-share__note');
	const actions = make('div', 'team-share__actions');
	const shareButton = make('button', 'etool-button');
	shareButton.type = 'button';
	const withdrawButton = make('button', 'etool-button etool-button--secondary', strings['team.share.withdraw']);
	withdrawButton.type = 'button';
	actions.append(shareButton, withdrawButton);
	const status = make('p', 'team-share__status');
	status.setAttribute('role', 'status');
	box.append(heading, intro, previewLabel, preview, note, actions, status);
	form.after(box);

	/** The saved answer as the board would show it ('' before the first "Opslaan"). */
	function savedText(): string {
		const record = store.get().progress.answers[exerciseId];
		return record && record.attempts > 0 && record.value.type === 'reflection' ? teamText(record.value.text) : '';
	}

	function render(): void {
		const text = savedText();
		const problem = text ? reflectionProblem(text) : null;
		previewLabel.hidden = preview.hidden = !text;
		preview.textContent = text;
		const notes: string[] = [];
		if (!text) notes.push(strings['team.share.none']!);
		else if (problem && problem !== 'empty') notes.push(fill(strings[`team.text.${problem}`] ?? '', { max: problem === 'word' ? TEAM_LIMITS.word : TEAM_LIMITS.text }));
		if (shared && text && shared.text !== text) notes.push(strings['team.share.changed']!);
		note.textContent = notes.join(' ');
		note.hidden = !notes.length;
		shareButton.textContent = strings[shared ? 'team.share.update' : 'team.share.button']!;
		// Sharing again the same text is nothing new.
		shareButton.hidden = !text || !!problem || shared?.text === text;
		withdrawButton.hidden = !shared;
	}

	function say(text: string): void {
		status.textContent = text;
	}
	const statusText = (s: Shared | null) => (s ? strings[`team.share.status.${s.status}`]! : '');

	let busy = false;
	async function act(work: () => Promise<boolean>, after: () => void, focusAfter: HTMLElement): Promise<void> {
		if (busy) return;
		busy = true;
		say(strings['team.share.busy']!);
		const ok = await work();
		busy = false;
		if (!ok) return say(strings['team.share.failed']!);
		after();
		render();
		// The button pressed may be hidden now: keep focus on something that is there.
		(focusAfter.hidden ? heading : focusAfter).focus();
	}
	heading.tabIndex = -1;

	shareButton.addEventListener('click', () => {
		const text = savedText();
		void act(
			() => calls.share(exerciseId, text),
			() => {
				shared = { text, status: 'pending' };
				say(statusText(shared));
			},
			withdrawButton
		);
	});
	withdrawButton.addEventListener('click', () => {
		void act(
			() => calls.withdraw(exerciseId),
			() => {
				shared = null;
				say(strings['team.share.withdrawn']!);
			},
			shareButton
		);
	});
	store.subscribe(render);
	say(statusText(shared));
}

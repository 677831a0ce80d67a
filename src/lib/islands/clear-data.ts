// "Wis mijn gegevens" in plain TypeScript: ask once more, then wipe the device copy at once and the
// server copy (if any) after a request, and say how that ended. Focus follows each step, so a
// keyboard or screen-reader user is never left on a button that went away.
import { browserProgress, onSync } from '$lib/progress/browser';
import type { DeleteResult } from '$lib/progress/progress';
import type { IslandProps } from './props';

export function enhance(element: HTMLElement, { strings }: IslandProps['clear-data']): void {
	const $ = <E extends HTMLElement>(name: string) => element.querySelector<E>(`[data-clear-${name}]`)!;
	const start = $<HTMLButtonElement>('start');
	const confirm = $('confirm');
	const status = $('status');
	const messages: Record<DeleteResult | 'busy', string> = {
		off: strings['clear.done'],
		busy: strings['sync.clear.busy'],
		done: strings['sync.clear.done'],
		pending: strings['sync.clear.pending'],
		failed: strings['sync.clear.failed']
	};
	let enabled: boolean | null = null;
	onSync((state) => {
		enabled = state.enabled;
		// With a server the copy there goes too, and the introduction says so.
		if (enabled) $('intro').textContent = strings['sync.clear.intro'];
	});

	function ask(asking: boolean): void {
		confirm.hidden = !asking;
		start.hidden = asking;
	}
	function say(result: DeleteResult | 'busy' | null): void {
		status.textContent = result ? messages[result] : '';
		status.classList.toggle('clear-data__status--warning', result === 'pending' || result === 'failed');
	}
	start.addEventListener('click', () => {
		ask(true);
		say(null);
		$('yes').focus();
	});
	$('no').addEventListener('click', () => {
		ask(false);
		start.focus();
	});
	$('yes').addEventListener('click', async () => {
		const server = browserProgress.clear();
		ask(false);
		say(enabled === false ? 'off' : 'busy');
		status.focus();
		say(await server);
	});
}

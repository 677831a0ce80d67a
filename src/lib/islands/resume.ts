// "Verder op een ander apparaat" in plain TypeScript: make a code here (resume-make), or enter one
// made elsewhere (resume-enter). The server renders both; without a server (a static export) only
// the sentence that says so stays.
import { loadSync, onSync } from '$lib/progress/browser';
import { codeFromHash } from '$lib/progress/resume-code';
import type { IslandProps } from './props';
import { enhanceEnter } from './resume-enter';
import { enhanceMake } from './resume-make';

export function enhance(element: HTMLElement, { strings }: IslandProps['resume']): void {
	const make = element.querySelector<HTMLElement>('[data-resume-make]')!;
	const enter = element.querySelector<HTMLElement>('[data-resume-enter]')!;
	const parts = element.querySelector<HTMLElement>('[data-resume-parts]')!;
	const sync = loadSync();
	enhanceMake(make, strings, () => sync.then((s) => s.createCode()));
	const enterCode = enhanceEnter(enter, strings, (code) => sync.then((s) => s.redeemCode(code)));
	onSync(({ enabled }) => {
		if (enabled !== false) return;
		const note = element.querySelector<HTMLElement>('[data-resume-static]')!;
		note.textContent = strings['resume.error.static'];
		note.hidden = false;
		parts.hidden = true;
	});

	// A code from a link (`#code=…`): entering it is then the first thing on screen. Out of the
	// address bar and the history right away, so it is not shared with a screenshot. A link opened
	// while this page is already open only changes the fragment: hashchange reads that one too.
	function fromLink(): void {
		const code = codeFromHash(location.hash);
		if (!code) return;
		history.replaceState(history.state, '', location.pathname);
		make.before(enter);
		enterCode(code);
	}
	fromLink();
	addEventListener('hashchange', fromLink);
}

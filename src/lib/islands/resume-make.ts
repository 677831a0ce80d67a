// "Maak een code": one button throughout, so focus stays on it when the code appears; the status
// line spells the code out for a screen reader.
import type { ResumeCode } from '$lib/progress/api';
import { problemFor, qrDataUrl, spellCode } from '$lib/progress/resume-code';
import type { CallResult } from '$lib/progress/server-sync';
import { fill } from './page-data';
import type { IslandStrings } from './props';

export function enhanceMake(section: HTMLElement, strings: IslandStrings<'resume'>, createCode: () => Promise<CallResult<ResumeCode>>): void {
	const $ = (name: string) => section.querySelector<HTMLElement>(`[data-make-${name}]`)!;
	const button = $('button');
	const status = $('status');
	let busy = false;

	function show(code: ResumeCode): void {
		$('groups').replaceChildren(
			...code.code.split('-').flatMap((group, i) => {
				const span = document.createElement('span');
				span.className = 'resume-make__group';
				span.textContent = group;
				return i ? ['-', span] : [span];
			})
		);
		$('spelled').textContent = spellCode(code.code);
		const url = $('url');
		url.hidden = !/^https?:\/\//.test(code.url);
		const link = document.createElement('a');
		link.href = code.url;
		link.textContent = code.url;
		url.replaceChildren(link);
		const qr = $('qr');
		const img = document.createElement('img');
		img.className = 'resume-make__qr';
		img.src = qrDataUrl(code.qrSvg);
		img.alt = qr.dataset.alt ?? '';
		qr.replaceChildren(img);
		const once = $('once');
		once.hidden = !code.expiresAt;
		if (code.expiresAt) {
			const time = new Date(code.expiresAt).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
			once.textContent = fill(strings['resume.code.once'], { time });
		}
		$('result').hidden = false;
		$('intro').hidden = true;
		button.textContent = strings['resume.make.again'];
		button.classList.add('etool-button--secondary');
	}

	function say(message: string, state: 'busy' | 'error' | 'ready'): void {
		status.textContent = message;
		status.classList.toggle('resume-make__status--error', state === 'error');
		// The spelled-out code is for screen readers; the code itself is on screen above.
		status.classList.toggle('visually-hidden', state === 'ready');
	}

	button.addEventListener('click', async () => {
		// aria-disabled, not disabled: a disabled button loses focus to <body>, and the learner with it.
		if (busy) return;
		busy = true;
		button.setAttribute('aria-disabled', 'true');
		say(strings['resume.make.busy'], 'busy');
		const result = await createCode();
		busy = false;
		button.removeAttribute('aria-disabled');
		if (result.ok) {
			show(result.data);
			say(fill(strings['resume.make.ready'], { code: spellCode(result.data.code) }), 'ready');
		} else say(strings[`resume.error.${problemFor(result.status)}`], 'error');
	});
}

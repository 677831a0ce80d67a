// "Heb je een code?": check the code as typed, warn once when this device already holds answers,
// then continue as the learner of that code and offer the way back into the e-tool.
import { browserProgress } from '$lib/progress/browser';
import { normaliseCode, problemFor, type ResumeProblem } from '$lib/progress/resume-code';
import { resumePath } from '$lib/progress/sections';
import type { CallResult } from '$lib/progress/server-sync';
import type { RemoteProgress } from '$lib/progress/sync';
import { pageSections } from './progress-view';
import type { IslandStrings } from './props';

/** Wire the form; returns the way to fill in a code from a link (which resets the form). */
export function enhanceEnter(
	section: HTMLElement,
	strings: IslandStrings<'resume'>,
	redeemCode: (code: string) => Promise<CallResult<RemoteProgress>>
): (linked: string) => void {
	const $ = <E extends HTMLElement>(name: string) => section.querySelector<E>(`[data-enter-${name}]`)!;
	const form = section.querySelector('form')!;
	const field = form.querySelector('input')!;
	const submit = $<HTMLButtonElement>('submit');
	const warning = $('warning');
	const cancel = $('cancel');
	const status = $('status');
	let confirming = false;

	function confirm(on: boolean): void {
		confirming = on;
		warning.hidden = !on;
		cancel.hidden = !on;
		submit.textContent = strings[on ? 'resume.enter.replaceConfirm' : 'resume.enter.button'];
	}
	function problem(which: ResumeProblem | 'invalid' | null): void {
		status.textContent = which ? strings[`resume.error.${which}`] : '';
		status.classList.toggle('resume-enter__status--error', !!which);
		field.setAttribute('aria-describedby', which ? 'code-uitleg code-fout' : 'code-uitleg');
		if (which) field.setAttribute('aria-invalid', 'true');
		else field.removeAttribute('aria-invalid');
	}

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		if (submit.disabled) return;
		const code = normaliseCode(field.value);
		problem(code ? null : 'invalid');
		if (!code) return field.focus();
		if (Object.keys(browserProgress.get().progress.answers).length > 0 && !confirming) {
			confirm(true);
			return warning.focus();
		}
		confirm(false);
		submit.disabled = true;
		status.textContent = strings['resume.enter.busy'];
		const result = await redeemCode(code);
		submit.disabled = false;
		if (!result.ok) {
			problem(problemFor(result.status));
			return field.focus();
		}
		status.textContent = '';
		const sections = pageSections(document);
		const next = sections.find((s) => s.path === resumePath(sections, browserProgress.get().progress));
		const link = $<HTMLAnchorElement>('next');
		if (next) {
			link.href = next.href;
			link.textContent = strings['resume.done.continue'];
		}
		$('ask').hidden = true;
		$('done').hidden = false;
		$<HTMLElement>('done').querySelector<HTMLElement>('[tabindex]')!.focus();
	});
	cancel.addEventListener('click', () => {
		confirm(false);
		field.focus();
	});

	return (linked) => {
		confirm(false);
		problem(null);
		$('ask').hidden = false;
		$('done').hidden = true;
		field.value = linked;
		$('intro').textContent = strings['resume.enter.fromLink'];
	};
}

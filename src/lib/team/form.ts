// The one-field forms of the team pages ("Teamsessie starten", "Meedoen"): what they share around
// their request. While it runs the button says so (aria-disabled, a second submit does nothing) and
// the status line says what happens; a problem is shown in the status line, tied to the field
// (aria-invalid, aria-describedby next to the field's own hint), and the field gets the focus back.

/** What the form checks and sends; both return the problem to show, or nothing when all is well. */
export interface TeamFormSteps<V> {
	/** The typed value, checked before anything is sent: `{ value }`, or `{ problem }`. */
	check(typed: string): { value: V } | { problem: string };
	/** Send it and act on the answer; the status line is cleared first when this returns no problem. */
	send(value: V): Promise<string | undefined>;
}

export function teamForm<V>(form: HTMLFormElement, status: HTMLElement, busyText: string, steps: TeamFormSteps<V>): void {
	const field = form.querySelector('input')!;
	const submit = form.querySelector('button')!;
	const hint = field.getAttribute('aria-describedby') ?? '';
	let busy = false;

	function problem(text: string | null): void {
		status.textContent = text ?? '';
		status.classList.toggle('team-status--error', !!text);
		if (text) field.setAttribute('aria-invalid', 'true');
		else field.removeAttribute('aria-invalid');
		field.setAttribute('aria-describedby', text ? `${hint} ${status.id}` : hint);
	}

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		if (busy) return;
		const checked = steps.check(field.value);
		if ('problem' in checked) {
			problem(checked.problem);
			return field.focus();
		}
		busy = true;
		submit.setAttribute('aria-disabled', 'true');
		problem(null);
		status.textContent = busyText;
		let wrong: string | undefined;
		try {
			wrong = await steps.send(checked.value);
		} finally {
			busy = false;
			submit.removeAttribute('aria-disabled');
		}
		if (wrong) {
			problem(wrong);
			return field.focus();
		}
		status.textContent = '';
	});
}

// Tabs as an enhancement of server-rendered markup: without JavaScript, and on a narrow screen,
// every panel shows under its own heading (stacked, as GOV.UK does below 641 px: a tab row that
// wraps into two or three rows looks broken). On a wider screen the headings become a tab list
// (WAI-ARIA tabs pattern, arrow keys); turning the phone or resizing switches between the two.

/** From this width the tab row fits without wrapping into broken rows. */
const WIDE = '(min-width: 48rem)';

export function enhanceTabs(root: ParentNode): void {
	const wide = matchMedia(WIDE);
	const all = [...root.querySelectorAll<HTMLElement>('.tabs[data-tabs]')];
	let undo: (() => void)[] = [];
	const apply = () => {
		undo.forEach((u) => u());
		undo = wide.matches ? all.map(enhance) : [];
	};
	wide.addEventListener('change', apply);
	apply();
}

/** Turn one set of panels into tabs; returns the function that puts the stacked version back. */
function enhance(tabs: HTMLElement): () => void {
	const panels = [...tabs.querySelectorAll<HTMLElement>(':scope > .tabs__panel')];
	const label = tabs.querySelector<HTMLElement>(':scope > .tabs__label');
	if (panels.length < 2 || !label) return () => {};
	const list = document.createElement('div');
	list.className = 'tabs__list';
	list.setAttribute('role', 'tablist');
	list.setAttribute('aria-labelledby', label.id);
	const headings = panels.map((panel) => panel.querySelector<HTMLElement>(':scope > .tabs__heading'));
	const buttons = panels.map((panel, i) => {
		const button = document.createElement('button');
		button.type = 'button';
		button.id = `${panel.id}-tab`;
		button.setAttribute('role', 'tab');
		button.setAttribute('aria-controls', panel.id);
		button.textContent = headings[i]?.textContent ?? String(i + 1);
		headings[i]?.setAttribute('hidden', '');
		panel.setAttribute('role', 'tabpanel');
		panel.setAttribute('aria-labelledby', button.id);
		panel.tabIndex = 0;
		list.append(button);
		return button;
	});

	function select(index: number, focus: boolean): void {
		buttons.forEach((button, i) => {
			const on = i === index;
			button.setAttribute('aria-selected', String(on));
			button.tabIndex = on ? 0 : -1;
			panels[i]!.hidden = !on;
		});
		if (focus) buttons[index]!.focus();
	}

	list.addEventListener('click', (event) => {
		const i = buttons.indexOf((event.target as HTMLElement).closest('button') as HTMLButtonElement);
		if (i >= 0) select(i, false);
	});
	list.addEventListener('keydown', (event) => {
		const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
		const last = buttons.length - 1;
		const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
		if (next === undefined || current < 0) return;
		event.preventDefault();
		select(next > last ? 0 : next < 0 ? last : next, true);
	});
	label.after(list);
	tabs.classList.add('tabs--enhanced');
	select(0, false);

	return () => {
		list.remove();
		tabs.classList.remove('tabs--enhanced');
		panels.forEach((panel, i) => {
			panel.hidden = false;
			panel.removeAttribute('role');
			panel.removeAttribute('aria-labelledby');
			panel.removeAttribute('tabindex');
			headings[i]?.removeAttribute('hidden');
		});
	};
}

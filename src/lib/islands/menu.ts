// The header's "Menu" on a narrow screen: a disclosure button for the site navigation. The button
// is in the HTML hidden; without JavaScript the navigation simply stays open (no-js.css).
import type { PageData } from './page-data';

export function enhanceMenu(root: Document, data: PageData): void {
	const button = root.querySelector<HTMLButtonElement>('[data-menu-button]');
	const menu = button && root.getElementById(button.getAttribute('aria-controls') ?? '');
	if (!button || !menu) return;
	const label = button.querySelector('[data-menu-label]') ?? button;
	function set(open: boolean): void {
		button!.setAttribute('aria-expanded', String(open));
		menu!.classList.toggle('site-menu--open', open);
		label.textContent = data.strings[open ? 'menu.close' : 'menu.open'];
	}
	button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
	// Escape closes the open menu and puts focus back on its button.
	menu.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
			set(false);
			button.focus();
		}
	});
}

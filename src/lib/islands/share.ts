// "Deel deze e-tool" without a framework: the share sheet where there is one, else copy the link,
// else show the link to copy by hand. The button is in the HTML hidden until this runs.
import { fill, type PageData } from './page-data';

export function enhanceShare(root: Document, data: PageData): void {
	for (const box of root.querySelectorAll<HTMLElement>('[data-share]')) {
		const button = box.querySelector('button');
		const status = box.querySelector('[role="status"]');
		if (!button || !status) continue;
		const title = box.dataset.share ?? '';
		button.addEventListener('click', async () => {
			// The e-tool's start page, wherever it is hosted: the header's title link points there.
			const url = root.querySelector<HTMLAnchorElement>('.site-header__title')?.href ?? new URL('/', location.href).href;
			status.textContent = '';
			if (navigator.share) {
				try {
					return await navigator.share({ title, text: fill(data.strings['share.text'] ?? '', { title }), url });
				} catch (error) {
					// The learner closed the share sheet: nothing to say.
					if (error instanceof DOMException && error.name === 'AbortError') return;
				}
			}
			try {
				await navigator.clipboard.writeText(url);
				status.textContent = fill(data.strings['share.copied'] ?? '', { url });
			} catch {
				// No clipboard access (old browser, no permission): show the link to copy by hand.
				let input = box.querySelector('input');
				if (!input) {
					const label = root.createElement('label');
					label.className = 'share__fallback';
					label.textContent = data.strings['share.linkLabel'] ?? '';
					input = root.createElement('input');
					input.type = 'text';
					input.readOnly = true;
					label.append(input);
					status.before(label);
				}
				input.value = url;
				status.textContent = data.strings['share.copyYourself'] ?? '';
				input.select();
			}
		});
	}
}

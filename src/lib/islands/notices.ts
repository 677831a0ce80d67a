// The messages around the page, without a framework: a storage problem (with a button to close
// it), the save status in the header, and the footer's sentence on where answers are kept. Loaded
// only when one of them has something to say; the storage sentences come with this module.
import type { ProgressStore, StorageProblem } from '$lib/progress/progress';
import type { SyncState } from '$lib/progress/server-sync';
import problems from '$lib/i18n/nl.json?keys=storage.corrupt,storage.partial,storage.quota,storage.unavailable,storage.newer,storage.dismiss';
import type { PageData } from './page-data';
import './notices.css';

export function showNotices(root: Document, data: PageData, store: ProgressStore, onSync: (listener: (state: SyncState) => void) => void): void {
	const { strings } = data;
	const region = root.querySelector('[data-storage-notice]');
	let shown: StorageProblem = null;
	store.subscribe(({ problem }) => {
		if (!region || problem === shown) return;
		shown = problem;
		region.replaceChildren();
		if (!problem) return;
		const box = root.createElement('div');
		box.className = 'storage-notice';
		const text = root.createElement('p');
		text.textContent = problems[`storage.${problem}`] ?? '';
		const close = root.createElement('button');
		close.type = 'button';
		close.className = 'etool-button etool-button--secondary';
		close.textContent = problems['storage.dismiss'] ?? '';
		close.addEventListener('click', () => store.dismissProblem());
		box.append(text, close);
		region.append(box);
	});

	// The live region is in the HTML from the start and only its text changes, so a screen reader
	// announces a real change, once. Silent without a server: the footer then says it all.
	const status = root.querySelector<HTMLElement>('[data-sync-status]');
	const footer = root.querySelector('[data-privacy-note]');
	onSync(({ enabled, saveState }) => {
		if (status) {
			const text = enabled === false || !saveState ? '' : (strings[saveState === 'saved' ? 'sync.saved' : 'sync.waiting'] ?? '');
			if (status.textContent !== text) status.textContent = text;
			status.classList.toggle('sync-status--waiting', saveState === 'waiting');
		}
		if (footer && enabled && strings['sync.footer']) footer.textContent = strings['sync.footer'];
	});
}

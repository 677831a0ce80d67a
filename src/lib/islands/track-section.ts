import { progressStore } from '$lib/progress/store.svelte';

/**
 * On a section page: remember it as the place to resume, and count it as read once the learner
 * reaches its end (or follows "Verder naar").
 */
export function trackSection(root: Document): void {
	const path = root.querySelector<HTMLElement>('[data-section-path]')?.dataset.sectionPath;
	if (!path) return;
	progressStore.visit(path);
	const end = root.querySelector<HTMLElement>('.section-end');
	if (!end) return;
	end.addEventListener('click', (event) => {
		if ((event.target as HTMLElement).closest('a')) progressStore.reachEnd(path);
	});
	if (typeof IntersectionObserver === 'undefined') return;
	const observer = new IntersectionObserver((entries) => {
		if (entries.some((e) => e.isIntersecting)) {
			progressStore.reachEnd(path);
			observer.disconnect();
		}
	});
	observer.observe(end);
}

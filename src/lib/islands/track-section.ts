import type { ProgressStore } from '$lib/progress/progress';

/**
 * On a section page: remember it as the place to resume, and count it as read once the learner
 * reaches its end (or follows "Verder naar").
 */
export function trackSection(root: Document, store: ProgressStore): void {
	const path = root.querySelector<HTMLElement>('[data-section-path]')?.dataset.sectionPath;
	if (!path) return;
	store.visit(path);
	const end = root.querySelector<HTMLElement>('.section-end');
	if (!end) return;
	end.addEventListener('click', (event) => {
		if ((event.target as HTMLElement).closest('a')) store.reachEnd(path);
	});
	if (typeof IntersectionObserver === 'undefined') return;
	const observer = new IntersectionObserver((entries) => {
		if (entries.some((e) => e.isIntersecting)) {
			store.reachEnd(path);
			observer.disconnect();
		}
	});
	observer.observe(end);
}

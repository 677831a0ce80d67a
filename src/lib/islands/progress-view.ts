// Progress on a page, without a framework: the header bar, the state of each section (side
// navigation, Inhoud, section header) and "Verder waar je was" on the start page. The sections
// come from the side navigation's markup (SideNav.svelte), so no page ships them twice.
import type { ProgressStore } from '$lib/progress/progress';
import { courseProgress, resumePath, sectionState, type SectionRef } from '$lib/progress/sections';
import { fill, type PageData } from './page-data';

export interface PageSection extends SectionRef {
	title: string;
	href: string;
}

/** The sections as the side navigation lists them. */
export function pageSections(root: ParentNode): PageSection[] {
	return [...root.querySelectorAll<HTMLElement>('[data-section]')].map((li) => {
		const link = li.querySelector('a');
		return {
			path: li.dataset.section!,
			exerciseIds: (li.dataset.exercises ?? '').split(' ').filter(Boolean),
			counts: li.dataset.counts !== 'false',
			title: li.querySelector('[data-title]')?.textContent ?? '',
			href: link?.getAttribute('href') ?? ''
		};
	});
}

const icons = { busy: '◐', done: '✓' } as const;

export function showProgress(root: Document, data: PageData, store: ProgressStore): void {
	const sections = pageSections(root);
	const bar = root.querySelector<HTMLProgressElement>('#voortgang');
	const text = root.querySelector('[data-progress-text]');
	// Badges elsewhere name their section; the side navigation's sit in the section's list item.
	const states = [...root.querySelectorAll<HTMLElement>('[data-state-for]')].map((badge) => [badge, badge.dataset.stateFor] as const);
	for (const li of root.querySelectorAll<HTMLElement>('[data-section]')) {
		const badge = li.querySelector<HTMLElement>('.badge');
		if (badge) states.push([badge, li.dataset.section]);
	}
	const start = root.querySelector<HTMLAnchorElement>('[data-start-action]');
	const where = root.querySelector('[data-start-where]');

	store.subscribe(({ progress, loaded }) => {
		if (!loaded) return;
		const { done, total } = courseProgress(sections, progress);
		if (bar) {
			bar.max = total;
			bar.value = done;
		}
		if (text) text.textContent = fill(data.strings['progress.summary'], { done, total });
		for (const [badge, path] of states) {
			const section = sections.find((s) => s.path === path);
			const state = section ? sectionState(section, progress) : 'not-started';
			// "Nog niet begonnen" is the default and is not repeated on every row.
			badge.className = state === 'not-started' ? 'badge' : `badge badge--${state}`;
			badge.textContent = state === 'not-started' ? '' : `${icons[state]} ${data.strings[`progress.state.${state}`]}`;
		}
		const resume = resumePath(sections, progress);
		const section = sections.find((s) => s.path === resume);
		const { 'start.resume': resumeText, 'start.resumeWhere': whereText } = data.strings;
		if (start && section && resumeText) {
			start.href = section.href;
			start.textContent = resumeText;
			if (where && whereText) where.textContent = fill(whereText, { title: section.title });
		}
	});
	root.documentElement.classList.add('etool-progress');
}

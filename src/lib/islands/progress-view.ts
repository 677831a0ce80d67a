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
	const states = root.querySelectorAll<HTMLElement>('[data-state-for]');
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
		for (const badge of states) {
			const section = sections.find((s) => s.path === badge.dataset.stateFor);
			const state = section ? sectionState(section, progress) : 'not-started';
			// "Nog niet begonnen" is the default and is not repeated on every row.
			badge.className = state === 'not-started' ? 'badge' : `badge badge--${state}`;
			badge.textContent = state === 'not-started' ? '' : `${icons[state]} ${data.strings[`progress.state.${state}`]}`;
		}
		const resume = resumePath(sections, progress);
		const section = sections.find((s) => s.path === resume);
		if (start && section) {
			start.href = section.href;
			start.textContent = data.strings['start.resume'];
			if (where) where.textContent = fill(data.strings['start.resumeWhere'], { title: section.title });
		}
	});
	root.documentElement.classList.add('etool-progress');
}

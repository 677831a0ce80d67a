import { href } from '$lib/paths';
import type { Course, Section } from './schema';

/** The course without its text: what every page needs for navigation and progress. */
export interface Outline {
	id: string;
	title: string;
	publisher: string;
	chapters: {
		slug: string;
		number: number;
		title: string;
		sections: (Pick<Section, 'path' | 'number' | 'title' | 'summary' | 'exerciseIds' | 'minutes'> & { counts: boolean })[];
	}[];
}

export function outline(course: Course): Outline {
	return {
		id: course.id,
		title: course.title,
		publisher: course.publisher,
		chapters: course.chapters.map((c) => ({
			slug: c.slug,
			number: c.number,
			title: c.title,
			sections: c.sections.map(({ path, number, title, summary, exerciseIds, minutes }) => ({ path, number, title, summary, exerciseIds, minutes, counts: !c.appendix }))
		}))
	};
}

export type OutlineSection = Outline['chapters'][number]['sections'][number];

export function allSections(o: Pick<Outline, 'chapters'>): OutlineSection[] {
	return o.chapters.flatMap((c) => c.sections);
}

/** The sections as islands need them for progress and "Verder waar je was": path, title, exercise ids. */
export function sectionRefs(o: Pick<Outline, 'chapters'>) {
	return allSections(o).map(({ path, title, exerciseIds }) => ({ path, title, exerciseIds }));
}

/** Previous and next section in reading order, for the page navigation. */
export function neighbours(o: Pick<Outline, 'chapters'>, path: string) {
	const list = allSections(o);
	const i = list.findIndex((s) => s.path === path);
	return { previous: i > 0 ? list[i - 1] : undefined, next: i >= 0 ? list[i + 1] : undefined };
}

/** The route of a section from the site's root, to compare with the page's own route. */
export const sectionRoute = (path: string) => `/${path}`;
/** A link to a section that works from any folder (paths.ts). */
export const sectionHref = (path: string) => href(sectionRoute(path));

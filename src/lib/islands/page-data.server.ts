import { blockTypesIn } from '$lib/blocks/block-styles';
import type { Course } from '$lib/content/schema';
import { t } from '$lib/i18n';
import { enhancerStrings, type EnhancerGroup, type PageData } from './page-data';

/** The page data for the enhancer: the course id and the strings it shows on this page, nothing more. */
export function pageData(course: string, groups: EnhancerGroup[] = []): PageData {
	const keys = [...enhancerStrings.page, ...groups.flatMap((group) => enhancerStrings[group])];
	return { course, strings: Object.fromEntries(keys.map((key) => [key, t(key)])) as PageData['strings'] };
}

/** Pages with an island besides the sections (their islands start the sync). */
const islandPages = new Set(['/mijn-antwoorden', '/verder']);

/** Which of the enhancer's optional strings a page needs, from its route and, on a section, its blocks. */
export function enhancerGroups(course: Course, routeId: string | null, params: Partial<Record<string, string>>): EnhancerGroup[] {
	if (routeId === '/') return ['start'];
	if (routeId && islandPages.has(routeId)) return ['sync'];
	if (routeId !== '/[chapter]/[section]') return [];
	const section = course.chapters.flatMap((c) => c.sections).find((s) => s.path === `${params.chapter}/${params.section}`);
	const types = blockTypesIn(section?.blocks ?? []);
	const groups: EnhancerGroup[] = [];
	if (types.has('share')) groups.push('share');
	if (types.has('exercise') || types.has('quiz-score')) groups.push('sync');
	return groups;
}

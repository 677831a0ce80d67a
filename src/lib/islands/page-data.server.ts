import { t } from '$lib/i18n';
import { enhancerStrings, type PageData } from './page-data';

/** The page data for the enhancer: the course id and the strings it shows, nothing more. */
export function pageData(course: string): PageData {
	return { course, strings: Object.fromEntries(enhancerStrings.map((key) => [key, t(key)])) as PageData['strings'] };
}

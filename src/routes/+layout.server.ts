import { dev } from '$app/environment';
import { getCourse } from '$lib/content/course.server';
import { outline } from '$lib/content/outline';
import { islandAssets } from '$lib/islands/assets.server';
import { enhancerGroups, pageData } from '$lib/islands/page-data.server';

// Every learner page is prerendered: the e-tool also runs as plain static files, without a server.
export const prerender = true;

export const load = ({ route, params }) => {
	const course = getCourse();
	return { outline: outline(course), islands: islandAssets(dev), page: pageData(course.id, enhancerGroups(course, route.id, params)) };
};

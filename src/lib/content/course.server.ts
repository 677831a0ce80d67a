import compiled from 'virtual:etool/course';
import type { Course } from './schema';

/**
 * The e-tool, compiled from its Markdown once at build time (scripts/course.mjs) and embedded in the
 * server code: pages, the API and the error page read it without content/ or a Markdown parser.
 */
export function getCourse(): Course {
	return compiled.course;
}

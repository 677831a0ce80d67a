import { join } from 'node:path';
import { loadCourse } from './loader.server';
import type { Course } from './schema';
import type { Outline } from './outline';

let cached: Course | null = null;

/**
 * The e-tool, loaded once per process (at build time, that is once per build).
 * ETOOL_CONTENT names another content folder (used by the test that proves a content error stops the build).
 */
export function getCourse(): Course {
	cached ??= loadCourse(process.env.ETOOL_CONTENT || join(process.cwd(), 'content', 'nl'));
	return cached;
}

export type { Outline };

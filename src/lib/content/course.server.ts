import { join } from 'node:path';
import { loadCourse } from './loader.server';
import type { Course } from './schema';
import type { Outline } from './outline';

let cached: Course | null = null;

/** The e-tool, loaded once per process (at build time, that is once per build). */
export function getCourse(): Course {
	cached ??= loadCourse(join(process.cwd(), 'content', 'nl'));
	return cached;
}

export type { Outline };

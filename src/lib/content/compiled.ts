import type { ExerciseType } from '$lib/exercises/schemas';
import { exercisesIn } from './blocks';
import type { Course } from './schema';

/** The shape of course.json. Raise it when the shape changes: a reader refuses any other. */
export const COMPILED_FORMAT = 1;

/**
 * The course as the build compiles it from content/<lang>/ (course.json, docs/decisions/0008): what
 * the prerender, the server, tests and scripts read. Nothing at run time parses Markdown.
 */
export interface CompiledCourse {
	format: typeof COMPILED_FORMAT;
	course: Course;
	/** What a saved change is checked against (the server, exports): exercise id → type, and every section path. */
	catalogue: { exercises: Record<string, ExerciseType>; sections: string[] };
}

/** The compiled form of a loaded course: the course itself plus the index every reader would otherwise rebuild. */
export function compile(course: Course): CompiledCourse {
	const sections = course.chapters.flatMap((c) => c.sections);
	return {
		format: COMPILED_FORMAT,
		course,
		catalogue: {
			exercises: Object.fromEntries(sections.flatMap((s) => exercisesIn(s.blocks)).map((e) => [e.id, e.type])),
			sections: sections.map((s) => s.path)
		}
	};
}

import compiled from 'virtual:etool/course';
import { exercisesIn } from '$lib/content/blocks';
import type { Course } from '$lib/content/schema';
import type { Exercise, ScoredExercise } from '$lib/exercises/schemas';

/** What a team session needs to know of the e-tool: its sections and exercises, in course order. */
export interface TeamCourse {
	/** Every section path, in course order. */
	sections: string[];
	/** Every scored exercise, in course order (the board's exercises). */
	scored: ScoredExercise[];
	scoredById: ReadonlyMap<string, ScoredExercise>;
	/** The ids of the reflection exercises (the only ones that can be shared). */
	reflections: ReadonlySet<string>;
}

export function teamCourseOf(course: Course): TeamCourse {
	const sections = course.chapters.flatMap((c) => c.sections);
	const exercises: Exercise[] = sections.flatMap((s) => exercisesIn(s.blocks));
	const scored = exercises.filter((e): e is ScoredExercise => e.type !== 'reflection');
	return {
		sections: sections.map((s) => s.path),
		scored,
		scoredById: new Map(scored.map((e) => [e.id, e])),
		reflections: new Set(exercises.filter((e) => e.type === 'reflection').map((e) => e.id))
	};
}

let cached: TeamCourse | undefined;

/** The course this server serves, compiled at build time. */
export const teamCourse = (): TeamCourse => (cached ??= teamCourseOf(compiled.course));

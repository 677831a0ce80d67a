// The course as an LMS channel tracks it (progress/scorm/tracking.ts), from the compiled course.
import type { Tracking } from './tracking';
import { learningOf, quizExerciseIds } from '$lib/content/blocks';
import type { Course } from '$lib/content/schema';

export function trackingOf(course: Course): Tracking {
	// As the proof page counts them (learningOf): the scored exercises of the learning sections.
	const learning = learningOf(course);
	return {
		course: course.id,
		title: course.title,
		lang: course.lang,
		sections: course.chapters.flatMap((c) => c.sections.map((s) => ({ path: s.path, counts: !c.appendix }))),
		scored: learning.scored.map((e) => ({ id: e.id, type: e.type })),
		quiz: learning.sections.flatMap((s) => quizExerciseIds(s.blocks))
	};
}

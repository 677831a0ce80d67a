// The course as an LMS channel tracks it (progress/scorm/tracking.ts), from the compiled course.
import type { Tracking } from './tracking';
import { exercisesIn } from '$lib/content/loader.server';
import type { Block, Course } from '$lib/content/schema';

function quizIn(blocks: Block[]): string[] {
	return blocks.flatMap((b) =>
		b.type === 'quiz-score' ? b.exercises.map((e) => e.id) : b.type === 'callout' ? quizIn(b.blocks) : b.type === 'tabs' ? b.tabs.flatMap((t) => quizIn(t.blocks)) : []
	);
}

export function trackingOf(course: Course): Tracking {
	const sections = course.chapters.flatMap((c) => c.sections.map((s) => ({ path: s.path, counts: !c.appendix, blocks: s.blocks })));
	// As the proof page counts them: the scored exercises of the learning sections, not the appendix.
	const learning = sections.filter((s) => s.counts);
	return {
		course: course.id,
		title: course.title,
		sections: sections.map(({ path, counts }) => ({ path, counts })),
		scored: learning.flatMap((s) => exercisesIn(s.blocks)).flatMap((e) => (e.type === 'reflection' ? [] : [{ id: e.id, type: e.type }])),
		quiz: learning.flatMap((s) => quizIn(s.blocks))
	};
}

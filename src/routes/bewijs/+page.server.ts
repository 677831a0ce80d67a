import { getCourse } from '$lib/content/course.server';
import { exercisesIn } from '$lib/content/blocks';

/** What the proof needs besides the outline: the scored exercises and the estimated study time. */
export const load = () => {
	const chapters = getCourse().chapters.filter((c) => !c.appendix);
	const sections = chapters.flatMap((c) => c.sections);
	return {
		scored: sections.flatMap((s) => exercisesIn(s.blocks)).filter((e) => e.type !== 'reflection').map((e) => e.id),
		minutes: sections.reduce((sum, s) => sum + s.minutes, 0)
	};
};

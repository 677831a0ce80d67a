import { getCourse } from '$lib/content/course.server';
import { learningOf } from '$lib/content/blocks';

/** What the proof needs besides the outline: the scored exercises and the estimated study time. */
export const load = () => {
	const { sections, scored } = learningOf(getCourse());
	return {
		scored: scored.map((e) => e.id),
		minutes: sections.reduce((sum, s) => sum + s.minutes, 0)
	};
};

import { getCourse } from '$lib/content/course.server';
import { exercisesIn } from '$lib/content/loader.server';

export const load = () => ({
	groups: getCourse()
		.chapters.flatMap((c) => c.sections)
		.map((s) => ({ path: s.path, number: s.number, title: s.title, exercises: exercisesIn(s.blocks) }))
		.filter((g) => g.exercises.length > 0)
});

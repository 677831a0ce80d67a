import { getCourse } from '$lib/content/course.server';
import { exercisesIn } from '$lib/content/blocks';
import { stringsFor } from '$lib/islands/island-strings.server';

export const load = () => {
	const sections = getCourse().chapters.flatMap((c) => c.sections);
	const groups = sections
		.map((s) => ({ path: s.path, number: s.number, title: s.title, exercises: exercisesIn(s.blocks) }))
		.filter((g) => g.exercises.length > 0);
	// The score over every scored exercise (issue 7): ids and sections to reread, with their titles.
	const scored = groups.flatMap((g) => g.exercises).flatMap((e) => (e.type === 'reflection' ? [] : [{ id: e.id, ...(e.reread ? { reread: e.reread } : {}) }]));
	const titles = Object.fromEntries(sections.map((s) => [s.path, `${s.number} ${s.title}`]));
	return { groups, score: { exercises: scored, titles }, strings: { answers: stringsFor('answers'), clear: stringsFor('clear-data') } };
};

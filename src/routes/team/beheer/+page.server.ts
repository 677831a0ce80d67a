import { getCourse } from '$lib/content/course.server';
import { stringsFor } from '$lib/islands/island-strings.server';
import { boardItems } from '$lib/team/board-items';

export const load = () => {
	const titles = Object.fromEntries(boardItems(getCourse()).items.filter((i) => i.kind === 'reflection').map((i) => [i.id, i.title]));
	return { titles, strings: stringsFor('team-panel') };
};

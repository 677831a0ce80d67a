import { getCourse } from '$lib/content/course.server';
import { stringsFor } from '$lib/islands/island-strings.server';
import { boardItems } from '$lib/team/board-items';

export const load = () => ({ items: boardItems(getCourse()).items, strings: stringsFor('team-summary') });

import { getCourse } from '$lib/content/course.server';
import { stringsFor } from '$lib/islands/island-strings.server';
import { boardItems } from '$lib/team/board-items';

export const load = () => ({ ...boardItems(getCourse()), strings: stringsFor('team-board') });

import { getCourse } from '$lib/content/course.server';
import { allSections, outline } from '$lib/content/outline';

// The sections, so that after a code is used the page can link to where the learner was.
export const load = () => ({
	sections: allSections(outline(getCourse())).map(({ path, title, exerciseIds }) => ({ path, title, exerciseIds }))
});

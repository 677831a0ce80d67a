import { getCourse } from '$lib/content/course.server';

export const load = () => {
	const { title, subtitle, description, audience, duration, offers, publisher, funder } = getCourse();
	return { meta: { title, subtitle, description, audience, duration, offers, publisher, funder } };
};

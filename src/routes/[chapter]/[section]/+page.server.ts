import { error } from '@sveltejs/kit';
import { getCourse } from '$lib/content/course.server';
import { t } from '$lib/i18n';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () =>
	getCourse().chapters.flatMap((c) => c.sections.map((s) => ({ chapter: c.slug, section: s.path.split('/')[1]! })));

export const load = ({ params }) => {
	const course = getCourse();
	const chapter = course.chapters.find((c) => c.slug === params.chapter);
	const section = chapter?.sections.find((s) => s.path === `${params.chapter}/${params.section}`);
	if (!chapter || !section) error(404, t('error.notFound'));
	return { section, chapterTitle: chapter.title };
};

import type { AnswerRecord } from '$lib/exercises/core/types';
import type { Progress } from './model';

export type SectionState = 'not-started' | 'busy' | 'done';

/** The parts of a section that progress needs: no text, so the outline stays small. */
export interface SectionRef {
	path: string;
	exerciseIds: string[];
	/** False for reference material (sources, colophon): readable, but not part of the progress. */
	counts?: boolean;
}

/** The sections that make up the learner's progress: one definition, for the header, Inhoud and the proof. */
export const countedSections = <S extends SectionRef>(sections: S[]): S[] => sections.filter((s) => s.counts !== false);

/** An exercise counts as done when it was checked, or (reflection) saved at least once. */
export function isAnswered(record: AnswerRecord | undefined): boolean {
	return !!record && record.attempts > 0;
}

/**
 * Done: the learner reached the end of the section and did every exercise in it.
 * Busy: opened, or an exercise started. Otherwise not started.
 */
export function sectionState(section: SectionRef, progress: Progress): SectionState {
	const visit = progress.sections[section.path];
	const answered = section.exerciseIds.filter((id) => isAnswered(progress.answers[id])).length;
	const touched = section.exerciseIds.some((id) => progress.answers[id]);
	if (visit?.endReachedAt && answered === section.exerciseIds.length) return 'done';
	return visit || touched ? 'busy' : 'not-started';
}

export interface CourseProgress {
	done: number;
	total: number;
	/** Whole percent, 0 to 100. */
	percent: number;
}

export function courseProgress(all: SectionRef[], progress: Progress): CourseProgress {
	const sections = countedSections(all);
	const done = sections.filter((s) => sectionState(s, progress) === 'done').length;
	return { done, total: sections.length, percent: sections.length ? Math.round((100 * done) / sections.length) : 0 };
}

/** Where "Verder waar je was" goes: the last section opened, if it still exists; else the first not done. */
export function resumePath(sections: SectionRef[], progress: Progress): string | null {
	if (progress.lastPath && sections.some((s) => s.path === progress.lastPath)) return progress.lastPath;
	const open = sections.find((s) => sectionState(s, progress) !== 'done');
	return Object.keys(progress.sections).length || Object.keys(progress.answers).length ? (open ?? sections[0])?.path ?? null : null;
}

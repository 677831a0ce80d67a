// What an LMS channel needs to know about the course to track a learner: written at build time to
// `tracking.json` (src/routes/tracking.json/+server.ts) and read by the SCORM session. Pure.
import type { AnswerValue } from '$lib/exercises/core/types';

export interface Tracking {
	/** The e-tool's id (its progress key). */
	course: string;
	title: string;
	/** The e-tool's language (course.yaml `lang`): the launch page's `lang` and the strings file an export reads. */
	lang: string;
	/** Every section in reading order; `counts` is false for the appendix (Bronnen). */
	sections: { path: string; counts: boolean }[];
	/** Every scored exercise (all but reflections) in reading order: the score and the interactions. */
	scored: { id: string; type: Exclude<AnswerValue['type'], 'reflection'> }[];
	/** The exercises of the quiz (the section with the score): all checked means the quiz is done. */
	quiz: string[];
}

/** The file name, at the package root. */
export const TRACKING_FILE = 'tracking.json';

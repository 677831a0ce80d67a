// What the LMS is told, as pure functions: progress → CMI elements and values for SCORM 1.2 or 2004.
// - completion: every learning section opened (not the appendix) and every quiz exercise checked;
// - score: scored exercises right at the first check, of all scored exercises (the quiz score's own
//   rule, exercises/core/score.ts, as on the proof page);
// - success: only with a passing score: the one the LMS gives (an administrator's, or the manifest's),
//   else the one set at export (`--mastery`); the source gives none, so without one it is unknown;
// - location: the section to resume; interactions: one per scored exercise the learner checked.
import { quizScore } from '$lib/exercises/core/score';
import type { AnswerRecord, AnswerValue } from '$lib/exercises/core/types';
import type { Progress } from '../model';
import type { ScormVersion } from './codec';
import type { Tracking } from './tracking';

export interface Status {
	completed: boolean;
	/** 0–100, rounded. */
	score: number;
	/** Null when there is no mastery score (or the quiz is not done yet). */
	passed: boolean | null;
}

export function status(tracking: Tracking, progress: Progress, mastery?: number): Status {
	const visited = tracking.sections.filter((s) => s.counts).every((s) => progress.sections[s.path]);
	const quizDone = tracking.quiz.every((id) => progress.answers[id]?.firstVerdict);
	const { right, total } = quizScore(tracking.scored, progress.answers);
	const score = total ? Math.round((right / total) * 100) : 0;
	const completed = visited && quizDone;
	return { completed, score, passed: mastery === undefined || !quizDone ? null : score >= mastery };
}

/** Where the LMS keeps the passing score: 1.2 0–100, 2004 scaled −1–1. */
export const PASSING_SCORE = { scorm12: 'cmi.student_data.mastery_score', scorm2004: 'cmi.scaled_passing_score' } as const;

/** The LMS's passing score as 0–100, or undefined when it gives none (an empty or unreadable value). */
export function passingScore(version: ScormVersion, value: string): number | undefined {
	if (value.trim() === '') return undefined;
	// Rounded: 0.7 × 100 is 70.00000000000001 in floating point, and a score of 70 must pass.
	const n = Math.round(Number(value) * (version === 'scorm12' ? 1 : 100) * 1e4) / 1e4;
	return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : undefined;
}

/** An identifier the LMS accepts (no spaces; letters, digits, `-_.:`). */
const ident = (id: string) => id.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 250);

/** The learner's response in the format of the interaction type (SCORM 2004 RTE 4.2.9). */
function response(value: AnswerValue, version: ScormVersion): { type: string; response: string } {
	const list = version === 'scorm12' ? ',' : '[,]';
	const pair = version === 'scorm12' ? '.' : '[.]';
	switch (value.type) {
		case 'single-choice':
			return { type: 'choice', response: value.choice ? ident(value.choice) : '' };
		case 'multiple-response':
			return { type: 'choice', response: value.choices.map(ident).join(list) };
		case 'matching':
			return { type: 'matching', response: Object.entries(value.pairs).map(([a, b]) => `${ident(a)}${pair}${ident(b)}`).join(list) };
		case 'sorting':
			// Sorting puts cards on targets: matching, card to target.
			return { type: 'matching', response: Object.entries(value.placed).map(([a, b]) => `${ident(a)}${pair}${ident(b)}`).join(list) };
		default:
			return { type: 'other', response: '' };
	}
}

/** SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) or 2004 ISO 8601 duration (PT#H#M#S). */
export function sessionTime(ms: number, version: ScormVersion): string {
	const total = Math.max(0, Math.round(ms / 10)) / 100;
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = +(total % 60).toFixed(2);
	if (version === 'scorm2004') return `PT${h}H${m}M${s}S`;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${String(h).padStart(4, '0')}:${two(m)}:${two(Math.floor(s))}.${two(Math.round((s % 1) * 100))}`;
}

/** [element, value] pairs for every interaction; `order` fixes each exercise's index (new ones at the end). */
export function interactions(tracking: Tracking, answers: Record<string, AnswerRecord>, order: string[], version: ScormVersion): { order: string[]; values: [string, string][] } {
	const next = [...order];
	for (const { id } of tracking.scored) if (answers[id]?.verdict && !next.includes(id)) next.push(id);
	const values: [string, string][] = [];
	next.forEach((id, n) => {
		const record = answers[id];
		if (!record?.verdict) return;
		const { type, response: given } = response(record.value, version);
		const at = `cmi.interactions.${n}.`;
		const right = record.verdict === 'correct';
		values.push([`${at}id`, ident(id)], [`${at}type`, type]);
		if (version === 'scorm12') values.push([`${at}student_response`, given], [`${at}result`, right ? 'correct' : 'wrong']);
		else values.push([`${at}learner_response`, given], [`${at}result`, right ? 'correct' : 'incorrect'], [`${at}timestamp`, record.savedAt.slice(0, 19)]);
	});
	return { order: next, values };
}

/** The CMI values for the state of the learner (suspend_data and interactions apart). */
export function cmiValues(version: ScormVersion, s: Status, location: string | undefined): [string, string][] {
	if (version === 'scorm12') {
		// 1.2 has one status: passed/failed once a mastery score decides, else completed/incomplete.
		const lesson = s.passed === null ? (s.completed ? 'completed' : 'incomplete') : s.passed ? 'passed' : 'failed';
		return [
			['cmi.core.lesson_status', lesson],
			['cmi.core.score.raw', String(s.score)],
			['cmi.core.score.min', '0'],
			['cmi.core.score.max', '100'],
			['cmi.core.lesson_location', (location ?? '').slice(0, 255)],
			// Suspend, never "logout"/"": the LMS keeps the attempt, so a relaunch resumes it.
			['cmi.core.exit', 'suspend']
		];
	}
	return [
		['cmi.completion_status', s.completed ? 'completed' : 'incomplete'],
		['cmi.success_status', s.passed === null ? 'unknown' : s.passed ? 'passed' : 'failed'],
		['cmi.score.scaled', String(s.score / 100)],
		['cmi.score.raw', String(s.score)],
		['cmi.score.min', '0'],
		['cmi.score.max', '100'],
		['cmi.location', (location ?? '').slice(0, 1000)],
		['cmi.exit', 'suspend']
	];
}

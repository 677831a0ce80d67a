// What a participant's device still has to tell the session: the first checked answer of each
// scored exercise and the sections opened, from the learner's own progress. Pure, so it is tested
// without a browser; participant.ts sends it in batches and remembers what went.
import type { Progress } from '$lib/progress/model';
import { TEAM_LIMITS, type TeamAnswer } from './contract';

export interface TeamBatch {
	answers: TeamAnswer[];
	sections: string[];
}

/**
 * The next batch to send, or null when everything went already. Only scored exercises that were
 * checked (they have a first verdict; a reflection never has one): their value is the learner's
 * answer of that check when it is sent right away. An answer the learner had before joining is sent
 * once too, as it is now (the server keeps the first it gets per participant and exercise).
 */
export function nextBatch(progress: Progress, sent: ReadonlySet<string>, seen: ReadonlySet<string>): TeamBatch | null {
	const answers: TeamAnswer[] = [];
	for (const [exerciseId, record] of Object.entries(progress.answers)) {
		if (answers.length >= TEAM_LIMITS.answers) break;
		if (sent.has(exerciseId) || !record.firstVerdict || record.value.type === 'reflection') continue;
		answers.push({ exerciseId, value: record.value, firstVerdict: record.firstVerdict });
	}
	const sections = Object.keys(progress.sections)
		.filter((path) => !seen.has(path))
		.slice(0, TEAM_LIMITS.sections);
	return answers.length || sections.length ? { answers, sections } : null;
}

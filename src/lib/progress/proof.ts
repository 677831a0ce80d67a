// What the "Bewijs van deelname" states, as pure functions over progress. The first-try score is
// defined here once; when the exercises' own score function lands, this is the one place to swap.
import type { AnswerRecord } from '$lib/exercises/core/types';
import type { Progress } from './model';
import { countedSections, sectionState, type SectionRef } from './sections';

/** Right at the first check: checked once, right, and the answer was not shown first. */
export const rightFirstTime = (record: AnswerRecord | undefined): boolean =>
	!!record && record.attempts === 1 && record.verdict === 'correct' && !record.revealed;

export interface ProofFacts {
	/** Paths of the counted sections the learner finished, in reading order. */
	done: string[];
	total: number;
	/** Scored exercises right at the first check, of all scored exercises. */
	right: number;
	scored: number;
}

export function proofFacts(sections: SectionRef[], scored: string[], progress: Progress): ProofFacts {
	const counted = countedSections(sections);
	return {
		done: counted.filter((s) => sectionState(s, progress) === 'done').map((s) => s.path),
		total: counted.length,
		right: scored.filter((id) => rightFirstTime(progress.answers[id])).length,
		scored: scored.length
	};
}

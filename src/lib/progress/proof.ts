// What the "Bewijs van deelname" states, as pure functions over progress. The first-try score is
// the quiz score's own (exercises/core/score.ts), so the proof and Mijn antwoorden never disagree.
import { quizScore } from '$lib/exercises/core/score';
import type { Progress } from './model';
import { countedSections, sectionState, type SectionRef } from './sections';

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
		right: quizScore(scored.map((id) => ({ id })), progress.answers).right,
		scored: scored.length
	};
}

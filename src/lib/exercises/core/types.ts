import type { AnswerRecord, AnswerValue, Verdict } from '$lib/progress/contract';

// The answer format is part of the progress contract (stored, synced, exported): defined there once.
export type { AnswerRecord, AnswerValue, Verdict };

/** The outcome of a pure `check` function. */
export interface CheckResult {
	verdict: Verdict;
	/** Share of the items that are right, from 0 to 1. */
	score: number;
	/** Per option, card or term: was the learner's choice for it right? */
	items: Record<string, boolean>;
}

/** Derive a verdict from the number of right items. */
export function verdictFor(right: number, total: number): Verdict {
	if (total > 0 && right === total) return 'correct';
	return right > 0 ? 'partial' : 'incorrect';
}

/**
 * An example exercise with answers a learner could give, and what they should score.
 * Each type's `examples.ts` exports a list of these; tests and docs use them.
 */
export interface Example<E, V extends AnswerValue = AnswerValue> {
	/** What the example shows, in a few words. */
	name: string;
	exercise: E;
	/** Answers and their expected verdict (absent for reflections, which are not graded). */
	answers: { name: string; value: V; verdict?: Verdict }[];
}

/**
 * What the mark beside an option, term or card says. Each says what is true, in words:
 * - `right` / `wrong`: the learner's answer for this item is right or not;
 * - `chosen` (multiple response): ticked, and it belongs ("Goed gekozen");
 * - `missed` (multiple response): not ticked, but it belongs ("Hoorde erbij, niet gekozen");
 * - `notBelongs` (multiple response): ticked, but it does not belong ("Hoort er niet bij");
 * - `answer`: the right answer, shown after "Toon het juiste antwoord" (never "Goed").
 */
export type MarkKind = 'right' | 'wrong' | 'chosen' | 'missed' | 'notBelongs' | 'answer';

/** Is this mark good news for the learner (green, ✓), bad news (red, ✗) or neither? */
export function markTone(kind: MarkKind): 'good' | 'bad' | 'neutral' {
	if (kind === 'right' || kind === 'chosen') return 'good';
	return kind === 'answer' ? 'neutral' : 'bad';
}

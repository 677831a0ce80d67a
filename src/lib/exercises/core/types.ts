/** How right an answer is. Reflections are never graded. */
export type Verdict = 'correct' | 'partial' | 'incorrect';

/** The outcome of a pure `check` function. */
export interface CheckResult {
	verdict: Verdict;
	/** Share of the items that are right, from 0 to 1. */
	score: number;
	/** Per option, card or term: was the learner's choice for it right? */
	items: Record<string, boolean>;
}

/** What the learner gave, per exercise type. Plain JSON so it can be stored and synced. */
export type AnswerValue =
	| { type: 'reflection'; text: string }
	| { type: 'single-choice'; choice: string | null }
	| { type: 'multiple-response'; choices: string[] }
	| { type: 'matching'; pairs: Record<string, string> }
	| { type: 'sorting'; placed: Record<string, string> };

/** One exercise's saved state on the device. */
export interface AnswerRecord {
	value: AnswerValue;
	/** How often the learner checked (scored types) or saved (reflection). */
	attempts: number;
	/** The verdict of the last check; absent for reflections and unchecked answers. */
	verdict?: Verdict;
	/**
	 * The verdict of the very first check: set once, never changed by a retry, a new check or
	 * "Toon het juiste antwoord". The quiz score counts it ("in één keer goed").
	 */
	firstVerdict?: Verdict;
	/** The learner asked to see the right answer. */
	revealed?: boolean;
	/** ISO time of the last change, so the newer answer can win. */
	savedAt: string;
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

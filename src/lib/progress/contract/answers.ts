// The progress contract, part 1 (docs/decisions/0008-contracts.md): what a learner's answers and
// visits look like and their limits. Every page's enhancer reads stored progress with these checks, so
// this file holds only what reading needs; changes (sync) and resume codes are beside it, loaded by
// the pages that use them. `index.ts` is the whole contract, for the server and the exports.
//
// A leaf: it imports nothing of ours, so every layer may import it. Hand-written checks rather than
// zod: this runs in the learner's browser, where zod would add about 27 KB gzip.

/** How right an answer is. Reflections are never graded. */
export type Verdict = 'correct' | 'partial' | 'incorrect';
export const VERDICTS: readonly Verdict[] = ['correct', 'partial', 'incorrect'];

/** What the learner gave, per exercise type. Plain JSON so it can be stored and synced. */
export type AnswerValue =
	| { type: 'reflection'; text: string }
	| { type: 'single-choice'; choice: string | null }
	| { type: 'multiple-response'; choices: string[] }
	| { type: 'matching'; pairs: Record<string, string> }
	| { type: 'sorting'; placed: Record<string, string> };
export type AnswerType = AnswerValue['type'];

/** One exercise's saved state. */
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
	/** ISO time of the last change (UTC, `toISOString`), so the newer answer can win. */
	savedAt: string;
}

/** A section the learner opened. */
export interface SectionVisit {
	visitedAt: string;
	endReachedAt?: string;
}

/**
 * The limits of what is stored. The browser stores nothing beyond them and the server accepts
 * nothing beyond them; `contract.spec.ts` checks both sides at each boundary.
 */
export const ANSWER_LIMITS = {
	/** An exercise id, and an option, card, term or pile id (the content refuses longer ones). */
	id: 100,
	/** A section path, `chapter/section`. */
	path: 200,
	/** A reflection's text, in characters. */
	text: 10_000,
	/** Options ticked, terms matched or cards placed in one answer. */
	items: 100,
	/** Checks or saves of one exercise. */
	attempts: 1_000_000
} as const;
// One form of time (as `toISOString` writes it, fraction optional), so comparing the text compares the time.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** A plain object (not null, not an array). */
export const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An exercise, option, card, term or pile id. */
export const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= ANSWER_LIMITS.id;
/** A section path. */
export const isPath = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= ANSWER_LIMITS.path;
/**
 * A time in UTC as `toISOString` writes it, and a real one. The platform refuses a month 13, a minute
 * or second 60 and a day 00, but reads 31 April or 24:00 as the next day: then the day of the month
 * is not the one written. (Formatting the time back with toISOString checked the same, at three
 * times the cost: about 0.8 µs per time, which every saved answer paid on the server.)
 */
export function isTime(x: unknown): x is string {
	return typeof x === 'string' && ISO_TIME.test(x) && new Date(x).getUTCDate() === +x.slice(8, 10);
}
export const isVerdict = (x: unknown): x is Verdict => VERDICTS.includes(x as Verdict);
/** Ids the learner chose, at most {@link ANSWER_LIMITS.items}. */
export const isIdList = (x: unknown): x is string[] => Array.isArray(x) && x.length <= ANSWER_LIMITS.items && x.every(isId);
/** Id → id (term → description, card → pile), at most {@link ANSWER_LIMITS.items} entries. */
export const isIdMap = (x: unknown): x is Record<string, string> => {
	if (!isObj(x)) return false;
	const entries = Object.entries(x);
	return entries.length <= ANSWER_LIMITS.items && entries.every(([k, v]) => isId(k) && isId(v));
};

/** Is this an answer value of a known type within the limits? */
export function isAnswerValue(v: unknown): v is AnswerValue {
	if (!isObj(v)) return false;
	switch (v.type) {
		case 'reflection':
			return typeof v.text === 'string' && v.text.length <= ANSWER_LIMITS.text;
		case 'single-choice':
			return v.choice === null || isId(v.choice);
		case 'multiple-response':
			return isIdList(v.choices);
		case 'matching':
			return isIdMap(v.pairs);
		case 'sorting':
			return isIdMap(v.placed);
		default:
			return false;
	}
}

/** Is this a saved answer we can use? Unknown extra fields are ignored (the server drops them). */
export function isAnswerRecord(r: unknown): r is AnswerRecord {
	return (
		isObj(r) &&
		isAnswerValue(r.value) &&
		Number.isInteger(r.attempts) &&
		(r.attempts as number) >= 0 &&
		(r.attempts as number) <= ANSWER_LIMITS.attempts &&
		(r.verdict === undefined || isVerdict(r.verdict)) &&
		(r.firstVerdict === undefined || isVerdict(r.firstVerdict)) &&
		(r.revealed === undefined || typeof r.revealed === 'boolean') &&
		isTime(r.savedAt)
	);
}

/** Is this a section visit we can use? */
export const isVisit = (v: unknown): v is SectionVisit => isObj(v) && isTime(v.visitedAt) && (v.endReachedAt === undefined || isTime(v.endReachedAt));


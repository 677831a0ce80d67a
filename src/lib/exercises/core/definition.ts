import type { ChoiceItem } from './schema';
import type { AnswerValue, CheckResult, MarkKind } from './types';

/** One type's answer shape (`AnswerValue` of that type). */
export type ValueOf<T extends AnswerValue['type']> = Extract<AnswerValue, { type: T }>;

/**
 * What an exercise type defines about its answer, once, in its own folder (`<type>/answer.ts`);
 * `exercises/definitions.ts` lists them. The shared code (check.ts, attempt.ts, describe.ts) only
 * looks the type up: no switch over the type there.
 */
export interface AnswerDefinition<E, V extends AnswerValue> {
	/** An empty answer of the right shape for a new attempt. */
	empty(exercise: E): V;
	/** A stored answer of this type fitted to the exercise as it is now: ids removed since are dropped. */
	fit(exercise: E, value: V): V;
	/** How many items are still open before "Controleer" can check. */
	open(exercise: E, value: V): number;
	/** The answer as readable lines, for "Mijn antwoorden" and its printout. */
	describe(exercise: E, value: V): string[];
}

/** A graded type: on top of the answer, how it is checked and marked. */
export interface ScoredDefinition<E, V extends AnswerValue> extends AnswerDefinition<E, V> {
	/** The pure check (`<type>/check.ts`). */
	check(exercise: E, value: V): CheckResult;
	/** The right answer, for "Toon het juiste antwoord". */
	right(exercise: E): V;
	/** The options, terms or cards that get a mark, in the order they are shown. */
	items(exercise: E): ChoiceItem[];
	/** The answer with only the items `right` (a check's items) says are right. */
	keepRight(value: V, right: Record<string, boolean>): V;
	/** The items `kept` (after "Probeer opnieuw") that `now` still has unchanged, with their mark. */
	kept(kept: V, now: V): Record<string, MarkKind>;
	/** After a check, per item what its mark says; default: "Goed" or "Niet goed" per checked item. */
	checkedMarks?(exercise: E, value: V): Record<string, MarkKind>;
	/** With the right answer shown, the items marked "Juiste antwoord"; default: every item. */
	revealedItems?(exercise: E): string[];
	/**
	 * The keys a team board counts for this answer (issue 11, `team/contract.ts`): one per choice the
	 * learner made, in the order shown; ids the exercise no longer has are left out. Only counts of
	 * these keys ever leave the server, never the answer itself.
	 */
	tally(exercise: E, value: V): string[];
}

/** The text of the item with `id`, or "–" when it is gone. */
export const textOf = (items: { id: string; text: string }[], id: string | null | undefined): string =>
	items.find((item) => item.id === id)?.text ?? '–';

/** `pairs` without the keys or values that are no longer ids of the exercise. */
export function keepKnown(pairs: Record<string, string> | undefined, keys: { id: string }[], values: { id: string }[]): Record<string, string> {
	const k = new Set(keys.map((item) => item.id));
	const v = new Set(values.map((item) => item.id));
	return Object.fromEntries(Object.entries(pairs ?? {}).filter(([key, value]) => k.has(key) && v.has(value)));
}

/** The keys of `pairs` that `right` says are right. */
export const rightPairs = (pairs: Record<string, string>, right: Record<string, boolean>): Record<string, string> =>
	Object.fromEntries(Object.entries(pairs).filter(([id]) => right[id]));

/** The keys whose value is the same in both. */
export const samePairs = (a: Record<string, string>, b: Record<string, string>): string[] => Object.keys(a).filter((id) => a[id] === b[id]);

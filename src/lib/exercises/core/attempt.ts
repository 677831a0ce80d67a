import type { Exercise, ScoredExercise } from '../schemas';
import { definitionOf, scoredDefinitionOf } from '../definitions';
import { checkAnswer, emptyAnswer, itemsOpen, rightAnswer } from './check';
import type { ChoiceItem } from './schema';
import type { AnswerRecord, AnswerValue, CheckResult, MarkKind, Verdict } from './types';

/*
 * The life of one exercise's answer, as pure functions from record to record. The components
 * only call these and show the result, so every rule here is tested without a browser.
 */

/** What the learner sees: answering, feedback on a check, or the right answer filled in. */
export type Phase = 'answering' | 'checked' | 'revealed';

/** The phase a record is in. A record stays in its phase after a reload. */
export function phaseOf(record: AnswerRecord): Phase {
	if (record.revealed) return 'revealed';
	return record.verdict ? 'checked' : 'answering';
}

/** Nothing answered yet. `savedAt` is empty: any saved record is newer. */
export function freshRecord(exercise: Exercise): AnswerRecord {
	return { value: emptyAnswer(exercise), attempts: 0, savedAt: '' };
}

/**
 * Should the component take over `incoming` (from storage, possibly loaded after mount, or
 * from another tab)? Only when it is newer than what it shows: its own echo is not, and an
 * answer the learner started before storage loaded is not overwritten by an older one.
 */
export function isNewer(incoming: AnswerRecord | undefined, current: AnswerRecord): incoming is AnswerRecord {
	return !!incoming && typeof incoming.savedAt === 'string' && incoming.savedAt > current.savedAt;
}

const isVerdict = (v: unknown): v is Verdict => v === 'correct' || v === 'partial' || v === 'incorrect';

/** `next` with the first check's verdict of `record` carried over: nothing ever resets it. */
function keepFirst(record: AnswerRecord, next: AnswerRecord): AnswerRecord {
	return isVerdict(record.firstVerdict) ? { ...next, firstVerdict: record.firstVerdict } : next;
}

/**
 * A stored answer, fitted to the exercise as it is now: ids the author has since removed are
 * dropped, and an answer of another type (the author changed the type) starts empty.
 */
export function fitAnswer(exercise: Exercise, value: AnswerValue): AnswerValue {
	if (value.type !== exercise.type) return emptyAnswer(exercise);
	return definitionOf(exercise).fit(exercise, value);
}

/**
 * The record to show for a saved one (or a fresh one). A checked answer gets its verdict again
 * from `checkAnswer`, so the feedback after a reload is the feedback the content gives now.
 */
export function restore(exercise: Exercise, record: AnswerRecord | undefined): AnswerRecord {
	if (!record) return freshRecord(exercise);
	const value = fitAnswer(exercise, record.value);
	const restored: AnswerRecord = keepFirst(record, {
		value,
		attempts: Number.isInteger(record.attempts) && record.attempts > 0 ? record.attempts : 0,
		savedAt: typeof record.savedAt === 'string' ? record.savedAt : ''
	});
	if (exercise.type === 'reflection') return restored;
	if (record.revealed) return { ...restored, revealed: true, ...(record.verdict ? { verdict: record.verdict } : {}) };
	if (record.verdict) {
		const result = checkAnswer(exercise, value);
		if (result) restored.verdict = result.verdict;
	}
	return restored;
}

/** The learner changed the answer: keep it, with no verdict, the attempts unchanged. */
export function change(record: AnswerRecord, value: AnswerValue, now: Date): AnswerRecord {
	return keepFirst(record, { value, attempts: record.attempts, savedAt: now.toISOString() });
}

/** A reflection is saved on purpose ("Opslaan"): that counts as an attempt. */
export function save(record: AnswerRecord, now: Date): AnswerRecord {
	return keepFirst(record, { value: record.value, attempts: record.attempts + 1, savedAt: now.toISOString() });
}

export type SubmitOutcome = { open: number } | { record: AnswerRecord; result: CheckResult };

/** "Controleer": when items are still open, say how many and do not check (no attempt is used). */
export function submit(exercise: ScoredExercise, record: AnswerRecord, now: Date): SubmitOutcome {
	const open = itemsOpen(exercise, record.value);
	if (open > 0) return { open };
	const result = checkAnswer(exercise, record.value);
	// Only null for an answer of another type, which `fitAnswer` never lets through.
	if (!result) return { open: 1 };
	return {
		record: {
			value: record.value,
			attempts: record.attempts + 1,
			verdict: result.verdict,
			// Only the first check sets it; a later one (also after a retry) leaves it alone.
			firstVerdict: isVerdict(record.firstVerdict) ? record.firstVerdict : result.verdict,
			savedAt: now.toISOString()
		},
		result
	};
}

/**
 * "Probeer opnieuw": what was right stays, what was wrong is cleared, so the learner only redoes
 * the rest (a wrong card goes back to "Nog te sorteren", a wrong term to "no description", a
 * wrongly ticked option is unticked, a wrong single choice is unchosen). After the right answer
 * was shown there is nothing of the learner's own left, so the learner starts empty.
 */
export function retry(exercise: ScoredExercise, record: AnswerRecord, now: Date): AnswerRecord {
	const value = record.revealed ? emptyAnswer(exercise) : keepRight(exercise, record.value);
	return keepFirst(record, { value, attempts: record.attempts, savedAt: now.toISOString() });
}

/** The answer with only its right parts. */
export function keepRight(exercise: ScoredExercise, value: AnswerValue): AnswerValue {
	if (value.type !== exercise.type) return value;
	return scoredDefinitionOf(exercise).keepRight(value, checkAnswer(exercise, value)?.items ?? {});
}

/**
 * After "Probeer opnieuw": the items kept because they were right, as long as the learner has not
 * changed them since (`now`), so they keep their "Goed" mark while the rest is redone.
 */
export function keptMarks(exercise: ScoredExercise, kept: AnswerValue, now: AnswerValue): Record<string, MarkKind> {
	if (kept.type !== exercise.type || now.type !== exercise.type) return {};
	const marks = scoredDefinitionOf(exercise).kept(kept, now);
	// Only what `check` calls right: a kept value is right by construction, this guards a stale one.
	const right = checkAnswer(exercise, now)?.items ?? {};
	return Object.fromEntries(Object.entries(marks).filter(([id]) => right[id]));
}

/** "Toon het juiste antwoord": fill it in; the verdict of the learner's own last check is kept. */
export function reveal(exercise: ScoredExercise, record: AnswerRecord, now: Date): AnswerRecord {
	return keepFirst(record, {
		value: rightAnswer(exercise),
		attempts: record.attempts,
		...(record.verdict ? { verdict: record.verdict } : {}),
		revealed: true,
		savedAt: now.toISOString()
	});
}

/** The options, terms or cards that get a mark after checking, in the order they are shown. */
export const markedItems = (exercise: ScoredExercise): ChoiceItem[] => scoredDefinitionOf(exercise).items(exercise);

/**
 * Per item, what its mark says; null while answering. After a check, every item `check` marks
 * (single choice: the chosen option), in words that say what is true for multiple response (an
 * option left alone that does not belong gets no mark). With the right answer shown, the items
 * of the right answer say "Juiste antwoord" (multiple response: which belong), never "Goed".
 */
export function marksFor(exercise: ScoredExercise, record: AnswerRecord): Record<string, MarkKind> | null {
	const definition = scoredDefinitionOf(exercise);
	switch (phaseOf(record)) {
		case 'answering':
			return null;
		case 'checked': {
			if (record.value.type !== exercise.type) return {};
			if (definition.checkedMarks) return definition.checkedMarks(exercise, record.value);
			const items = checkAnswer(exercise, record.value)?.items ?? {};
			return Object.fromEntries(Object.entries(items).map(([id, right]) => [id, right ? ('right' as const) : ('wrong' as const)]));
		}
		case 'revealed': {
			const ids = definition.revealedItems?.(exercise) ?? markedItems(exercise).map((item) => item.id);
			return Object.fromEntries(ids.map((id) => [id, 'answer' as const]));
		}
	}
}

/** How many items of the last check were right, of how many: "4 van 6 goed". */
export function itemScore(exercise: ScoredExercise, record: AnswerRecord): { right: number; total: number } | null {
	if (phaseOf(record) !== 'checked') return null;
	const items = Object.values(checkAnswer(exercise, record.value)?.items ?? {});
	return { right: items.filter(Boolean).length, total: items.length };
}

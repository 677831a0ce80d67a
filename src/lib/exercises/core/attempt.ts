import type { Exercise, ScoredExercise } from '../schemas';
import { checkAnswer, emptyAnswer, itemsOpen, rightAnswer } from './check';
import type { ChoiceItem } from './schema';
import type { AnswerRecord, AnswerValue, CheckResult } from './types';

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

const ids = (items: { id: string }[]) => new Set(items.map((item) => item.id));

/**
 * A stored answer, fitted to the exercise as it is now: ids the author has since removed are
 * dropped, and an answer of another type (the author changed the type) starts empty.
 */
export function fitAnswer(exercise: Exercise, value: AnswerValue): AnswerValue {
	if (value.type !== exercise.type) return emptyAnswer(exercise);
	const keep = (pairs: Record<string, string>, keys: Set<string>, values: Set<string>) =>
		Object.fromEntries(Object.entries(pairs ?? {}).filter(([k, v]) => keys.has(k) && values.has(v)));
	switch (exercise.type) {
		case 'reflection':
			return { type: 'reflection', text: value.type === 'reflection' && typeof value.text === 'string' ? value.text : '' };
		case 'single-choice': {
			const choice = value.type === 'single-choice' ? value.choice : null;
			return { type: 'single-choice', choice: choice && ids(exercise.options).has(choice) ? choice : null };
		}
		case 'multiple-response': {
			const options = ids(exercise.options);
			const choices = value.type === 'multiple-response' && Array.isArray(value.choices) ? value.choices : [];
			return { type: 'multiple-response', choices: [...new Set(choices)].filter((id) => options.has(id)) };
		}
		case 'matching':
			return {
				type: 'matching',
				pairs: value.type === 'matching' ? keep(value.pairs, ids(exercise.terms), ids(exercise.descriptions)) : {}
			};
		case 'sorting':
			return {
				type: 'sorting',
				placed: value.type === 'sorting' ? keep(value.placed, ids(exercise.cards), ids(exercise.piles)) : {}
			};
	}
}

/**
 * The record to show for a saved one (or a fresh one). A checked answer gets its verdict again
 * from `checkAnswer`, so the feedback after a reload is the feedback the content gives now.
 */
export function restore(exercise: Exercise, record: AnswerRecord | undefined): AnswerRecord {
	if (!record) return freshRecord(exercise);
	const value = fitAnswer(exercise, record.value);
	const restored: AnswerRecord = {
		value,
		attempts: Number.isInteger(record.attempts) && record.attempts > 0 ? record.attempts : 0,
		savedAt: typeof record.savedAt === 'string' ? record.savedAt : ''
	};
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
	return { value, attempts: record.attempts, savedAt: now.toISOString() };
}

/** A reflection is saved on purpose ("Opslaan"): that counts as an attempt. */
export function save(record: AnswerRecord, now: Date): AnswerRecord {
	return { value: record.value, attempts: record.attempts + 1, savedAt: now.toISOString() };
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
		record: { value: record.value, attempts: record.attempts + 1, verdict: result.verdict, savedAt: now.toISOString() },
		result
	};
}

/**
 * "Probeer opnieuw": the marks go, the answer stays so it can be amended. After the right
 * answer was shown there is nothing to amend, so the learner starts empty.
 */
export function retry(exercise: ScoredExercise, record: AnswerRecord, now: Date): AnswerRecord {
	const value = record.revealed ? emptyAnswer(exercise) : record.value;
	return { value, attempts: record.attempts, savedAt: now.toISOString() };
}

/** "Toon het juiste antwoord": fill it in; the verdict of the learner's own last check is kept. */
export function reveal(exercise: ScoredExercise, record: AnswerRecord, now: Date): AnswerRecord {
	return {
		value: rightAnswer(exercise),
		attempts: record.attempts,
		...(record.verdict ? { verdict: record.verdict } : {}),
		revealed: true,
		savedAt: now.toISOString()
	};
}

/** The options, terms or cards that get a mark after checking, in the order they are shown. */
export function markedItems(exercise: ScoredExercise): ChoiceItem[] {
	switch (exercise.type) {
		case 'single-choice':
		case 'multiple-response':
			return exercise.options;
		case 'matching':
			return exercise.terms;
		case 'sorting':
			return exercise.cards;
	}
}

/**
 * Per item: is it right? Null while answering. After a check only the items `check` marks
 * (for single choice: the chosen option); with the right answer shown, every item.
 */
export function marksFor(exercise: ScoredExercise, record: AnswerRecord): Record<string, boolean> | null {
	switch (phaseOf(record)) {
		case 'answering':
			return null;
		case 'checked':
			return checkAnswer(exercise, record.value)?.items ?? {};
		case 'revealed': {
			const right = checkAnswer(exercise, rightAnswer(exercise))?.items ?? {};
			return Object.fromEntries(markedItems(exercise).map((item) => [item.id, right[item.id] ?? false]));
		}
	}
}

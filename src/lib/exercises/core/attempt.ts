import type { Exercise, ScoredExercise } from '../schemas';
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

const ids = (items: { id: string }[]) => new Set(items.map((item) => item.id));
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
	const items = checkAnswer(exercise, value)?.items ?? {};
	const rightOnly = (pairs: Record<string, string>) => Object.fromEntries(Object.entries(pairs).filter(([id]) => items[id]));
	switch (value.type) {
		case 'single-choice':
			return { type: 'single-choice', choice: value.choice && items[value.choice] ? value.choice : null };
		case 'multiple-response':
			return { type: 'multiple-response', choices: value.choices.filter((id) => items[id]) };
		case 'matching':
			return { type: 'matching', pairs: rightOnly(value.pairs) };
		case 'sorting':
			return { type: 'sorting', placed: rightOnly(value.placed) };
		default:
			return value;
	}
}

/**
 * After "Probeer opnieuw": the items kept because they were right, as long as the learner has not
 * changed them since (`now`), so they keep their "Goed" mark while the rest is redone.
 */
export function keptMarks(exercise: ScoredExercise, kept: AnswerValue, now: AnswerValue): Record<string, MarkKind> {
	const marks: Record<string, MarkKind> = {};
	const same = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).filter((id) => a[id] === b[id]);
	if (kept.type === 'multiple-response' && now.type === 'multiple-response')
		for (const id of kept.choices) if (now.choices.includes(id)) marks[id] = 'chosen';
	if (kept.type === 'single-choice' && now.type === 'single-choice' && kept.choice && kept.choice === now.choice)
		marks[kept.choice] = 'right';
	if (kept.type === 'matching' && now.type === 'matching') for (const id of same(kept.pairs, now.pairs)) marks[id] = 'right';
	if (kept.type === 'sorting' && now.type === 'sorting') for (const id of same(kept.placed, now.placed)) marks[id] = 'right';
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
 * Per item, what its mark says; null while answering. After a check, every item `check` marks
 * (single choice: the chosen option), in words that say what is true for multiple response (an
 * option left alone that does not belong gets no mark). With the right answer shown, the items
 * of the right answer say "Juiste antwoord" (multiple response: which belong), never "Goed".
 */
export function marksFor(exercise: ScoredExercise, record: AnswerRecord): Record<string, MarkKind> | null {
	switch (phaseOf(record)) {
		case 'answering':
			return null;
		case 'checked': {
			const items = checkAnswer(exercise, record.value)?.items ?? {};
			const marks: Record<string, MarkKind> = {};
			if (exercise.type === 'multiple-response' && record.value.type === 'multiple-response') {
				const chosen = new Set(record.value.choices);
				for (const option of exercise.options) {
					const belongs = exercise.answer.includes(option.id);
					if (chosen.has(option.id)) marks[option.id] = belongs ? 'chosen' : 'notBelongs';
					else if (belongs) marks[option.id] = 'missed';
				}
				return marks;
			}
			for (const [id, right] of Object.entries(items)) marks[id] = right ? 'right' : 'wrong';
			return marks;
		}
		case 'revealed': {
			if (exercise.type === 'single-choice') return { [exercise.answer]: 'answer' };
			if (exercise.type === 'multiple-response')
				return Object.fromEntries(exercise.options.filter((o) => exercise.answer.includes(o.id)).map((o) => [o.id, 'answer' as const]));
			return Object.fromEntries(markedItems(exercise).map((item) => [item.id, 'answer' as const]));
		}
	}
}

/** How many items of the last check were right, of how many: "4 van 6 goed". */
export function itemScore(exercise: ScoredExercise, record: AnswerRecord): { right: number; total: number } | null {
	if (phaseOf(record) !== 'checked') return null;
	const items = Object.values(checkAnswer(exercise, record.value)?.items ?? {});
	return { right: items.filter(Boolean).length, total: items.length };
}

import { isChangeId, isId, isIdList, isObj, isPath, isTime, isVerdict, LIMITS, type AnswerRecord, type AnswerValue, type Change } from '$lib/progress/contract';
import type { SyncBody } from './api-schema';

// The usual `POST /api/sync` body, checked by hand with the progress contract's own checks (the ones
// the browser uses): zod's checks of every save were 8-9 % of its CPU (decision 0005). This only
// says yes: it returns the body exactly as `syncBodySchema` would give it (unknown fields dropped,
// times in their one stored form, keys in the schema's order), or undefined for anything it does not
// take, and then the zod schema decides, so every refusal keeps its status and Dutch message.
// sync-body.spec.ts holds both to the same answer on valid bodies and on thousands of mutated ones.

/** A time as the schema stores it (`toISOString`); one with milliseconds (24 characters) already is. */
const storedTime = (time: string): string => (time.length === 24 ? time : new Date(time).toISOString());

/** Id → id within the limits, copied; a `__proto__` key is left to zod (copying it would set a prototype). */
function idMap(x: unknown): Record<string, string> | undefined {
	if (!isObj(x)) return undefined;
	const copy: Record<string, string> = {};
	let count = 0;
	for (const key in x) {
		const value = x[key];
		if (key === '__proto__' || !isId(key) || !isId(value) || ++count > LIMITS.items) return undefined;
		copy[key] = value;
	}
	return copy;
}

function answerValue(v: unknown): AnswerValue | undefined {
	if (!isObj(v)) return undefined;
	switch (v.type) {
		case 'reflection':
			return typeof v.text === 'string' && v.text.length <= LIMITS.text ? { type: 'reflection', text: v.text } : undefined;
		case 'single-choice':
			return v.choice === null || isId(v.choice) ? { type: 'single-choice', choice: v.choice } : undefined;
		case 'multiple-response':
			return isIdList(v.choices) ? { type: 'multiple-response', choices: v.choices.slice() } : undefined;
		case 'matching': {
			const pairs = idMap(v.pairs);
			return pairs && { type: 'matching', pairs };
		}
		case 'sorting': {
			const placed = idMap(v.placed);
			return placed && { type: 'sorting', placed };
		}
		default:
			return undefined;
	}
}

function answerRecord(r: unknown): AnswerRecord | undefined {
	if (!isObj(r)) return undefined;
	const value = answerValue(r.value);
	const { attempts, verdict, firstVerdict, revealed, savedAt } = r;
	if (!value || typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0 || attempts > LIMITS.attempts) return undefined;
	if ((verdict !== undefined && !isVerdict(verdict)) || (firstVerdict !== undefined && !isVerdict(firstVerdict))) return undefined;
	if ((revealed !== undefined && typeof revealed !== 'boolean') || !isTime(savedAt)) return undefined;
	if (verdict === undefined && firstVerdict === undefined && revealed === undefined) return { value, attempts, savedAt: storedTime(savedAt) };
	// The optional fields only when given, and savedAt last, as the schema gives them.
	const record: Partial<AnswerRecord> = { value, attempts };
	if (verdict !== undefined) record.verdict = verdict;
	if (firstVerdict !== undefined) record.firstVerdict = firstVerdict;
	if (revealed !== undefined) record.revealed = revealed;
	record.savedAt = storedTime(savedAt);
	return record as AnswerRecord;
}

function change(c: unknown): Change | undefined {
	if (!isObj(c) || !isChangeId(c.id)) return undefined;
	if (c.kind === 'answer') {
		if (!isId(c.exerciseId)) return undefined;
		const record = answerRecord(c.record);
		return record && { id: c.id, kind: 'answer', exerciseId: c.exerciseId, record };
	}
	if (c.kind !== 'visit' || !isPath(c.path) || !isTime(c.visitedAt)) return undefined;
	if (c.endReachedAt === undefined) return { id: c.id, kind: 'visit', path: c.path, visitedAt: storedTime(c.visitedAt) };
	if (!isTime(c.endReachedAt)) return undefined;
	return { id: c.id, kind: 'visit', path: c.path, visitedAt: storedTime(c.visitedAt), endReachedAt: storedTime(c.endReachedAt) };
}

/** The body as `syncBodySchema` gives it, when it is a plain valid one; otherwise undefined (ask zod). */
export function quickSyncBody(input: unknown): SyncBody | undefined {
	if (!isObj(input)) return undefined;
	const given = input.changes;
	if (!Array.isArray(given) || given.length < 1 || given.length > LIMITS.batch) return undefined;
	const changes: Change[] = [];
	for (const item of given) {
		const checked = change(item);
		if (!checked) return undefined;
		changes.push(checked);
	}
	return { changes };
}

// The progress contract, part 2 (docs/decisions/0008-contracts.md): a change as the browser queues it
// and `POST /api/sync` takes it, and the limits of sending. Only the pages that sync load this.
import { isAnswerRecord, isId, isObj, isPath, isVisit, type AnswerRecord, type SectionVisit } from './answers';

/** One change, exactly as `POST /api/sync` takes it. */
export type Change =
	| { id: string; kind: 'answer'; exerciseId: string; record: AnswerRecord }
	| ({ id: string; kind: 'visit'; path: string } & SectionVisit);

/** A change before it gets its id. */
export type ChangeData = { kind: 'answer'; exerciseId: string; record: AnswerRecord } | ({ kind: 'visit'; path: string } & SectionVisit);

/** The limits of sending changes to the server. */
export const TRANSPORT_LIMITS = {
	/** Changes in one `POST /api/sync`. */
	batch: 100,
	/** Bytes of a request body the server reads. */
	body: 64 * 1024,
	/** Bytes of changes the browser puts in one request: under `body`, with room for the wrapper. */
	batchBytes: 60_000,
	/** Changes waiting on the device; coalescing keeps one per exercise and section, so this only guards. */
	queue: 1000
} as const;

/** A change id: made by the browser once per change, so the server recognises a retry. */
export const CHANGE_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const isChangeId = (x: unknown): x is string => typeof x === 'string' && CHANGE_ID.test(x);

/** Is this a change the server takes? */
export function isChange(c: unknown): c is Change {
	if (!isObj(c) || !isChangeId(c.id)) return false;
	if (c.kind === 'answer') return isId(c.exerciseId) && isAnswerRecord(c.record);
	return c.kind === 'visit' && isPath(c.path) && isVisit(c);
}

import { createHash, randomBytes } from 'node:crypto';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { CODE_ALPHABET, CODE_LENGTH, groupCode, normaliseCode } from '$lib/progress/resume-code';
import type { Change } from '$lib/progress/sync';
import { inTransaction, type Db } from './db';
import { forgetLearners } from './known-learners';
import { now } from './save-batch';

// Saving changes (group commit) is in save-batch.ts; re-exported here, where the rest of the store is.
export { applyChanges, orderingTime, type Applied } from './save-batch';

/** A random learner id: 128 bits, URL-safe. */
export const newLearnerId = () => randomBytes(16).toString('base64url');

// One change from a device's queue: the same type the browser queues.
export type { Change };

export async function ensureLearner(db: Db, id: string): Promise<void> {
	const at = now();
	await db
		.insertInto('learners')
		.values({ id, created_at: at, touched_at: at })
		.onConflict((oc) => oc.column('id').doUpdateSet({ touched_at: at }))
		.execute();
}

export interface StoredProgress {
	answers: Record<string, AnswerRecord>;
	sections: Record<string, { visitedAt: string; endReachedAt?: string }>;
}

export async function loadProgress(db: Db, learnerId: string): Promise<StoredProgress | null> {
	const learner = await db.selectFrom('learners').select('id').where('id', '=', learnerId).executeTakeFirst();
	if (!learner) return null;
	const answers = await db.selectFrom('answers').select(['exercise_id', 'record']).where('learner_id', '=', learnerId).execute();
	const sections = await db.selectFrom('sections').selectAll().where('learner_id', '=', learnerId).execute();
	return {
		answers: Object.fromEntries(answers.map((a) => [a.exercise_id, JSON.parse(a.record) as AnswerRecord])),
		sections: Object.fromEntries(
			sections.map((s) => [s.path, s.end_reached_at ? { visitedAt: s.visited_at, endReachedAt: s.end_reached_at } : { visitedAt: s.visited_at }])
		)
	};
}

/** "Wis mijn gegevens": the learner and everything that hangs on it. */
export async function deleteLearner(db: Db, learnerId: string): Promise<boolean> {
	const result = await db.deleteFrom('learners').where('id', '=', learnerId).executeTakeFirst();
	forgetLearners(db); // a later save of this id must create its row again
	return Number(result.numDeletedRows) > 0;
}

/** Delete learners untouched since `before`; returns how many. */
export async function purgeUntouched(db: Db, before: Date): Promise<number> {
	const result = await db.deleteFrom('learners').where('touched_at', '<', before.toISOString()).executeTakeFirst();
	forgetLearners(db);
	return Number(result.numDeletedRows);
}

export { CODE_ALPHABET, CODE_LENGTH, normaliseCode };

/** A new resume code, shown in groups of four for reading aloud ("ABCD-EFGH-JKMN-PQ"). */
export function newResumeCode(): string {
	let code = '';
	while (code.length < CODE_LENGTH) {
		const byte = randomBytes(1)[0]!;
		// Reject 240–255 so that each of the 30 symbols is equally likely.
		if (byte < 240) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
	}
	return groupCode(code);
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');

/** Give the learner a new code; the old one stops working. */
export async function replaceResumeCode(db: Db, learnerId: string): Promise<string> {
	const code = newResumeCode();
	await inTransaction(db, async (trx) => {
		await ensureLearner(trx, learnerId);
		await trx.deleteFrom('resume_codes').where('learner_id', '=', learnerId).execute();
		await trx.insertInto('resume_codes').values({ code_hash: hashCode(normaliseCode(code)!), learner_id: learnerId, created_at: now() }).execute();
	});
	return code;
}

/**
 * Use a code: the learner it belongs to, or null when it is unknown, used or older than `maxAgeMinutes`.
 * A code works once: it is deleted in the same statement that finds it, so two devices racing
 * with one code cannot both get it, and a code that leaked afterwards (a photo of the QR code, a
 * phishing link) is worthless.
 */
export async function redeemResumeCode(db: Db, input: string, maxAgeMinutes: number, at = new Date()): Promise<string | null> {
	const code = normaliseCode(input);
	if (!code) return null;
	const row = await db.deleteFrom('resume_codes').where('code_hash', '=', hashCode(code)).returning(['learner_id', 'created_at']).executeTakeFirst();
	if (!row) return null;
	return row.created_at >= new Date(at.getTime() - maxAgeMinutes * 60_000).toISOString() ? row.learner_id : null;
}

/** Delete codes older than `before` (with the purge). */
export async function purgeResumeCodes(db: Db, before: Date): Promise<number> {
	const result = await db.deleteFrom('resume_codes').where('created_at', '<', before.toISOString()).executeTakeFirst();
	return Number(result.numDeletedRows);
}

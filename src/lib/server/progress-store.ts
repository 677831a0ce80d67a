import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { CODE_ALPHABET, CODE_LENGTH, groupCode, normaliseCode } from '$lib/progress/resume-code';
import type { Change } from '$lib/progress/sync';
import type { Db } from './db';

/** A random learner id: 128 bits, URL-safe. */
export const newLearnerId = () => randomBytes(16).toString('base64url');

// One change from a device's queue: the same type the browser queues.
export type { Change };

const now = () => new Date().toISOString();

/**
 * Run `work` in a transaction on one connection. When the commit or the rollback fails too (a full
 * disk often fails both), the error that caused it is thrown, not "cannot rollback - no transaction
 * is active": the log must name the real cause.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	return db.connection().execute(async (conn) => {
		await sql`begin`.execute(conn);
		try {
			const result = await work(conn);
			await sql`commit`.execute(conn);
			return result;
		} catch (error) {
			await sql`rollback`.execute(conn).catch(() => undefined);
			throw error;
		}
	});
}

export async function ensureLearner(db: Db, id: string): Promise<void> {
	const at = now();
	await db
		.insertInto('learners')
		.values({ id, created_at: at, touched_at: at })
		.onConflict((oc) => oc.column('id').doUpdateSet({ touched_at: at }))
		.execute();
}

/**
 * The moment an answer is ordered by: the device's savedAt, but never later than the server's own
 * clock. A device whose clock runs ahead cannot stamp an answer "in the future" and so freeze it;
 * a device that saved offline keeps its (earlier) moment, so an older edit never wins over a newer one.
 */
export const orderingTime = (savedAt: string, serverNow: string): string => (savedAt > serverNow ? serverNow : savedAt);

export interface Applied {
	/** Rows written. */
	applied: number;
	/** Answer changes not written because the server holds a newer answer for that exercise. */
	notApplied: string[];
}

/**
 * Apply changes in one transaction. An answer is written only when it is newer than the stored
 * one (by its ordering time, then change id): an older answer never overwrites a newer one, and a
 * retried change finds its own row and changes nothing. Answers that lost are listed by id.
 */
export async function applyChanges(db: Db, learnerId: string, changes: Change[], serverNow = now()): Promise<Applied> {
	return inTransaction(db, async (trx) => {
		await ensureLearner(trx, learnerId);
		let applied = 0;
		const notApplied: string[] = [];
		for (const change of changes) {
			if (change.kind === 'answer') {
				const savedAt = orderingTime(change.record.savedAt, serverNow);
				const record = savedAt === change.record.savedAt ? change.record : { ...change.record, savedAt };
				const result = await trx
					.insertInto('answers')
					.values({
						learner_id: learnerId,
						exercise_id: change.exerciseId,
						record: JSON.stringify(record),
						saved_at: savedAt,
						change_id: change.id
					})
					.onConflict((oc) =>
						oc
							.columns(['learner_id', 'exercise_id'])
							.doUpdateSet({
								record: (eb) => eb.ref('excluded.record'),
								saved_at: (eb) => eb.ref('excluded.saved_at'),
								change_id: (eb) => eb.ref('excluded.change_id')
							})
							.where(({ eb, or, and, ref }) =>
								or([
									eb(ref('excluded.saved_at'), '>', ref('answers.saved_at')),
									and([eb(ref('excluded.saved_at'), '=', ref('answers.saved_at')), eb(ref('excluded.change_id'), '>', ref('answers.change_id'))])
								])
							)
					)
					.executeTakeFirst();
				const written = Number(result.numInsertedOrUpdatedRows ?? 0);
				applied += written;
				if (!written) {
					// Not written: a retry of the stored change (fine), or a newer answer is there.
					const stored = await trx
						.selectFrom('answers')
						.select('change_id')
						.where('learner_id', '=', learnerId)
						.where('exercise_id', '=', change.exerciseId)
						.executeTakeFirst();
					if (stored?.change_id !== change.id) notApplied.push(change.id);
				}
			} else {
				const result = await trx
					.insertInto('sections')
					.values({ learner_id: learnerId, path: change.path, visited_at: change.visitedAt, end_reached_at: change.endReachedAt ?? null })
					.onConflict((oc) =>
						oc.columns(['learner_id', 'path']).doUpdateSet({
							// Keep the earliest visit and the earliest end reached, as the browser's merge does
							// (src/lib/progress/sync.ts), so both sides agree and nothing is sent again and again.
							visited_at: sql`case when excluded.visited_at < sections.visited_at then excluded.visited_at else sections.visited_at end`,
							end_reached_at: sql`case when sections.end_reached_at is null or excluded.end_reached_at < sections.end_reached_at then excluded.end_reached_at else sections.end_reached_at end`
						})
					)
					.executeTakeFirst();
				applied += Number(result.numInsertedOrUpdatedRows ?? 0);
			}
		}
		return { applied, notApplied };
	});
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
	return Number(result.numDeletedRows) > 0;
}

/** Delete learners untouched since `before`; returns how many. */
export async function purgeUntouched(db: Db, before: Date): Promise<number> {
	const result = await db.deleteFrom('learners').where('touched_at', '<', before.toISOString()).executeTakeFirst();
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

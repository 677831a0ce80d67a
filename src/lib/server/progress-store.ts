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

export async function ensureLearner(db: Db, id: string): Promise<void> {
	const at = now();
	await db
		.insertInto('learners')
		.values({ id, created_at: at, touched_at: at })
		.onConflict((oc) => oc.column('id').doUpdateSet({ touched_at: at }))
		.execute();
}

/**
 * Apply changes in one transaction. An answer is written only when it is newer than the stored
 * one (by savedAt, then change id): an older answer never overwrites a newer one, and a retried
 * change finds its own row and changes nothing. Returns how many rows changed.
 */
export async function applyChanges(db: Db, learnerId: string, changes: Change[]): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await ensureLearner(trx as Db, learnerId);
		let applied = 0;
		for (const change of changes) {
			if (change.kind === 'answer') {
				const result = await trx
					.insertInto('answers')
					.values({
						learner_id: learnerId,
						exercise_id: change.exerciseId,
						record: JSON.stringify(change.record),
						saved_at: change.record.savedAt,
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
				applied += Number(result.numInsertedOrUpdatedRows ?? 0);
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
		return applied;
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
	await db.transaction().execute(async (trx) => {
		await ensureLearner(trx as Db, learnerId);
		await trx.deleteFrom('resume_codes').where('learner_id', '=', learnerId).execute();
		await trx.insertInto('resume_codes').values({ code_hash: hashCode(normaliseCode(code)!), learner_id: learnerId, created_at: now() }).execute();
	});
	return code;
}

/** The learner a code belongs to, or null. */
export async function learnerForCode(db: Db, input: string): Promise<string | null> {
	const code = normaliseCode(input);
	if (!code) return null;
	const row = await db.selectFrom('resume_codes').select('learner_id').where('code_hash', '=', hashCode(code)).executeTakeFirst();
	return row?.learner_id ?? null;
}

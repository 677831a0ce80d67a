import { createHash, randomBytes } from 'node:crypto';
import { CODE_ALPHABET } from '$lib/progress/contract';
import { TEAM_LIMITS, type ReflectionStatus, type TeamAnswer } from '$lib/team/contract';
import { inTransaction, type Db } from '../db';

// Team sessions in the database (issue 11, decision 0011). Anonymous by design: a participant is a
// random id and the hash of a random key, nothing else; no column points to a learner of progress
// sync. Every change here is followed by the caller's notice to the event hub (hub.ts).

/** A random id or key: 128 bits, base64url (22 characters). */
export const newKey = (): string => randomBytes(16).toString('base64url');

/** How a key is stored: its SHA-256, so a copy of the database opens no session. */
export const hashKey = (key: string): string => createHash('sha256').update(key).digest('base64url');

/** A join code: 6 symbols of the code alphabet, each equally likely (≈ 29 bits; live sessions are few). */
export function newJoinCode(): string {
	let code = '';
	while (code.length < TEAM_LIMITS.codeLength) {
		const byte = randomBytes(1)[0]!;
		if (byte < 240) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
	}
	return code;
}

/** The moment before which a session's last activity means it has ended. */
export const activityCutoff = (now: Date, days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

/** When a session ends unless something happens: `days` after its last activity. */
export const expiresAt = (lastActivityAt: string, days: number): string => new Date(Date.parse(lastActivityAt) + days * 86_400_000).toISOString();

export interface SessionRow {
	id: string;
	title: string;
	joinCode: string;
	lastActivityAt: string;
}

export interface ParticipantRow {
	id: string;
	sessionId: string;
	title: string;
	joinCode: string;
}

/** A new session; the facilitator key is returned once and kept only as its hash. */
export async function createSession(db: Db, title: string, now = new Date()): Promise<SessionRow & { facilitatorKey: string }> {
	const at = now.toISOString();
	for (let attempt = 0; ; attempt++) {
		const row = { id: newKey(), title, join_code: newJoinCode(), created_at: at, last_activity_at: at };
		const facilitatorKey = newKey();
		// A code still held by another live (or not yet purged) session: draw another one.
		const inserted = await db
			.insertInto('team_sessions')
			.values({ ...row, facilitator_hash: hashKey(facilitatorKey) })
			.onConflict((oc) => oc.doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { id: row.id, title, joinCode: row.join_code, lastActivityAt: at, facilitatorKey };
		if (attempt >= 10) throw new Error('no free join code');
	}
}

/** The live session (not ended, not expired) whose `column` is `value`, or null. */
async function liveSession(db: Db, column: 'facilitator_hash' | 'id', value: string, days: number, now: Date): Promise<SessionRow | null> {
	const row = await db
		.selectFrom('team_sessions')
		.select(['id', 'title', 'join_code', 'last_activity_at'])
		.where(column, '=', value)
		.where('last_activity_at', '>=', activityCutoff(now, days))
		.executeTakeFirst();
	return row ? { id: row.id, title: row.title, joinCode: row.join_code, lastActivityAt: row.last_activity_at } : null;
}

/** The live session a facilitator key opens, or null (unknown key, ended or expired). */
export const sessionByKey = (db: Db, key: string, days: number, now = new Date()): Promise<SessionRow | null> =>
	liveSession(db, 'facilitator_hash', hashKey(key), days, now);

/** A live session by id (for the event hub), or null. */
export const sessionById = (db: Db, id: string, days: number, now = new Date()): Promise<SessionRow | null> => liveSession(db, 'id', id, days, now);

/** The participant a key belongs to, in a live session, or null. */
export async function participantByKey(db: Db, key: string, days: number, now = new Date()): Promise<ParticipantRow | null> {
	const row = await db
		.selectFrom('team_participants as p')
		.innerJoin('team_sessions as s', 's.id', 'p.session_id')
		.select(['p.id', 'p.session_id', 's.title', 's.join_code'])
		.where('p.key_hash', '=', hashKey(key))
		.where('s.last_activity_at', '>=', activityCutoff(now, days))
		.executeTakeFirst();
	return row ? { id: row.id, sessionId: row.session_id, title: row.title, joinCode: row.join_code } : null;
}

export type JoinResult = { participantKey: string; sessionId: string; title: string; joinCode: string } | 'unknown' | 'full';

/**
 * Join the live session with this (normalised) code. The session row is updated first, in the same
 * transaction: that locks it (PostgreSQL) or the database (SQLite), so two joins racing for the last
 * place cannot both count 199.
 */
export async function joinSession(db: Db, code: string, max: number, days: number, now = new Date()): Promise<JoinResult> {
	if (!code) return 'unknown';
	const at = now.toISOString();
	return inTransaction(db, async (trx) => {
		const session = await trx
			.updateTable('team_sessions')
			.set({ last_activity_at: at })
			.where('join_code', '=', code)
			.where('last_activity_at', '>=', activityCutoff(now, days))
			.returning(['id', 'title', 'join_code'])
			.executeTakeFirst();
		if (!session) return 'unknown';
		const { count } = await trx
			.selectFrom('team_participants')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('session_id', '=', session.id)
			.executeTakeFirstOrThrow();
		if (Number(count) >= max) return 'full';
		const participantKey = newKey();
		await trx.insertInto('team_participants').values({ id: newKey(), session_id: session.id, key_hash: hashKey(participantKey), joined_at: at, last_seen_at: at }).execute();
		return { participantKey, sessionId: session.id, title: session.title, joinCode: session.join_code };
	});
}

/** Activity of a participant: they were seen, and the session lives on. */
async function touch(trx: Db, participant: ParticipantRow, at: string): Promise<void> {
	await trx.updateTable('team_participants').set({ last_seen_at: at }).where('id', '=', participant.id).execute();
	await trx.updateTable('team_sessions').set({ last_activity_at: at }).where('id', '=', participant.sessionId).execute();
}

/**
 * First answers and opened sections of a participant; an answer already stored for that exercise
 * stays (the first attempt counts). Returns whether anything new was stored (a board to update).
 */
export async function recordProgress(db: Db, participant: ParticipantRow, answers: TeamAnswer[], sections: string[], now = new Date()): Promise<boolean> {
	const at = now.toISOString();
	return inTransaction(db, async (trx) => {
		let added = 0;
		if (answers.length) {
			const result = await trx
				.insertInto('team_answers')
				.values(
					answers.map((a) => ({
						session_id: participant.sessionId,
						participant_id: participant.id,
						exercise_id: a.exerciseId,
						value: JSON.stringify(a.value),
						first_verdict: a.firstVerdict,
						answered_at: at
					}))
				)
				.onConflict((oc) => oc.columns(['participant_id', 'exercise_id']).doNothing())
				.executeTakeFirst();
			added += Number(result.numInsertedOrUpdatedRows ?? 0);
		}
		if (sections.length) {
			const result = await trx
				.insertInto('team_sections')
				.values(sections.map((path) => ({ session_id: participant.sessionId, participant_id: participant.id, path })))
				.onConflict((oc) => oc.columns(['participant_id', 'path']).doNothing())
				.executeTakeFirst();
			added += Number(result.numInsertedOrUpdatedRows ?? 0);
		}
		await touch(trx, participant, at);
		return added > 0;
	});
}

/** Share a reflection, or replace the shared copy: a new id, pending again (approval was for the old text). */
export async function shareReflection(db: Db, participant: ParticipantRow, exerciseId: string, text: string, now = new Date()): Promise<{ id: string; status: 'pending' }> {
	const at = now.toISOString();
	const id = newKey();
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('team_reflections').where('participant_id', '=', participant.id).where('exercise_id', '=', exerciseId).execute();
		await trx
			.insertInto('team_reflections')
			.values({ id, session_id: participant.sessionId, participant_id: participant.id, exercise_id: exerciseId, text, status: 'pending', shared_at: at })
			.execute();
		await touch(trx, participant, at);
	});
	return { id, status: 'pending' };
}

/** Withdraw a shared reflection (the row is deleted); false when none was shared. Activity like any change: the hub's heartbeat sees it by that. */
export async function withdrawReflection(db: Db, participant: ParticipantRow, exerciseId: string, now = new Date()): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const result = await trx.deleteFrom('team_reflections').where('participant_id', '=', participant.id).where('exercise_id', '=', exerciseId).executeTakeFirst();
		if (Number(result.numDeletedRows) === 0) return false;
		await touch(trx, participant, now.toISOString());
		return true;
	});
}

/** The facilitator approves a shared text or takes it off the board; false when the id is not of this session. */
export async function decideReflection(db: Db, sessionId: string, id: string, decision: 'approve' | 'hide', now = new Date()): Promise<boolean> {
	const status: ReflectionStatus = decision === 'approve' ? 'approved' : 'hidden';
	return inTransaction(db, async (trx) => {
		const result = await trx.updateTable('team_reflections').set({ status }).where('id', '=', id).where('session_id', '=', sessionId).executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) return false;
		await trx.updateTable('team_sessions').set({ last_activity_at: now.toISOString() }).where('id', '=', sessionId).execute();
		return true;
	});
}

/** What a participant has shared, for their own view. */
export async function ownShared(db: Db, participant: ParticipantRow): Promise<{ exerciseId: string; text: string; status: ReflectionStatus }[]> {
	const rows = await db
		.selectFrom('team_reflections')
		.select(['exercise_id', 'text', 'status'])
		.where('participant_id', '=', participant.id)
		.orderBy('shared_at')
		.orderBy('exercise_id')
		.execute();
	return rows.map((r) => ({ exerciseId: r.exercise_id, text: r.text, status: r.status }));
}

const TEAM_TABLES = ['team_reflections', 'team_sections', 'team_answers', 'team_participants', 'team_sessions'] as const;

/** End sessions: every row of them, in every team table, in one transaction. */
export async function deleteSessions(db: Db, ids: string[]): Promise<void> {
	if (!ids.length) return;
	await inTransaction(db, async (trx) => {
		for (const table of TEAM_TABLES) await trx.deleteFrom(table).where(table === 'team_sessions' ? 'id' : 'session_id', 'in', ids).execute();
	});
}

/** Leave: the participant and everything they sent, in one transaction. */
export async function leaveSession(db: Db, participant: ParticipantRow): Promise<void> {
	await inTransaction(db, async (trx) => {
		for (const table of ['team_reflections', 'team_sections', 'team_answers'] as const) await trx.deleteFrom(table).where('participant_id', '=', participant.id).execute();
		await trx.deleteFrom('team_participants').where('id', '=', participant.id).execute();
		await trx.updateTable('team_sessions').set({ last_activity_at: new Date().toISOString() }).where('id', '=', participant.sessionId).execute();
	});
}

/** Delete sessions without activity for `days` (the retention purge); returns their ids, for the event hub. */
export async function purgeExpiredSessions(db: Db, days: number, now = new Date()): Promise<string[]> {
	const rows = await db.selectFrom('team_sessions').select('id').where('last_activity_at', '<', activityCutoff(now, days)).execute();
	const ids = rows.map((r) => r.id);
	// In slices, so a parameter list never grows past what a database takes.
	for (let i = 0; i < ids.length; i += 500) await deleteSessions(db, ids.slice(i, i + 500));
	return ids;
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examples as single } from '$lib/exercises/single-choice/examples';
import { examples as matching } from '$lib/exercises/matching/examples';
import type { ScoredExercise } from '$lib/exercises/schemas';
import type { TeamAnswer } from '$lib/team/contract';
import { migrate, openDb, type Db } from '../db';
import { boardState } from './board';
import type { TeamCourse } from './course';
import {
	createSession, decideReflection, deleteSessions, joinSession, leaveSession, ownShared, participantByKey, purgeExpiredSessions, recordProgress,
	sessionByKey, shareReflection, withdrawReflection, type ParticipantRow, type SessionRow
} from './store';

// The same tests run on PostgreSQL when TEST_DATABASE_URL is set (CI starts one).
const url = process.env.TEST_DATABASE_URL;
const TABLES = ['team_reflections', 'team_sections', 'team_answers', 'team_participants', 'team_sessions'] as const;
let db: Db;

beforeEach(async () => {
	db = openDb(url, ':memory:').db;
	await migrate(db);
	if (url) for (const table of TABLES) await db.deleteFrom(table).execute();
});
afterEach(() => db.destroy());

const choice = single[0]!.exercise as ScoredExercise; // aantal-laaggeletterd
const pairs = matching[0]!.exercise as ScoredExercise; // vier-factoren
const course: TeamCourse = {
	sections: ['h/een', 'h/twee'],
	scored: [choice, pairs],
	scoredById: new Map([choice, pairs].map((e) => [e.id, e])),
	reflections: new Set(['eigen-ervaring'])
};
const pick = (id: string, verdict: TeamAnswer['firstVerdict'] = 'incorrect'): TeamAnswer => ({
	exerciseId: choice.id,
	value: { type: 'single-choice', choice: id },
	firstVerdict: verdict
});

async function session(): Promise<{ s: SessionRow; key: string }> {
	const created = await createSession(db, 'Team Noord');
	return { s: (await sessionByKey(db, created.facilitatorKey, 30))!, key: created.facilitatorKey };
}
async function participant(code: string): Promise<ParticipantRow & { key: string }> {
	const joined = await joinSession(db, code, 200, 30);
	if (typeof joined === 'string') throw new Error(joined);
	return { ...(await participantByKey(db, joined.participantKey, 30))!, key: joined.participantKey };
}
const count = async (table: (typeof TABLES)[number]) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe(`team store on ${url ? 'PostgreSQL' : 'SQLite'}`, () => {
	it('makes a session with a 6-symbol code and opens it only with its key, stored as a hash', async () => {
		const created = await createSession(db, 'Team Noord');
		expect(created.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
		expect(created.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect((await sessionByKey(db, created.facilitatorKey, 30))?.title).toBe('Team Noord');
		expect(await sessionByKey(db, 'A'.repeat(22), 30)).toBeNull();
		const row = await db.selectFrom('team_sessions').selectAll().executeTakeFirstOrThrow();
		expect(JSON.stringify(row)).not.toContain(created.facilitatorKey);
	});

	it('counts and tallies only from three first answers, and keeps the first answer of each participant', async () => {
		const { s } = await session();
		const [a, b, c] = [await participant(s.joinCode), await participant(s.joinCode), await participant(s.joinCode)];
		expect(await recordProgress(db, a, [pick('driehonderdduizend', 'correct')], ['h/een'])).toBe(true);
		expect(await recordProgress(db, b, [pick('honderdduizend')], ['h/een', 'h/twee'])).toBe(true);
		let board = await boardState(db, s, course, 30);
		expect(board.participants).toBe(3);
		expect(board.exercises[0]).toEqual({ id: choice.id, answered: 2, tally: null });
		expect(board.sections).toEqual([{ path: 'h/een', reached: 2 }, { path: 'h/twee', reached: 1 }]);
		// A second answer of the same participant is not their first: it changes nothing.
		expect(await recordProgress(db, b, [pick('vijfhonderdduizend')], ['h/een'])).toBe(false);
		await recordProgress(db, c, [pick('driehonderdduizend', 'correct')], []);
		board = await boardState(db, s, course, 30);
		expect(board.exercises[0]).toEqual({
			id: choice.id,
			answered: 3,
			tally: { firstVerdicts: { correct: 2, partial: 0, incorrect: 1 }, choices: { driehonderdduizend: 2, honderdduizend: 1 } }
		});
		expect(board.exercises[1]).toEqual({ id: pairs.id, answered: 0, tally: null });
		expect(board.joinCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
	});

	it('shows a shared reflection to the facilitator without its author; approve, hide, replace and withdraw', async () => {
		const { s, key } = await session();
		const p = await participant(s.joinCode);
		const shared = await shareReflection(db, p, 'eigen-ervaring', 'Wij vragen te weinig door.');
		let board = await boardState(db, s, course, 30);
		expect(board.reflections).toEqual([{ id: shared.id, exerciseId: 'eigen-ervaring', text: 'Wij vragen te weinig door.', status: 'pending', sharedAt: expect.any(String) }]);
		expect(JSON.stringify(board)).not.toContain(p.id);
		expect(await decideReflection(db, s.id, shared.id, 'approve')).toBe(true);
		expect((await ownShared(db, p))[0]?.status).toBe('approved');
		expect(await decideReflection(db, s.id, shared.id, 'hide')).toBe(true);
		expect((await boardState(db, s, course, 30)).reflections[0]?.status).toBe('hidden');
		// A new text replaces the copy and waits for approval again.
		const again = await shareReflection(db, p, 'eigen-ervaring', 'Nieuwe tekst');
		expect(again.id).not.toBe(shared.id);
		expect(await ownShared(db, p)).toEqual([{ exerciseId: 'eigen-ervaring', text: 'Nieuwe tekst', status: 'pending' }]);
		// Withdrawing is activity too: the hub's heartbeat notices a changed board by the session's last activity.
		const later = new Date(Date.now() + 60_000);
		expect(await withdrawReflection(db, p, 'eigen-ervaring', later)).toBe(true);
		expect((await sessionByKey(db, key, 30, later))?.lastActivityAt).toBe(later.toISOString());
		expect(await withdrawReflection(db, p, 'eigen-ervaring')).toBe(false);
		board = await boardState(db, s, course, 30);
		expect(board.reflections).toEqual([]);
	});

	it('lets no facilitator decide on another session\'s reflection', async () => {
		const one = await session();
		const other = await session();
		const p = await participant(one.s.joinCode);
		const shared = await shareReflection(db, p, 'eigen-ervaring', 'tekst');
		expect(await decideReflection(db, other.s.id, shared.id, 'approve')).toBe(false);
		expect((await ownShared(db, p))[0]?.status).toBe('pending');
	});

	it('refuses a wrong code and a full session', async () => {
		const { s } = await session();
		expect(await joinSession(db, 'ZZZZZZ', 200, 30)).toBe('unknown');
		expect(await joinSession(db, '', 200, 30)).toBe('unknown');
		for (let i = 0; i < 3; i++) expect(typeof (await joinSession(db, s.joinCode, 3, 30))).toBe('object');
		expect(await joinSession(db, s.joinCode, 3, 30)).toBe('full');
		expect(await count('team_participants')).toBe(3);
	});

	it('ends a session: zero rows of it in every team table, another session untouched', async () => {
		const { s, key } = await session();
		const other = await session();
		for (const id of [s.joinCode, other.s.joinCode]) {
			const p = await participant(id);
			await recordProgress(db, p, [pick('honderdduizend')], ['h/een']);
			await shareReflection(db, p, 'eigen-ervaring', 'tekst');
		}
		await deleteSessions(db, [s.id]);
		for (const table of TABLES) expect(await count(table), table).toBe(1);
		expect(await sessionByKey(db, key, 30)).toBeNull();
	});

	it('leaving deletes the participant and all their rows', async () => {
		const { s } = await session();
		const p = await participant(s.joinCode);
		await recordProgress(db, p, [pick('honderdduizend')], ['h/een']);
		await shareReflection(db, p, 'eigen-ervaring', 'tekst');
		await leaveSession(db, p);
		for (const table of TABLES.slice(0, 4)) expect(await count(table), table).toBe(0);
		expect(await participantByKey(db, p.key, 30)).toBeNull();
		expect((await boardState(db, s, course, 30)).participants).toBe(0);
	});

	it('ends a session days after its last activity: closed at once, deleted by the purge', async () => {
		const start = new Date('2026-11-01T10:00:00.000Z');
		const created = await createSession(db, 'Oud', start);
		const kept = await createSession(db, 'Nieuw', new Date('2026-11-20T10:00:00.000Z'));
		const later = new Date('2026-12-01T10:00:01.000Z');
		expect(await sessionByKey(db, created.facilitatorKey, 30, later)).toBeNull();
		expect(await joinSession(db, created.joinCode, 200, 30, later)).toBe('unknown');
		expect(await purgeExpiredSessions(db, 30, later)).toEqual([created.id]);
		expect(await count('team_sessions')).toBe(1);
		expect(await sessionByKey(db, kept.facilitatorKey, 30, later)).not.toBeNull();
	});
});

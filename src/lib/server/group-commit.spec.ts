import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { migrate, openDb, postgresPool, sqliteHandle, type Db } from './db';
import { isDataError } from './group-commit';
import { applyChanges, deleteLearner, loadProgress, newLearnerId, type Change } from './progress-store';

// Group commit (save-batch.ts, group-commit.ts): saves that arrive together are written in one
// transaction, and each request still gets the answer it would have got alone. Runs on PostgreSQL
// too when TEST_DATABASE_URL is set.
const url = process.env.TEST_DATABASE_URL;
let db: Db;

beforeEach(async () => {
	db = openDb(url, ':memory:').db;
	await migrate(db);
	if (url) for (const table of ['server_state', 'rate_limits', 'resume_codes', 'sections', 'answers', 'learners'] as const) await db.deleteFrom(table).execute();
});
afterEach(() => db.destroy());

const record = (text: string, savedAt: string): AnswerRecord => ({ value: { type: 'reflection', text }, attempts: 1, savedAt });
const answer = (id: string, exerciseId: string, text: string, savedAt: string): Change => ({ id, kind: 'answer', exerciseId, record: record(text, savedAt) });
const NOW = '2026-11-30T12:00:00.000Z';

describe(`group commit on ${url ? 'PostgreSQL' : 'SQLite'}`, () => {
	it('writes saves that arrive together in one transaction, each answered as if alone', async () => {
		const learners = Array.from({ length: 20 }, newLearnerId);
		// Every statement goes through the query executor (also inside a transaction).
		// No SQL is built per batch: Kysely runs nothing; the statements are fixed (save-statements.ts).
		const statements = vi.spyOn(Object.getPrototypeOf(db.getExecutor()) as { executeQuery: () => unknown }, 'executeQuery');
		// PostgreSQL: one named statement (prepared once per connection) on the pool. SQLite: one transaction.
		const pool = postgresPool(db);
		const direct = pool && vi.spyOn(pool, 'query');
		const sqlite = sqliteHandle(db);
		const transactions = sqlite && vi.spyOn(sqlite, 'exec');
		const results = await Promise.all(learners.map((id, i) => applyChanges(db, id, [answer(`change-${i}`, 'x', `tekst ${i}`, '2026-11-30T10:00:00.000Z')], NOW)));
		// Alone, each save took four statements (begin, learner, answer, commit).
		expect(statements).not.toHaveBeenCalled();
		if (direct) {
			expect(direct).toHaveBeenCalledTimes(1);
			expect(direct.mock.calls[0]![0]).toMatchObject({ name: expect.any(String) });
			direct.mockRestore();
		}
		if (transactions) {
			expect(transactions.mock.calls.map(([text]) => text)).toEqual(['begin', 'commit']);
			transactions.mockRestore();
		}
		statements.mockRestore();
		expect(results).toEqual(learners.map(() => ({ applied: 1, notApplied: [] })));
		for (const [i, id] of learners.entries()) expect((await loadProgress(db, id))?.answers.x?.value).toEqual({ type: 'reflection', text: `tekst ${i}` });
	});

	it('applies one exercise changed twice in a batch in arrival order: the newer wins, the older is reported', async () => {
		const id = newLearnerId();
		const [newer, older, both] = await Promise.all([
			applyChanges(db, id, [answer('newer-0001', 'x', 'nieuw', '2026-11-30T11:00:00.000Z')], NOW),
			applyChanges(db, id, [answer('older-0001', 'x', 'oud', '2026-11-30T10:00:00.000Z')], NOW),
			// Two changes of one exercise in one request, the second newer: both are written, one after the other.
			applyChanges(db, id, [answer('first-0001', 'y', 'eerst', '2026-11-30T10:00:00.000Z'), answer('second-001', 'y', 'daarna', '2026-11-30T10:30:00.000Z')], NOW)
		]);
		expect(newer).toEqual({ applied: 1, notApplied: [] });
		expect(older).toEqual({ applied: 0, notApplied: ['older-0001'] });
		expect(both).toEqual({ applied: 2, notApplied: [] });
		const stored = (await loadProgress(db, id))!.answers;
		expect(stored.x?.value).toEqual({ type: 'reflection', text: 'nieuw' });
		expect(stored.y?.value).toEqual({ type: 'reflection', text: 'daarna' });
	});

	it('recognises a change retried within the same batch, and keeps the order of notApplied within a request', async () => {
		const id = newLearnerId();
		await applyChanges(db, id, [answer('stored-a01', 'a', 'A', '2026-11-30T11:00:00.000Z'), answer('stored-b01', 'b', 'B', '2026-11-30T11:00:00.000Z')], NOW);
		const change = answer('retry-0001', 'x', 'een', '2026-11-30T10:00:00.000Z');
		const [first, retry, late] = await Promise.all([
			applyChanges(db, id, [change], NOW),
			applyChanges(db, id, [change], NOW),
			applyChanges(db, id, [answer('late-b0001', 'b', 'oud', '2026-11-30T09:00:00.000Z'), answer('late-a0001', 'a', 'oud', '2026-11-30T09:00:00.000Z')], NOW)
		]);
		expect(first).toEqual({ applied: 1, notApplied: [] });
		expect(retry).toEqual({ applied: 0, notApplied: [] });
		expect(late).toEqual({ applied: 0, notApplied: ['late-b0001', 'late-a0001'] });
	});

	it('counts visits per request and keeps the earliest visit across a batch', async () => {
		const id = newLearnerId();
		const results = await Promise.all([
			applyChanges(db, id, [{ id: 'visit-0001', kind: 'visit', path: 'a/b', visitedAt: '2026-11-02T00:00:00.000Z' }], NOW),
			applyChanges(db, id, [{ id: 'visit-0002', kind: 'visit', path: 'a/b', visitedAt: '2026-11-01T00:00:00.000Z', endReachedAt: '2026-11-03T00:00:00.000Z' }], NOW)
		]);
		expect(results).toEqual([
			{ applied: 1, notApplied: [] },
			{ applied: 1, notApplied: [] }
		]);
		expect((await loadProgress(db, id))?.sections['a/b']).toEqual({ visitedAt: '2026-11-01T00:00:00.000Z', endReachedAt: '2026-11-03T00:00:00.000Z' });
	});

	it('fails every save of a batch whose transaction fails, so none is acknowledged unwritten', async () => {
		const ids = [newLearnerId(), newLearnerId()];
		const closed = db;
		await closed.destroy();
		const settled = await Promise.allSettled(ids.map((id) => applyChanges(closed, id, [answer('gone-00001', 'x', 'weg', NOW)], NOW)));
		expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
		db = openDb(url, ':memory:').db; // for afterEach
	});

	it('saves for a learner deleted meanwhile, by "Wis mijn gegevens" or behind the server\'s back: the learner is made again, the answer kept', async () => {
		const [forgot, removed] = [newLearnerId(), newLearnerId()];
		for (const id of [forgot, removed]) expect(await applyChanges(db, id, [answer(`first-${id.slice(0, 4)}`, 'x', 'eerst', NOW)], NOW)).toEqual({ applied: 1, notApplied: [] });
		// Behind its back first (deleteLearner would make this process forget what it knows).
		await db.deleteFrom('learners').where('id', '=', removed).execute(); // as the sqlite3 tool or another instance would
		expect(await applyChanges(db, removed, [answer('again-00001', 'x', 'opnieuw', NOW)], NOW)).toEqual({ applied: 1, notApplied: [] });
		await deleteLearner(db, forgot);
		expect(await applyChanges(db, forgot, [answer('again-00002', 'x', 'opnieuw', NOW)], NOW)).toEqual({ applied: 1, notApplied: [] });
		for (const id of [forgot, removed]) expect((await loadProgress(db, id))?.answers.x?.value).toEqual({ type: 'reflection', text: 'opnieuw' });
	});

	it("tells a failure of one request's data from a failure of the database", () => {
		expect(isDataError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }))).toBe(true);
		expect(isDataError(Object.assign(new Error('x'), { code: '23505' }))).toBe(true);
		expect(isDataError(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toBe(false);
		expect(isDataError(Object.assign(new Error('x'), { code: '57P01' }))).toBe(false);
		expect(isDataError(new Error('connection refused'))).toBe(false);
	});
});

describe('SQLite: learners this process wrote today', () => {
	it('are left out of the learners statement until a day has passed, and touched_at stays what it would be', async () => {
		const local = openDb(undefined, ':memory:').db;
		await migrate(local);
		const sqlite = sqliteHandle(local)!;
		const prepare = vi.spyOn(sqlite, 'prepare');
		const learnerStatements = () => prepare.mock.calls.filter(([text]) => text.startsWith('insert into learners')).length;
		const touched = async () => (await local.selectFrom('learners').select('touched_at').where('id', '=', id).executeTakeFirstOrThrow()).touched_at;
		const id = newLearnerId();
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			const t0 = new Date('2026-12-01T08:00:00.000Z');
			vi.setSystemTime(t0);
			await applyChanges(local, id, [answer('day-00001', 'x', 'een', t0.toISOString())]);
			expect([learnerStatements(), await touched()]).toEqual([1, t0.toISOString()]);
			vi.setSystemTime(new Date(t0.getTime() + 3_600_000));
			await applyChanges(local, id, [answer('day-00002', 'x', 'twee', t0.toISOString())]);
			expect([learnerStatements(), await touched()]).toEqual([1, t0.toISOString()]);
			const later = new Date(t0.getTime() + 25 * 3_600_000);
			vi.setSystemTime(later);
			await applyChanges(local, id, [answer('day-00003', 'x', 'drie', later.toISOString())]);
			expect([learnerStatements(), await touched()]).toEqual([2, later.toISOString()]);
		} finally {
			vi.useRealTimers();
			prepare.mockRestore();
			await local.destroy();
		}
	});
});

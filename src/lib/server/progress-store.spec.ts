import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '$lib/exercises/core/types';
import { migrate, openDb, type Db } from './db';
import {
	applyChanges, CODE_ALPHABET, deleteLearner, loadProgress, newLearnerId, newResumeCode, normaliseCode, purgeUntouched, redeemResumeCode,
	replaceResumeCode
} from './progress-store';

// The same tests run on PostgreSQL when TEST_DATABASE_URL is set (CI starts one).
const url = process.env.TEST_DATABASE_URL;
let db: Db;

beforeEach(async () => {
	db = openDb(url, ':memory:').db;
	await migrate(db);
	if (url) for (const table of ['server_state', 'rate_limits', 'resume_codes', 'sections', 'answers', 'learners'] as const) await db.deleteFrom(table).execute();
});
afterEach(() => db.destroy());

const record = (text: string, savedAt: string): AnswerRecord => ({ value: { type: 'reflection', text }, attempts: 1, savedAt });

describe(`progress store on ${url ? 'PostgreSQL' : 'SQLite'}`, () => {
	it('keeps the newer answer, whatever order the changes arrive in', async () => {
		const id = newLearnerId();
		await applyChanges(db, id, [{ id: 'c2', kind: 'answer', exerciseId: 'x', record: record('nieuw', '2026-11-02T10:00:00.000Z') }]);
		await applyChanges(db, id, [{ id: 'c1', kind: 'answer', exerciseId: 'x', record: record('oud', '2026-11-01T10:00:00.000Z') }]);
		expect((await loadProgress(db, id))?.answers.x?.value).toEqual({ type: 'reflection', text: 'nieuw' });
	});

	it('D6 never orders an answer after the server clock: a device clock a year ahead freezes nothing', async () => {
		const id = newLearnerId();
		const serverNow = '2026-11-30T12:00:00.000Z';
		const ahead = { id: 'ahead', kind: 'answer' as const, exerciseId: 'x', record: record('klok vooruit', '2027-11-30T12:00:00.000Z') };
		expect(await applyChanges(db, id, [ahead], serverNow)).toEqual({ applied: 1, notApplied: [] });
		expect((await loadProgress(db, id))?.answers.x?.savedAt).toBe(serverNow);
		// A minute later, another device with a right clock: its answer is newer and wins.
		const later = { id: 'later', kind: 'answer' as const, exerciseId: 'x', record: record('vandaag', '2026-11-30T12:01:00.000Z') };
		expect(await applyChanges(db, id, [later], '2026-11-30T12:01:00.500Z')).toEqual({ applied: 1, notApplied: [] });
		expect((await loadProgress(db, id))?.answers.x?.value).toEqual({ type: 'reflection', text: 'vandaag' });
		// An older answer that arrives late is reported as not applied, so the device knows.
		const old = { id: 'old', kind: 'answer' as const, exerciseId: 'x', record: record('oud', '2026-11-30T11:00:00.000Z') };
		expect(await applyChanges(db, id, [old], '2026-11-30T12:02:00.000Z')).toEqual({ applied: 0, notApplied: ['old'] });
	});

	it('does not double a retried change', async () => {
		const id = newLearnerId();
		const change = { id: 'c1', kind: 'answer' as const, exerciseId: 'x', record: record('een', '2026-11-01T10:00:00.000Z') };
		expect(await applyChanges(db, id, [change])).toEqual({ applied: 1, notApplied: [] });
		expect(await applyChanges(db, id, [change])).toEqual({ applied: 0, notApplied: [] });
		expect(Object.keys((await loadProgress(db, id))!.answers)).toEqual(['x']);
	});

	it('keeps the first visit and the first time the end was reached', async () => {
		const id = newLearnerId();
		await applyChanges(db, id, [{ id: 'v1', kind: 'visit', path: 'a/b', visitedAt: '2026-11-02T00:00:00.000Z' }]);
		await applyChanges(db, id, [{ id: 'v2', kind: 'visit', path: 'a/b', visitedAt: '2026-11-01T00:00:00.000Z', endReachedAt: '2026-11-03T00:00:00.000Z' }]);
		expect((await loadProgress(db, id))?.sections['a/b']).toEqual({ visitedAt: '2026-11-01T00:00:00.000Z', endReachedAt: '2026-11-03T00:00:00.000Z' });
		// An earlier end that arrives later (an offline device) wins; a missing one changes nothing.
		await applyChanges(db, id, [{ id: 'v3', kind: 'visit', path: 'a/b', visitedAt: '2026-11-05T00:00:00.000Z', endReachedAt: '2026-11-02T00:00:00.000Z' }]);
		await applyChanges(db, id, [{ id: 'v4', kind: 'visit', path: 'a/b', visitedAt: '2026-11-05T00:00:00.000Z' }]);
		expect((await loadProgress(db, id))?.sections['a/b']).toEqual({ visitedAt: '2026-11-01T00:00:00.000Z', endReachedAt: '2026-11-02T00:00:00.000Z' });
	});

	it('deletes a learner with everything', async () => {
		const id = newLearnerId();
		await applyChanges(db, id, [{ id: 'c1', kind: 'answer', exerciseId: 'x', record: record('een', '2026-11-01T10:00:00.000Z') }]);
		await replaceResumeCode(db, id);
		expect(await deleteLearner(db, id)).toBe(true);
		expect(await loadProgress(db, id)).toBeNull();
		expect(await db.selectFrom('answers').selectAll().execute()).toEqual([]);
		expect(await db.selectFrom('resume_codes').selectAll().execute()).toEqual([]);
	});

	it("notes a learner's activity at most once a day, so a save does not rewrite the learner row every time", async () => {
		const id = newLearnerId();
		const touched = async () => (await db.selectFrom('learners').select('touched_at').where('id', '=', id).executeTakeFirstOrThrow()).touched_at;
		const save = (n: number) => applyChanges(db, id, [{ id: `t${n}`, kind: 'visit', path: `a/${n}`, visitedAt: '2026-11-01T00:00:00.000Z' }]);
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(new Date('2026-11-01T08:00:00.000Z'));
			await save(1);
			vi.setSystemTime(new Date('2026-11-01T20:00:00.000Z'));
			await save(2);
			expect(await touched()).toBe('2026-11-01T08:00:00.000Z');
			vi.setSystemTime(new Date('2026-11-02T08:00:00.001Z'));
			await save(3);
			expect(await touched()).toBe('2026-11-02T08:00:00.001Z');
		} finally {
			vi.useRealTimers();
		}
		expect(Object.keys((await loadProgress(db, id))!.sections)).toEqual(['a/1', 'a/2', 'a/3']);
	});

	it('purges learners untouched before a date', async () => {
		const id = newLearnerId();
		await applyChanges(db, id, [{ id: 'v1', kind: 'visit', path: 'a/b', visitedAt: '2026-11-01T00:00:00.000Z' }]);
		expect(await purgeUntouched(db, new Date(Date.now() - 86_400_000))).toBe(0);
		expect(await purgeUntouched(db, new Date(Date.now() + 1000))).toBe(1);
		expect(await loadProgress(db, id)).toBeNull();
	});

	it('resumes with a code; a new code makes the old one invalid', async () => {
		const id = newLearnerId();
		const first = await replaceResumeCode(db, id);
		const second = await replaceResumeCode(db, id);
		expect(await redeemResumeCode(db, first, 30)).toBeNull();
		expect(await redeemResumeCode(db, second.toLowerCase().replace(/-/g, ' '), 30)).toBe(id);
		expect(await redeemResumeCode(db, 'ZZZZ-ZZZZ-ZZZZ-ZZ', 30)).toBeNull();
	});

	it('D4 a code works once, and not after it expired', async () => {
		const id = newLearnerId();
		const code = await replaceResumeCode(db, id);
		expect(await redeemResumeCode(db, code, 30)).toBe(id);
		expect(await redeemResumeCode(db, code, 30)).toBeNull();
		const late = await replaceResumeCode(db, id);
		expect(await redeemResumeCode(db, late, 30, new Date(Date.now() + 31 * 60_000))).toBeNull();
	});
});

describe('resume codes', () => {
	it('carry at least 60 bits and no look-alike characters', () => {
		const code = newResumeCode();
		expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
		expect(code.replace(/-/g, '').length * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(60);
		for (const lookAlike of '01OILU') expect(CODE_ALPHABET).not.toContain(lookAlike);
	});

	it('are read back whatever the case, spaces or dashes, and refuse anything else', () => {
		const code = newResumeCode();
		expect(normaliseCode(` ${code.toLowerCase()} `)).toBe(code.replace(/-/g, ''));
		expect(normaliseCode('kort')).toBeNull();
		expect(normaliseCode('OOOO-OOOO-OOOO-OO')).toBeNull();
	});

	it('are all different across many draws', () => {
		const codes = new Set(Array.from({ length: 2000 }, newResumeCode));
		expect(codes.size).toBe(2000);
	});
});

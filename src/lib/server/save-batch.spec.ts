import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDb, type Db } from './db';
import { applyChanges, loadProgress, type Change } from './progress-store';

// writeBatch's short cuts for the usual batch (one round found by its sort, "as many rows back as
// went in" counted without a set of keys) must give what the rule gives. Generated batches with
// repeated exercises, retried changes, older answers and visits, checked against a model of the
// rule written out here: the newer answer wins (time, then change id), a retry changes nothing and
// is not reported, a losing answer is reported in its request's order, a visit keeps the earliest time.

let db: Db;
beforeEach(async () => {
	db = openDb(undefined, ':memory:').db;
	await migrate(db);
});
afterEach(() => db.destroy());

/** A small deterministic generator, so a failure can be replayed by its seed. */
function generator(seed: number) {
	let state = seed;
	return (n: number) => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return Math.floor(state / 65536) % n;
	};
}

const LEARNERS = ['aaaaaaaaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaaaaaaaa2', 'aaaaaaaaaaaaaaaaaaaaa3'];
const NOW = '2026-11-30T12:00:00.000Z';
type Request = { learnerId: string; changes: Change[] };

function batches(seed: number): Request[][] {
	const pick = generator(seed);
	const made: Change[] = [];
	const change = (): Change => {
		// Sometimes a retry of an earlier change: the same change again.
		if (made.length && pick(5) === 0) return made[pick(made.length)]!;
		const id = `change-${String(made.length).padStart(4, '0')}`;
		const at = `2026-11-30T10:${String(pick(4)).padStart(2, '0')}:00.000Z`;
		const next: Change =
			pick(4) === 0
				? { id, kind: 'visit', path: `hoofdstuk/${pick(3)}`, visitedAt: at }
				: { id, kind: 'answer', exerciseId: `oefening-${pick(3)}`, record: { value: { type: 'reflection', text: id }, attempts: 1, savedAt: at } };
		made.push(next);
		return next;
	};
	// A retried change belongs to its own learner: the same change under another learner is another row.
	return Array.from({ length: 6 }, () =>
		Array.from({ length: 1 + pick(8) }, () => {
			const learnerId = LEARNERS[pick(LEARNERS.length)]!;
			return { learnerId, changes: Array.from({ length: 1 + pick(3) }, change) };
		})
	);
}

/** The rule, request by request and change by change, in arrival order. */
function model() {
	const answers = new Map<string, { at: string; id: string }>();
	const visits = new Map<string, string>();
	return {
		apply({ learnerId, changes }: Request) {
			const result = { applied: 0, notApplied: [] as string[] };
			for (const c of changes) {
				if (c.kind === 'visit') {
					const key = `${learnerId} ${c.path}`;
					const earlier = visits.get(key);
					if (earlier === undefined || c.visitedAt < earlier) visits.set(key, c.visitedAt);
					result.applied++;
					continue;
				}
				const key = `${learnerId} ${c.exerciseId}`;
				const stored = answers.get(key);
				const at = c.record.savedAt;
				if (!stored || at > stored.at || (at === stored.at && c.id > stored.id)) {
					answers.set(key, { at, id: c.id });
					result.applied++;
				} else if (stored.id !== c.id) result.notApplied.push(c.id);
			}
			return result;
		},
		stored(learnerId: string) {
			const own = (map: Map<string, unknown>) => [...map].filter(([key]) => key.startsWith(`${learnerId} `)).map(([key, value]) => [key.slice(learnerId.length + 1), value]);
			return {
				answers: Object.fromEntries(own(answers).map(([exercise, value]) => [exercise, (value as { id: string }).id])),
				sections: Object.fromEntries(own(visits).map(([path, at]) => [path, at]))
			};
		}
	};
}

describe('a batch of saves (writeBatch)', () => {
	it('answers each request and stores what the rule says, on 60 generated sequences of batches', async () => {
		let repeatedInABatch = 0;
		let lost = 0;
		for (let seed = 1; seed <= 60; seed++) {
			await db.deleteFrom('learners').execute();
			const rule = model();
			for (const batch of batches(seed)) {
				// All requests of a batch in one turn: one transaction (group commit).
				const results = await Promise.all(batch.map((r) => applyChanges(db, r.learnerId, r.changes, NOW)));
				expect(results, `seed ${seed}`).toEqual(batch.map((r) => rule.apply(r)));
				const keys = batch.flatMap((r) => r.changes.map((c) => `${r.learnerId} ${c.kind === 'answer' ? c.exerciseId : c.path}`));
				if (new Set(keys).size < keys.length) repeatedInABatch++;
				lost += results.reduce((sum, r) => sum + r.notApplied.length, 0);
			}
			for (const learnerId of LEARNERS) {
				const found = await loadProgress(db, learnerId);
				const expected = rule.stored(learnerId);
				expect(found ? Object.fromEntries(Object.entries(found.answers).map(([exercise, record]) => [exercise, (record.value as { text: string }).text])) : {}, `seed ${seed}`).toEqual(expected.answers);
				expect(found ? Object.fromEntries(Object.entries(found.sections).map(([path, s]) => [path, s.visitedAt])) : {}, `seed ${seed}`).toEqual(expected.sections);
			}
		}
		// The generated batches reach both ways: batches with a key twice (several rounds) and lost answers.
		expect(repeatedInABatch).toBeGreaterThan(50);
		expect(lost).toBeGreaterThan(50);
	});

	it('takes the short cut for a batch with no key twice: every save written, each counted once', async () => {
		const batch = LEARNERS.map((learnerId, i): Request => ({
			learnerId,
			changes: [{ id: `change-${i}-001`, kind: 'answer', exerciseId: 'oefening-0', record: { value: { type: 'reflection', text: 'x' }, attempts: 1, savedAt: '2026-11-30T10:00:00.000Z' } }]
		}));
		expect(await Promise.all(batch.map((r) => applyChanges(db, r.learnerId, r.changes, NOW)))).toEqual(batch.map(() => ({ applied: 1, notApplied: [] })));
		// The same saves again (retries): nothing written, nothing reported.
		expect(await Promise.all(batch.map((r) => applyChanges(db, r.learnerId, r.changes, NOW)))).toEqual(batch.map(() => ({ applied: 0, notApplied: [] })));
	});
});

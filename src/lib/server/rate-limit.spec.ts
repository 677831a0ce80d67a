import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDb, type Db } from './db';
import { addressGroup, hit, hitLocal, peek, purgeRateLimits, rateKey, RESUME_TRIES, type Limit } from './rate-limit';

// Like progress-store.spec.ts: PostgreSQL when TEST_DATABASE_URL is set. scripts/test.mjs runs the
// files one after another there, as both empty the same tables.
const url = process.env.TEST_DATABASE_URL;
let db: Db;

beforeEach(async () => {
	db = openDb(url, ':memory:').db;
	await migrate(db);
	if (url) await db.deleteFrom('rate_limits').execute();
});
afterEach(() => db.destroy());

const limit: Limit = { name: 'test', max: 3, windowMs: 60_000 };
const t0 = Date.UTC(2026, 10, 28, 10, 0, 0);

describe(`rate limits on ${url ? 'PostgreSQL' : 'SQLite'}`, () => {
	it('allows max hits in a window, then refuses with the seconds left', async () => {
		const verdicts = [];
		for (let i = 0; i < 4; i++) verdicts.push(await hit(db, limit, 'a', t0 + 15_000));
		expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
		expect(verdicts[3]!.retryAfter).toBe(45);
	});

	it('starts counting again in the next window', async () => {
		for (let i = 0; i < 4; i++) await hit(db, limit, 'a', t0);
		expect((await hit(db, limit, 'a', t0 + 59_999)).allowed).toBe(false);
		expect((await hit(db, limit, 'a', t0 + 60_000)).allowed).toBe(true);
	});

	it('counts each subject and each limit apart', async () => {
		for (let i = 0; i < 3; i++) await hit(db, limit, 'a', t0);
		expect((await hit(db, limit, 'b', t0)).allowed).toBe(true);
		expect((await hit(db, { ...limit, name: 'other' }, 'a', t0)).allowed).toBe(true);
		expect((await hit(db, limit, 'a', t0)).allowed).toBe(false);
	});

	it('counts right when hits arrive at once', async () => {
		const verdicts = await Promise.all(Array.from({ length: 8 }, () => hit(db, limit, 'a', t0)));
		expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
	});

	it('stores no address, and purges old windows', async () => {
		await hit(db, RESUME_TRIES, '203.0.113.7', t0);
		await hit(db, limit, 'b', t0 + 86_400_000);
		const keys = (await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
		expect(keys).toContain(rateKey(RESUME_TRIES, '203.0.113.7'));
		expect(keys.join()).not.toContain('203.0.113.7');
		expect(await purgeRateLimits(db, new Date(t0 + 1000))).toBe(1);
		expect(await db.selectFrom('rate_limits').select('key').execute()).toHaveLength(1);
	});

	it('peeks without counting', async () => {
		for (let i = 0; i < 2; i++) await hit(db, limit, 'p', t0);
		expect((await peek(db, limit, 'p', t0)).allowed).toBe(true);
		expect((await peek(db, limit, 'p', t0)).allowed).toBe(true);
		await hit(db, limit, 'p', t0);
		expect((await peek(db, limit, 'p', t0)).allowed).toBe(false);
		expect((await peek(db, limit, 'p', t0 + 60_000)).allowed).toBe(true);
	});
});

describe('address groups', () => {
	it('D8 group IPv6 addresses by /64 and leave IPv4 as it is', () => {
		expect(addressGroup('203.0.113.7')).toBe('203.0.113.7');
		expect(addressGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(addressGroup('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(addressGroup('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
		expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
	});
});

describe('limits kept in memory', () => {
	it('count like the shared ones: max per window, then refuse, and start again in the next window', () => {
		const local: Limit = { name: 'local-test', max: 2, windowMs: 60_000, local: true };
		expect([hitLocal(local, 'a', t0), hitLocal(local, 'a', t0), hitLocal(local, 'a', t0 + 15_000)].map((v) => v.allowed)).toEqual([true, true, false]);
		expect(hitLocal(local, 'a', t0 + 15_000).retryAfter).toBe(45);
		expect(hitLocal(local, 'b', t0).allowed).toBe(true);
		expect(hitLocal(local, 'a', t0 + 60_000).allowed).toBe(true);
	});

	it('keep each limit its own count for the same subject, also across a window that ends', () => {
		const one: Limit = { name: 'local-one', max: 1, windowMs: 60_000, local: true };
		const two: Limit = { name: 'local-two', max: 1, windowMs: 60_000, local: true };
		const start = t0 + 10 * 60_000;
		expect([hitLocal(one, 's', start), hitLocal(two, 's', start), hitLocal(one, 's', start), hitLocal(two, 's', start)].map((v) => v.allowed)).toEqual([true, true, false, false]);
		// The next window: both start again, and the sweep of one limit's old counts leaves the other's new ones.
		expect(hitLocal(one, 's', start + 60_000).allowed).toBe(true);
		expect(hitLocal(two, 's', start + 60_000).allowed).toBe(true);
		expect(hitLocal(two, 's', start + 60_000).allowed).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { retentionCutoff, retentionSeconds, settingsFromEnv } from './settings';

describe('server settings', () => {
	it('default to SQLite in data/, 12 months, no proxy', () => {
		expect(settingsFromEnv({})).toEqual({ databaseUrl: undefined, sqlitePath: 'data/etool.sqlite', retentionMonths: 12, trustProxy: 0 });
	});

	it('read DATABASE_URL, DATA_DIR, RETENTION_MONTHS and TRUST_PROXY', () => {
		const s = settingsFromEnv({ DATABASE_URL: 'postgresql://u@h/db', DATA_DIR: '/var/etool', RETENTION_MONTHS: '6', TRUST_PROXY: '1' });
		expect(s).toEqual({ databaseUrl: 'postgresql://u@h/db', sqlitePath: '/var/etool/etool.sqlite', retentionMonths: 6, trustProxy: 1 });
	});

	it('fall back to 12 months for a value that is not a whole number of months', () => {
		for (const value of ['0', '-1', '1.5', 'twaalf', '', '1000']) expect(settingsFromEnv({ RETENTION_MONTHS: value }).retentionMonths).toBe(12);
	});

	it('count TRUST_PROXY as the number of proxies in front; anything else is none', () => {
		expect(settingsFromEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
		expect(settingsFromEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
		for (const value of ['', '0', 'yes', '1.5', '-1']) expect(settingsFromEnv({ TRUST_PROXY: value }).trustProxy).toBe(0);
	});

	it('ignore a DATABASE_URL that is not PostgreSQL (SQLite is the default)', () => {
		expect(settingsFromEnv({ DATABASE_URL: 'mysql://x' }).databaseUrl).toBeUndefined();
	});

	it('count retention in calendar months, and the cookie lives about as long', () => {
		expect(retentionCutoff(new Date('2026-11-28T10:00:00.000Z'), 12).toISOString()).toBe('2025-11-28T10:00:00.000Z');
		expect(retentionCutoff(new Date('2026-03-15T00:00:00.000Z'), 2).toISOString()).toBe('2026-01-15T00:00:00.000Z');
		expect(retentionSeconds(12) / 86_400).toBeCloseTo(365.25, 1);
	});
});

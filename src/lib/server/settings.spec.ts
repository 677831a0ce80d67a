import { describe, expect, it } from 'vitest';
import { retentionCutoff, retentionSeconds, settingsFromEnv } from './settings';

describe('server settings', () => {
	it('default to SQLite in data/, 12 months, no proxy', () => {
		expect(settingsFromEnv({})).toEqual({
			databaseUrl: undefined,
			sqlitePath: 'data/etool.sqlite',
			retentionMonths: 12,
			trustProxy: 0,
			learnerSecret: undefined,
			resumeCodeMinutes: 30,
			teamSessionMax: 200,
			teamSessionDays: 30,
			socketIdleSeconds: 60,
			problems: []
		});
	});

	it('read DATABASE_URL, DATA_DIR, RETENTION_MONTHS and TRUST_PROXY', () => {
		const s = settingsFromEnv({ DATABASE_URL: 'postgresql://u@h/db', DATA_DIR: '/var/etool', RETENTION_MONTHS: '6', TRUST_PROXY: '1' });
		expect(s).toMatchObject({ databaseUrl: 'postgresql://u@h/db', sqlitePath: '/var/etool/etool.sqlite', retentionMonths: 6, trustProxy: 1, problems: [] });
	});

	it('read SOCKET_IDLE_SECONDS; fall back to 60 for anything unusable', () => {
		expect(settingsFromEnv({ SOCKET_IDLE_SECONDS: '2' }).socketIdleSeconds).toBe(2);
		for (const value of ['0', '3601', '1.5', 'x', '']) expect(settingsFromEnv({ SOCKET_IDLE_SECONDS: value }).socketIdleSeconds).toBe(60);
	});

	it('read TEAM_SESSION_MAX and TEAM_SESSION_DAYS; fall back to 200 and 30 for anything unusable', () => {
		expect(settingsFromEnv({ TEAM_SESSION_MAX: '30', TEAM_SESSION_DAYS: '7' })).toMatchObject({ teamSessionMax: 30, teamSessionDays: 7 });
		for (const value of ['0', '-1', '2.5', 'veel', '', '1000000']) {
			expect(settingsFromEnv({ TEAM_SESSION_MAX: value, TEAM_SESSION_DAYS: value })).toMatchObject({ teamSessionMax: 200, teamSessionDays: 30 });
		}
	});

	it('fall back to 12 months for a value that is not a whole number of months', () => {
		for (const value of ['0', '-1', '1.5', 'twaalf', '', '1000']) expect(settingsFromEnv({ RETENTION_MONTHS: value }).retentionMonths).toBe(12);
	});

	it('count TRUST_PROXY as the number of proxies in front; anything else is none', () => {
		expect(settingsFromEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
		expect(settingsFromEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
		for (const value of ['', '0', 'yes', '1.5', '-1']) expect(settingsFromEnv({ TRUST_PROXY: value }).trustProxy).toBe(0);
	});

	it('D12 refuse a DATABASE_URL that is set but not PostgreSQL, without echoing it', () => {
		for (const url of ['mysql://x', 'postgress://u:geheim@h/db', 'db.internal:5432']) {
			const s = settingsFromEnv({ DATABASE_URL: url });
			expect(s.databaseUrl).toBeUndefined();
			expect(s.problems).toHaveLength(1);
			expect(s.problems[0]).toMatch(/DATABASE_URL is ingesteld, maar is geen postgres/);
			expect(s.problems[0]).not.toContain('geheim');
		}
		expect(settingsFromEnv({ DATABASE_URL: 'POSTGRES://u@h/db' }).databaseUrl).toBe('POSTGRES://u@h/db');
		expect(settingsFromEnv({ DATABASE_URL: '' }).problems).toEqual([]);
	});

	it('count retention in calendar months, and the cookie lives about as long', () => {
		expect(retentionCutoff(new Date('2026-11-28T10:00:00.000Z'), 12).toISOString()).toBe('2025-11-28T10:00:00.000Z');
		expect(retentionCutoff(new Date('2026-03-15T00:00:00.000Z'), 2).toISOString()).toBe('2026-01-15T00:00:00.000Z');
		expect(retentionSeconds(12) / 86_400).toBeCloseTo(365.25, 1);
	});
});

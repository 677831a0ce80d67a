import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server-process';

/** One server under test, as the test files see it. */
export interface ServerUnderTest {
	/** 'SQLite' or 'PostgreSQL': part of every test's name. */
	name: string;
	baseUrl: string;
	logFile: string;
}

const TABLES = ['rate_limits', 'resume_codes', 'sections', 'answers', 'learners', 'team_reflections', 'team_sections', 'team_answers', 'team_participants', 'team_sessions'];

/** Empty the test database, so counters of an earlier run (rate limits!) do not leak into this one. */
async function emptyPostgres(url: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		for (const table of TABLES) await client.query(`delete from ${table}`).catch((e: { code?: string }) => {
			if (e.code !== '42P01') throw e; // 42P01: the table does not exist yet; the server's migration makes it
		});
	} finally {
		await client.end();
	}
}

/**
 * The shared servers: TRUST_PROXY=1, so each test can act from an address of its own through
 * X-Forwarded-For (the resume limit counts per address). lifecycle.test.ts starts its own without it.
 */
export default async function setup(project: TestProject) {
	const running: RunningServer[] = [];
	const servers: ServerUnderTest[] = [];
	const sqlite = await startServer({ TRUST_PROXY: '1' });
	running.push(sqlite);
	servers.push({ name: 'SQLite', baseUrl: sqlite.baseUrl, logFile: sqlite.logFile });
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		await emptyPostgres(url);
		const postgres = await startServer({ TRUST_PROXY: '1', DATABASE_URL: url });
		running.push(postgres);
		servers.push({ name: 'PostgreSQL', baseUrl: postgres.baseUrl, logFile: postgres.logFile });
	}
	project.provide('servers', servers);
	return async () => {
		for (const server of running) await server.stop();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		servers: ServerUnderTest[];
	}
}

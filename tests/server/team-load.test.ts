import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTeamLoad } from '../../scripts/bench-team.mjs';
import { postgresForFile } from './pg-cluster';
import { startServer, type RunningServer } from './server-process';
import { Board, choiceAnswer, createSession, joinAs, progress, shareBody, TeamDevice } from './team-client';

// Team sessions across instances and under load (issue 11). PostgreSQL is TEST_DATABASE_URL when
// set, else a throw-away cluster of this file's own (as faults.test.ts): these cases always run on it.
const postgresUrl = postgresForFile();

describe('two instances on one PostgreSQL', () => {
	let a: RunningServer;
	let b: RunningServer;
	beforeAll(async () => {
		[a, b] = await Promise.all([startServer({ DATABASE_URL: postgresUrl() }), startServer({ DATABASE_URL: postgresUrl() })]);
	});
	afterAll(async () => {
		await Promise.all([a?.stop(), b?.stop()]);
	});

	it('a participant on A, the board on B: every change arrives within 2 s, also after the listening connection was cut', async () => {
		const { facilitator, key, code } = await createSession(a.baseUrl);
		const board = new Board(b.baseUrl, key);
		await board.until(() => true);
		const p = await joinAs(a.baseUrl, code);
		let sent = performance.now();
		expect((await board.until((s) => s.participants === 1)).at - sent).toBeLessThan(2000);

		sent = performance.now();
		await p.call('PUT', '/api/team/me/reflections', shareBody('Via instantie A gedeeld'));
		const shared = await board.until((s) => s.reflections.length === 1);
		expect(shared.at - sent).toBeLessThan(2000);
		sent = performance.now();
		await facilitator.call('POST', '/api/team/session/reflections', { id: shared.state.reflections[0]!.id, decision: 'approve' });
		expect((await board.until((s) => s.reflections[0]?.status === 'approved')).at - sent).toBeLessThan(2000);

		// A DBA (or a failover) ends B's listening connection: B connects again and catches up.
		const admin = new pg.Client({ connectionString: postgresUrl() });
		await admin.connect();
		const cut = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'etool-team-listen'");
		await admin.end();
		expect(cut.rowCount).toBeGreaterThanOrEqual(1);
		await new Promise((r) => setTimeout(r, 1500)); // B reconnects after 1 s
		const q = await joinAs(a.baseUrl, code);
		sent = performance.now();
		await q.call('POST', '/api/team/me/progress', progress([choiceAnswer(1)]));
		expect((await board.until((s) => s.participants === 2 && s.exercises.some((e) => e.answered === 1), 4000)).at - sent).toBeLessThan(2000);

		// Ended on A: the board on B hears it.
		await facilitator.call('DELETE', '/api/team/session');
		await board.event('ended');
		board.close();
	});
});

describe('a full room (TEAM_SESSION_MAX) and 200 participants answering (runTeamLoad, shorter than npm run bench:team)', () => {
	for (const database of ['SQLite', 'PostgreSQL'] as const) {
		it(`on ${database}: 200 join and answer every scored exercise within 10 s; no errors, the board stays live; the 201st is refused`, async () => {
			const server = await startServer(database === 'PostgreSQL' ? { DATABASE_URL: postgresUrl() } : {});
			try {
				const result = await runTeamLoad({ baseUrl: server.baseUrl, participants: 200, seconds: 10 });
				console.log(`${database}: ${JSON.stringify(result)}`);
				expect(result.errors).toBe(0);
				expect(result.boardClosedEarly).toBe(false);
				expect(result.answersAcknowledged).toBe(result.answersExpected);
				expect(result.finalParticipants).toBe(200);
				expect(result.finalAnswers).toBe(result.answersExpected);
				expect(result.unseen).toBe(0);
				expect(result.p99).toBeLessThan(2000);

				// A session with 200 participants takes no 201st.
				const { code, facilitator } = await createSession(server.baseUrl);
				const joins = await Promise.all(Array.from({ length: 200 }, () => new TeamDevice(server.baseUrl).call('POST', '/api/team/join', { code })));
				expect(joins.filter((r) => r.status === 200).length).toBe(200);
				const full = await new TeamDevice(server.baseUrl).call('POST', '/api/team/join', { code });
				expect(full.status).toBe(409);
				expect(full.body.error).toEqual({ code: 'session_full', message: 'Deze teamsessie is vol: er doen al 200 mensen mee.' });
				expect((await facilitator.call('GET', '/api/team/session')).body.participants).toBe(200);
			} finally {
				await server.stop();
			}
		}, 90_000);
	}
});

import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresForFile } from './pg-cluster';
import { startServer, type RunningServer } from './server-process';
import { answer, reflectionAnswer, singleChoice } from './client';
import { Board, choiceAnswer, createSession, joinAs, progress, shareBody, TeamDevice } from './team-client';

// Team sessions under attack (the security pass of issue 11): what one client could do to the
// server through the board's event stream, board reads and session creation. Each case is named
// after the defect it found; the limits are set low here so a few requests reach them. PostgreSQL is
// TEST_DATABASE_URL when set, else a throw-away cluster of this file's own (pg-cluster.ts).
const postgresUrl = postgresForFile();

const LIMITS = {
	TRUST_PROXY: '1',
	TEAM_STREAMS_PER_SESSION: '3',
	TEAM_STREAMS_PER_ADDRESS: '5',
	TEAM_STREAMS_TOTAL: '8',
	RATE_LIMIT_TEAM_BOARD_READS_PER_MINUTE: '12',
	RATE_LIMIT_TEAM_SESSIONS_TOTAL: '16',
	RATE_LIMIT_TEAM_WRITES_PER_ADDRESS: '30'
};

/** A stream opened with node:http, never read: what a hostile client holds open. */
function rawStream(base: string, key: string, address: string): Promise<{ status: number; body: string; close: () => void }> {
	return new Promise((resolve, reject) => {
		const req = http.get(`${base}/api/team/session/events`, { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': address }, agent: false }, (res) => {
			if (res.statusCode === 200) {
				res.pause();
				resolve({ status: 200, body: '', close: () => req.destroy() });
				return;
			}
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body, close: () => req.destroy() }));
		});
		req.on('error', reject);
	});
}

/** A new address for every call (a random one could meet the one the burst case locked out). */
let addresses = 0;
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(++addresses / 250)}.${addresses % 250}`;
const settle = () => new Promise((r) => setTimeout(r, 200));
/** Limits per minute count in fixed windows: start a case that fills one well inside a window, not near its end. */
const freshWindow = async () => {
	const left = 60_000 - (Date.now() % 60_000);
	if (left < 10_000) await new Promise((r) => setTimeout(r, left + 50));
};

for (const database of ['SQLite', 'PostgreSQL'] as const) {
	describe(`team sessions under attack on ${database}`, () => {
		let server: RunningServer;
		beforeAll(async () => {
			if (database === 'PostgreSQL') {
				// The session ceiling is counted in the shared database: start this file's count at zero.
				const client = new pg.Client({ connectionString: postgresUrl() });
				await client.connect();
				await client.query("delete from rate_limits where key like 'team-new-all:%'").catch(() => undefined);
				await client.end();
			}
			server = await startServer(database === 'PostgreSQL' ? { ...LIMITS, DATABASE_URL: postgresUrl() } : LIMITS);
		});
		afterAll(() => server?.stop());

		it('streams-unbounded: one facilitator key cannot hold more than TEAM_STREAMS_PER_SESSION streams; a Dutch 429, and a closed stream gives its place back', async () => {
			const { key } = await createSession(server.baseUrl, undefined, address());
			const from = address();
			const open = [await rawStream(server.baseUrl, key, from), await rawStream(server.baseUrl, key, from), await rawStream(server.baseUrl, key, from)];
			expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
			// From another address too: the cap is the session's.
			const fourth = await rawStream(server.baseUrl, key, address());
			expect(fourth.status).toBe(429);
			expect(JSON.parse(fourth.body).error).toEqual({ code: 'too_many_streams', message: expect.stringMatching(/^Het bord van deze teamsessie staat al in te veel vensters open\./) });
			open[0]!.close();
			await settle();
			const again = await rawStream(server.baseUrl, key, from);
			expect(again.status).toBe(200);
			for (const s of [...open, again]) s.close();
			await settle();
		});

		it('streams-per-address: one address cannot open streams over many sessions past TEAM_STREAMS_PER_ADDRESS, other addresses still can, and the process has a ceiling', async () => {
			const from = address();
			const sessions = await Promise.all([1, 2, 3].map(() => createSession(server.baseUrl, undefined, address())));
			const held: { status: number; close: () => void }[] = [];
			for (const s of sessions.slice(0, 2)) for (let i = 0; i < 2; i++) held.push(await rawStream(server.baseUrl, s.key, from));
			held.push(await rawStream(server.baseUrl, sessions[2]!.key, from));
			expect(held.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
			const sixth = await rawStream(server.baseUrl, sessions[2]!.key, from);
			expect(sixth.status).toBe(429);
			expect(JSON.parse(sixth.body).error.message).toMatch(/^Er staan vanaf dit adres al te veel borden/);
			// Another address: three more fit under the process ceiling of 8, the ninth is refused.
			const other = address();
			held.push(await rawStream(server.baseUrl, sessions[2]!.key, other));
			const more = await Promise.all([1, 2].map(() => createSession(server.baseUrl, undefined, address())));
			for (const s of more) held.push(await rawStream(server.baseUrl, s.key, other));
			expect(held.map((s) => s.status)).toEqual(Array(8).fill(200));
			const ninth = await rawStream(server.baseUrl, more[0]!.key, address());
			expect(ninth.status).toBe(429);
			expect(JSON.parse(ninth.body).error.message).toMatch(/^De server heeft nu te veel borden/);
			// Pages and saves are not held up by any of this.
			expect((await fetch(`${server.baseUrl}/api/status`)).status).toBe(200);
			for (const s of held) s.close();
			await settle();
			const board = new Board(server.baseUrl, more[1]!.key);
			await board.until(() => true);
			board.close();
			await settle();
		});

		it('streams-leak-on-early-close: a client that hangs up while its key is checked leaves no place taken', async () => {
			const { key } = await createSession(server.baseUrl, undefined, address());
			const from = address();
			// Six streams cut at once after the request is sent (within the 12 board reads): none may keep one of the session's 3 places.
			await Promise.all(
				Array.from(
					{ length: 6 },
					() =>
						new Promise<void>((resolve) => {
							const req = http.get(`${server.baseUrl}/api/team/session/events`, { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': from }, agent: false });
							req.on('error', () => resolve());
							req.on('response', () => resolve());
							req.on('socket', (socket) => socket.on('connect', () => setImmediate(() => (req.destroy(), resolve()))));
						})
				)
			);
			await new Promise((r) => setTimeout(r, 500));
			const streams = [await rawStream(server.baseUrl, key, from), await rawStream(server.baseUrl, key, from), await rawStream(server.baseUrl, key, from)];
			expect(streams.map((s) => `${s.status} ${s.body}`)).toEqual(['200 ', '200 ', '200 ']);
			for (const s of streams) s.close();
			await settle();
		});

		it('board-reads-unbounded: the whole board is computed at most RATE_LIMIT_TEAM_BOARD_READS_PER_MINUTE times a minute per session (reads, decisions and new streams), then a Dutch 429', async () => {
			await freshWindow();
			const a = await createSession(server.baseUrl, undefined, address());
			const b = await createSession(server.baseUrl, undefined, address());
			const statuses: number[] = [];
			for (let i = 0; i < 10; i++) statuses.push((await a.facilitator.call('GET', '/api/team/session')).status);
			expect(statuses).toEqual(Array(10).fill(200));
			// A decision answers with the whole board too: the eleventh read.
			expect((await a.facilitator.call('POST', '/api/team/session/reflections', { id: 'D'.repeat(22), decision: 'approve' })).body.error.code).toBe('unknown_reflection');
			const stream = await rawStream(server.baseUrl, a.key, address()); // the twelfth read
			expect(stream.status).toBe(200);
			stream.close();
			const refused = await a.facilitator.call('GET', '/api/team/session');
			expect(refused.status).toBe(429);
			expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
			expect(refused.body.error.message).toMatch(/^Het bord van deze teamsessie is te vaak opgevraagd\. Probeer het over \d+ minuut? opnieuw\.$/);
			expect((await rawStream(server.baseUrl, a.key, address())).status).toBe(429);
			expect((await a.facilitator.call('POST', '/api/team/session/reflections', { id: 'D'.repeat(22), decision: 'hide' })).status).toBe(429);
			// Another session is not touched, and a wrong key is still the same 404.
			expect((await b.facilitator.call('GET', '/api/team/session')).status).toBe(200);
			expect((await a.facilitator.call('GET', '/api/team/session', undefined, 'B'.repeat(22))).status).toBe(404);
			await settle();
		});

		it('join-limit-burst: wrong codes sent all at once from one address are tried no more often than the limit (20), the rest get 429', async () => {
			const from = address();
			const letters = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
			const guesses = Array.from({ length: 100 }, (_, i) => `ZZ${letters[i % 30]}${letters[Math.floor(i / 30)]}ZZ`);
			const replies = await Promise.all(guesses.map((code) => new TeamDevice(server.baseUrl, from).call('POST', '/api/team/join', { code })));
			const statuses = replies.map((r) => r.status);
			expect(statuses.filter((s) => s === 404).length).toBe(20);
			expect(statuses.filter((s) => s === 429).length).toBe(80);
			// A room behind another address still joins all at once: right codes never count.
			const { code, facilitator } = await createSession(server.baseUrl, undefined, address());
			const room = address();
			const joined = await Promise.all(Array.from({ length: 25 }, () => new TeamDevice(server.baseUrl, room).call('POST', '/api/team/join', { code })));
			expect(joined.map((r) => r.status)).toEqual(Array(25).fill(200));
			expect((await facilitator.call('GET', '/api/team/session')).body.participants).toBe(25);
		});

		it('writes-per-address-unbounded: sock puppets of one address write no more than RATE_LIMIT_TEAM_WRITES_PER_ADDRESS a minute together; another address is not held back', async () => {
			const { code, facilitator } = await createSession(server.baseUrl, undefined, address());
			const from = address();
			const puppets = await Promise.all(Array.from({ length: 6 }, () => joinAs(server.baseUrl, code, from)));
			await freshWindow();
			// Six participants, each far under their own 120 a minute: 30 writes in all pass, the 31st does not.
			const statuses: number[] = [];
			for (let i = 0; i < 31; i++) statuses.push((await puppets[i % 6]!.call('PUT', '/api/team/me/reflections', shareBody(`Tekst ${i}`))).status);
			expect(statuses).toEqual([...Array(30).fill(200), 429]);
			const refused = await puppets[0]!.call('POST', '/api/team/me/progress', progress([choiceAnswer(0)]));
			expect(refused.status).toBe(429);
			expect(refused.body.error.message).toMatch(/^Te veel aanvragen vanaf dit adres in korte tijd\. Probeer het over 1 minuut opnieuw\.$/);
			const elsewhere = await joinAs(server.baseUrl, code, address());
			expect((await elsewhere.call('POST', '/api/team/me/progress', progress([choiceAnswer(1)]))).status).toBe(200);
			expect((await facilitator.call('GET', '/api/team/session')).body.participants).toBe(7);
		});

		it('keys and identity hold: a key acts only in its own session, wrong and ended answer alike, and the synced progress of a learner never reaches the board', async () => {
			const a = await createSession(server.baseUrl, undefined, address());
			const b = await createSession(server.baseUrl, undefined, address());
			// A learner with progress on the server (cookie), who then joins session A from the same browser.
			const learner = await joinAs(server.baseUrl, a.code);
			const secret = `Privé tekst ${Math.random().toString(36).slice(2)}`;
			const now = new Date().toISOString();
			expect((await learner.sync([reflectionAnswer(secret, now), answer(singleChoice.id, { type: 'single-choice', choice: singleChoice.options[0]!.id }, now)])).status).toBe(200);
			expect(learner.cookie).toBeTruthy();
			const again = await learner.call('POST', '/api/team/join', { code: a.code });
			expect(again.status).toBe(200);
			expect(again.learnerCookie).toBeUndefined(); // the team API neither reads nor sets the learner cookie
			const boardA = (await a.facilitator.call('GET', '/api/team/session')).body;
			expect(JSON.stringify(boardA)).not.toContain(secret);
			expect(boardA.exercises.find((e: { id: string }) => e.id === singleChoice.id).answered).toBe(0);
			expect(boardA.reflections).toEqual([]);
			// What the participant sends counts in A only; B's board does not move.
			await learner.call('POST', '/api/team/me/progress', progress([choiceAnswer(1)]));
			expect((await a.facilitator.call('GET', '/api/team/session')).body.exercises.find((e: { id: string }) => e.id === singleChoice.id).answered).toBe(1);
			const boardB = (await b.facilitator.call('GET', '/api/team/session')).body;
			expect([boardB.participants, boardB.exercises.every((e: { answered: number }) => e.answered === 0)]).toEqual([0, true]);
			// A wrong key, a key one character off, and the key of an ended session: the same answer, byte for byte.
			const ended = await createSession(server.baseUrl, undefined, address());
			await ended.facilitator.call('DELETE', '/api/team/session');
			const off = `${a.key.slice(0, 21)}${a.key.endsWith('A') ? 'B' : 'A'}`;
			const replies = await Promise.all([ended.key, off, 'C'.repeat(22)].map((key) => a.facilitator.call('GET', '/api/team/session', undefined, key)));
			expect(new Set(replies.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).size).toBe(1);
			expect(replies[0]!.status).toBe(404);
			// The code of an ended session answers like a code that never existed.
			const codes = await Promise.all([ended.code, 'ZZZ-ZZZ'].map((code) => new TeamDevice(server.baseUrl, address()).call('POST', '/api/team/join', { code })));
			expect(codes.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual(Array(2).fill(`404 ${JSON.stringify(codes[1]!.body)}`));
		});

		it('sessions-unbounded-over-addresses: new sessions have a ceiling for everyone together, not only per address group', async () => {
			// Sessions made by the cases above count too: make them until the ceiling, each from its own address.
			const statuses: number[] = [];
			for (let i = 0; i < 20 && !statuses.includes(429); i++) statuses.push((await new TeamDevice(server.baseUrl, `203.0.113.${i + 1}`).call('POST', '/api/team/sessions', { title: 'Veel sessies' })).status);
			expect(statuses.at(-1)).toBe(429);
			expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
			const refused = await new TeamDevice(server.baseUrl, '203.0.113.200').call('POST', '/api/team/sessions', { title: 'Nog een' });
			expect(refused.status).toBe(429);
			expect(refused.body.error.message).toMatch(/^Er zijn de laatste tijd te veel teamsessies gestart op deze server\./);
		});
	});
}

import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { matching, multipleResponse, reflection, sectionPath, singleChoice, sorting } from './client';
import { startServer } from './server-process';
import { Board, choiceAnswer, createSession, joinAs, progress, sessionRows, shareBody, TeamDevice, ticked } from './team-client';

// Team sessions (issue 11) over HTTP, against the built server: the whole flow, what the facilitator
// may see (counts from 3 answers, never an answer or a participant), keys kept apart, limits, the
// log, hostile text, deleting everything, expiry, and the live board.
describe.each(inject('servers'))('team sessions on $name', ({ name, baseUrl, logFile }) => {
	const db = { logFile, databaseUrl: name === 'PostgreSQL' ? process.env.TEST_DATABASE_URL : undefined };

	it('runs a session: create, join, answer, share, approve, withdraw, end; the board follows live', async () => {
		const { facilitator, key, code, title, reply } = await createSession(baseUrl);
		expect(reply.body).toMatchObject({ title, joinCode: expect.stringMatching(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/), qrSvg: expect.stringContaining('<svg') });
		expect(reply.body.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(reply.body.joinUrl).toBe(`${baseUrl}/team/doe-mee#code=${code.replace('-', '')}`);
		expect(Date.parse(reply.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);

		const board = new Board(baseUrl, key);
		await board.ready;
		expect(board.status).toBe(200);
		expect(board.headers!.get('content-type')).toMatch(/^text\/event-stream/);
		expect(board.headers!.get('cache-control')).toBe('no-store');
		expect(board.headers!.get('x-accel-buffering')).toBe('no');
		const first = await board.until(() => true);
		expect(first.state).toMatchObject({ title, joinCode: code, participants: 0, reflections: [] });
		expect(first.state.exercises.map((e) => e.id)).toEqual(expect.arrayContaining([singleChoice.id, multipleResponse.id, matching.id, sorting.id]));
		expect(first.state.exercises.map((e) => e.id)).not.toContain(reflection.id);

		const people = [await joinAs(baseUrl, code.toLowerCase()), await joinAs(baseUrl, code.replace('-', ' ')), await joinAs(baseUrl, code)];
		await board.until((s) => s.participants === 3);

		// Two answers: counted, but no tally yet.
		for (const [i, p] of people.slice(0, 2).entries()) expect((await p.call('POST', '/api/team/me/progress', progress([choiceAnswer(i, i ? 'incorrect' : 'correct')]))).body).toEqual({ ok: true });
		let sent = performance.now();
		let seen = await board.until((s) => s.exercises.find((e) => e.id === singleChoice.id)!.answered === 2);
		expect(seen.at - sent).toBeLessThan(2000);
		expect(seen.state.exercises.find((e) => e.id === singleChoice.id)!.tally).toBeNull();
		expect(seen.state.sections.find((s) => s.path === sectionPath)!.reached).toBe(2);

		// The third: the tally appears, with counts only.
		sent = performance.now();
		await people[2]!.call('POST', '/api/team/me/progress', progress([choiceAnswer(0, 'correct')]));
		seen = await board.until((s) => s.exercises.find((e) => e.id === singleChoice.id)!.answered === 3);
		expect(seen.at - sent).toBeLessThan(2000);
		expect(seen.state.exercises.find((e) => e.id === singleChoice.id)!.tally).toEqual({
			firstVerdicts: { correct: 2, partial: 0, incorrect: 1 },
			choices: { [singleChoice.options[0]!.id]: 2, [singleChoice.options[1]!.id]: 1 }
		});
		// A later answer of the same person is not a first attempt: nothing changes.
		await people[1]!.call('POST', '/api/team/me/progress', progress([choiceAnswer(0, 'correct')]));
		expect((await facilitator.call('GET', '/api/team/session')).body.exercises.find((e: { id: string }) => e.id === singleChoice.id).tally.choices).toEqual({
			[singleChoice.options[0]!.id]: 2,
			[singleChoice.options[1]!.id]: 1
		});

		// Share, approve, withdraw.
		const shared = await people[0]!.call('PUT', '/api/team/me/reflections', shareBody('  Wij vragen te snel door.\r\nEn luisteren te kort.  '));
		expect(shared.status).toBe(200);
		expect(shared.body).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), status: 'pending' });
		const pending = await board.until((s) => s.reflections.length === 1);
		expect(pending.state.reflections[0]).toEqual({ id: shared.body.id, exerciseId: reflection.id, text: 'Wij vragen te snel door.\nEn luisteren te kort.', status: 'pending', sharedAt: expect.any(String) });
		sent = performance.now();
		const approved = await facilitator.call('POST', '/api/team/session/reflections', { id: shared.body.id, decision: 'approve' });
		expect(approved.status).toBe(200);
		expect(approved.body.reflections[0].status).toBe('approved');
		expect((await board.until((s) => s.reflections[0]?.status === 'approved')).at - sent).toBeLessThan(2000);
		expect((await people[0]!.call('GET', '/api/team/me')).body).toEqual({
			title,
			code,
			shared: [{ exerciseId: reflection.id, text: 'Wij vragen te snel door.\nEn luisteren te kort.', status: 'approved' }]
		});
		sent = performance.now();
		expect((await people[0]!.call('DELETE', '/api/team/me/reflections', { exerciseId: reflection.id })).status).toBe(204);
		expect((await board.until((s) => s.reflections.length === 0)).at - sent).toBeLessThan(2000);

		// Nothing the facilitator gets names a participant or holds an answer.
		const everything = JSON.stringify([board.events, (await facilitator.call('GET', '/api/team/session')).body]);
		for (const p of people) expect(everything).not.toContain(p.key!);
		expect(everything).not.toMatch(/"value"|"choice"|participant_?[iI]d|"answers"/);

		// Leave: one fewer.
		expect((await people[2]!.call('DELETE', '/api/team/me')).status).toBe(204);
		expect((await people[2]!.call('GET', '/api/team/me')).status).toBe(404);
		await board.until((s) => s.participants === 2);

		// End: the board hears it, every row of the session is gone, the keys open nothing.
		const { id, rows: before } = await sessionRows(db, title);
		expect(before).toMatchObject({ team_sessions: 1, team_participants: 2, team_answers: 2, team_sections: 2 });
		expect((await facilitator.call('DELETE', '/api/team/session')).status).toBe(204);
		await board.event('ended');
		expect((await sessionRows(db, title, id)).rows).toEqual({ team_sessions: 0, team_participants: 0, team_answers: 0, team_sections: 0, team_reflections: 0 });
		expect((await facilitator.call('GET', '/api/team/session')).status).toBe(404);
		const gone = await people[0]!.call('GET', '/api/team/me');
		expect(gone.status).toBe(404);
		expect(gone.body.error.code).toBe('unknown_session');
		expect((await new TeamDevice(baseUrl).call('POST', '/api/team/join', { code })).status).toBe(404);
		board.close();
	});

	it('gives the facilitator the join code, link and QR code again, for the panel and the board', async () => {
		const { facilitator, code } = await createSession(baseUrl);
		const reply = await facilitator.call('GET', '/api/team/session/join');
		expect(reply.status).toBe(200);
		expect(reply.body.joinCode.replace('-', '')).toBe(code.replace('-', ''));
		expect(reply.body.joinUrl).toBe(`${baseUrl}/team/doe-mee#code=${code.replace('-', '')}`);
		expect(reply.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
		// Only the facilitator: no key is a 404 like a wrong one.
		expect((await facilitator.call('GET', '/api/team/session/join', undefined, null)).status).toBe(404);
	});

	it('keeps the keys apart: facilitator routes refuse a participant key and the other way round, all as 404', async () => {
		const { facilitator, key, code } = await createSession(baseUrl);
		const p = await joinAs(baseUrl, code);
		for (const [method, path, body] of [
			['GET', '/api/team/session'],
			['GET', '/api/team/session/events'],
			['GET', '/api/team/session/join'],
			['POST', '/api/team/session/reflections', { id: 'A'.repeat(22), decision: 'approve' }],
			['DELETE', '/api/team/session']
		] as const) {
			const reply = await p.call(method, path, body);
			expect(reply.status, `${method} ${path}`).toBe(404);
			expect(reply.body.error.code).toBe('unknown_session');
		}
		for (const [method, path, body] of [
			['GET', '/api/team/me'],
			['POST', '/api/team/me/progress', progress([choiceAnswer(0)])],
			['PUT', '/api/team/me/reflections', shareBody('tekst')],
			['DELETE', '/api/team/me/reflections', { exerciseId: reflection.id }],
			['DELETE', '/api/team/me']
		] as const) {
			expect((await facilitator.call(method, path, body)).status, `${method} ${path}`).toBe(404);
			expect((await facilitator.call(method, path, body, null)).status, `${method} ${path} zonder sleutel`).toBe(404);
		}
		// A key in the address is no key.
		expect((await facilitator.request('GET', `/api/team/session?key=${key}`)).status).toBe(404);
		// Another session's facilitator cannot decide on this session's texts.
		const shared = await p.call('PUT', '/api/team/me/reflections', shareBody('tekst'));
		const other = await createSession(baseUrl);
		const foreign = await other.facilitator.call('POST', '/api/team/session/reflections', { id: shared.body.id, decision: 'approve' });
		expect(foreign.status).toBe(404);
		expect(foreign.body.error.code).toBe('unknown_reflection');
		expect((await p.call('GET', '/api/team/me')).body.shared[0].status).toBe('pending');
	});

	it('takes only scored exercises, known sections and reflections to share, with Dutch messages', async () => {
		const { code } = await createSession(baseUrl);
		const p = await joinAs(baseUrl, code);
		const cases: [unknown, number, string][] = [
			[progress([{ ...choiceAnswer(0), exerciseId: 'bestaat-niet' }]), 422, 'unknown_exercise'],
			[progress([{ ...choiceAnswer(0), exerciseId: multipleResponse.id }]), 422, 'type_mismatch'],
			[progress([], ['nergens/niets']), 422, 'unknown_section'],
			[progress([{ exerciseId: reflection.id, value: { type: 'reflection', text: 'mijn tekst' }, firstVerdict: 'correct' }]), 400, 'invalid_body'],
			[progress(Array(51).fill(choiceAnswer(0))), 400, 'invalid_body']
		];
		for (const [body, status, codeName] of cases) {
			const reply = await p.call('POST', '/api/team/me/progress', body);
			expect([reply.status, reply.body.error?.code], JSON.stringify(body).slice(0, 80)).toEqual([status, codeName]);
			expect(reply.body.error.message).toMatch(/[a-z]/);
		}
		expect((await p.call('PUT', '/api/team/me/reflections', { exerciseId: singleChoice.id, text: 'x' })).body.error.code).toBe('not_reflection');
		const long = await p.call('PUT', '/api/team/me/reflections', shareBody('woord '.repeat(400)));
		expect([long.status, long.body.error.message]).toEqual([400, 'De tekst is te lang om te delen: hoogstens 2000 tekens.']);
		expect((await p.call('PUT', '/api/team/me/reflections', shareBody('x'.repeat(10_000)))).status).toBe(400);
		expect((await p.call('PUT', '/api/team/me/reflections', shareBody(`Goed ${'a'.repeat(101)}`))).body.error.message).toMatch(/woord .* te lang/);
		expect((await p.call('PUT', '/api/team/me/reflections', shareBody('abc \u202Eevil'))).body.error.message).toMatch(/leesrichting/);
		expect((await new TeamDevice(baseUrl).call('POST', '/api/team/sessions', { title: 'x'.repeat(81) })).body.error.message).toMatch(/hoogstens 80 tekens/);
		expect((await new TeamDevice(baseUrl).call('POST', '/api/team/sessions', { title: '   ' })).status).toBe(400);
		// Writes keep the API's checks: a foreign Origin is refused, and so is a body that is not JSON.
		expect((await p.request('PUT', '/api/team/me/reflections', { json: shareBody('x'), headers: { authorization: `Bearer ${p.key}`, origin: 'https://elders.example' } })).status).toBe(403);
		expect((await p.request('PUT', '/api/team/me/reflections', { body: 'x', headers: { authorization: `Bearer ${p.key}`, 'content-type': 'text/plain' } })).status).toBe(415);
	});

	it('counts multiple-response ticks per option from three answers on', async () => {
		const { facilitator, code } = await createSession(baseUrl);
		const [a, b, c] = multipleResponse.options.map((o) => o.id);
		for (const ids of [[a!, b!], [a!], [c!, a!]]) await (await joinAs(baseUrl, code)).call('POST', '/api/team/me/progress', progress([ticked(ids)]));
		const tally = (await facilitator.call('GET', '/api/team/session')).body.exercises.find((e: { id: string }) => e.id === multipleResponse.id).tally;
		expect(tally).toEqual({ firstVerdicts: { correct: 0, partial: 3, incorrect: 0 }, choices: { [a!]: 3, [b!]: 1, [c!]: 1 } });
	});

	it('lets a room of 30 join from one address, but stops guessing codes from one address', async () => {
		const { facilitator, code } = await createSession(baseUrl);
		const room = `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
		const joined = await Promise.all(Array.from({ length: 30 }, () => new TeamDevice(baseUrl, room).call('POST', '/api/team/join', { code })));
		expect(joined.map((r) => r.status)).toEqual(Array(30).fill(200));
		expect((await facilitator.call('GET', '/api/team/session')).body.participants).toBe(30);

		const guesser = new TeamDevice(baseUrl);
		const statuses: number[] = [];
		for (let i = 0; i < 21; i++) statuses.push((await guesser.call('POST', '/api/team/join', { code: `ZZZ-ZZ${'23456789ABCDEFGHJKMNPQRSTVWXYZ'[i]}` })).status);
		expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
		const refused = await guesser.call('POST', '/api/team/join', { code });
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(refused.body.error.message).toMatch(/Te veel verkeerde codes/);
	});

	it('stores 30 hostile strings as title and as shared text and returns them as the same JSON strings', async () => {
		for (const text of HOSTILE) {
			// A title is one line of at most 80 characters (line breaks are refused: see the next case).
			const title = text.replace(/[\n\t]/g, ' ').slice(0, 80);
			const made = await createSession(baseUrl, title);
			expect(made.reply.body.title).toBe(title.trim());
			const p = await joinAs(baseUrl, made.code);
			const shared = await p.call('PUT', '/api/team/me/reflections', shareBody(text));
			expect(shared.status, text.slice(0, 40)).toBe(200);
			const state = (await made.facilitator.call('GET', '/api/team/session')).body;
			expect(state.title).toBe(title.trim());
			expect(state.reflections[0].text).toBe(text.trim());
			expect((await p.call('GET', '/api/team/me')).body.shared[0].text).toBe(text.trim());
			await made.facilitator.call('DELETE', '/api/team/session');
		}
		expect(HOSTILE.length).toBe(30);
	});

	it('writes no title, code, key or text of a session to the log; team lines have method, path, status, duration and request id only', async () => {
		const secret = `Geheime titel ${Math.random().toString(36).slice(2)}`;
		const { facilitator, key, code } = await createSession(baseUrl, secret);
		const p = await joinAs(baseUrl, code);
		const text = `Geheime reflectie ${Math.random().toString(36).slice(2)}`;
		await p.call('PUT', '/api/team/me/reflections', shareBody(text));
		await p.call('POST', '/api/team/me/progress', progress([choiceAnswer(0)]));
		await facilitator.call('GET', '/api/team/session');
		await p.request('GET', `/api/team/${code.replace('-', '')}`); // a code typed into the address
		await facilitator.call('DELETE', '/api/team/session');
		await new Promise((r) => setTimeout(r, 300)); // log lines are written once per turn of the event loop
		const log = readFileSync(logFile, 'utf8');
		for (const leak of [secret, code, code.replace('-', ''), key, p.key!, text]) expect(log).not.toContain(leak);
		const lines = log.split('\n').filter((l) => l.includes('/api/team')).map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(lines.length).toBeGreaterThanOrEqual(6);
		const allowed = new Set(['time', 'method', 'path', 'status', 'ms', 'requestId', 'aborted']);
		for (const line of lines) {
			expect(Object.keys(line)).toEqual(expect.arrayContaining(['method', 'path', 'status', 'ms']));
			expect(Object.keys(line).filter((k) => !allowed.has(k))).toEqual([]);
		}
		expect(lines.map((l) => l.path)).toContain('/api/team/*');
	});
});

/** Hostile strings (issue 11 acceptance): markup, handlers, script URLs, template and SQL syntax, RTL text, long words within the limits. */
const HOSTILE = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'javascript:alert(1)',
	'<a href="javascript:alert(1)">klik</a>',
	'"><script>alert(document.cookie)</script>',
	"'; DROP TABLE team_sessions; --",
	'{{constructor.constructor("alert(1)")()}}',
	'${alert(1)}',
	'<style>body{display:none}</style>',
	'<iframe src="https://elders.example"></iframe>',
	'<body onpageshow=alert(1)>',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
	'<form action="javascript:alert(1)"><button>Verstuur</button></form>',
	'__proto__',
	'{"__proto__":{"admin":true}}',
	'مرحبا بالفريق — Arabisch van rechts naar links',
	'שלום עולם ‏mark‏ zonder override',
	'Zero\u200Bwidth\u200Bspaces\u200Ben\u200Djoiners',
	'Emoji 👩🏽‍💻👨‍👩‍👧 en 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
	'e\u0301\u0301\u0301\u0301\u0301\u0301 zalgo t\u0336\u0336e\u0336k\u0336s\u0336t',
	`${'x'.repeat(100)} een woord van precies honderd tekens`,
	`${'Lange tekst met veel woorden. '.repeat(66)}`.slice(0, 1990),
	'Regel een\nRegel twee\n\nRegel vier\twith tab',
	'%3Cscript%3Ealert(1)%3C%2Fscript%3E',
	'\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
	'<!-- commentaar --><![CDATA[ x ]]>',
	'[klik hier](javascript:alert(1)) en **vet** in Markdown'
];

describe('team sessions: expiry and a graceful stop (a server of their own, SQLite)', () => {
	it('closes a session days after its last activity and deletes it in the purge', async () => {
		const server = await startServer({ TEAM_SESSION_DAYS: '1' });
		try {
			const { facilitator, title, code } = await createSession(server.baseUrl);
			const p = await joinAs(server.baseUrl, code);
			await p.call('POST', '/api/team/me/progress', progress([choiceAnswer(0)]));
			await p.call('PUT', '/api/team/me/reflections', shareBody('tekst'));
			// Two days without activity, as if no one had used it.
			const { default: SQLite } = await import('better-sqlite3');
			const file = `${server.dataDir}/etool.sqlite`;
			const sqlite = new SQLite(file);
			sqlite.prepare('update team_sessions set last_activity_at = ? where title = ?').run(new Date(Date.now() - 2 * 86_400_000).toISOString(), title);
			sqlite.close();
			expect((await facilitator.call('GET', '/api/team/session')).status).toBe(404);
			expect((await p.call('GET', '/api/team/me')).status).toBe(404);
			expect((await new TeamDevice(server.baseUrl).call('POST', '/api/team/join', { code })).status).toBe(404);
			const { id, rows } = await sessionRows({ logFile: server.logFile }, title);
			expect(rows.team_answers).toBe(1);
			// The purge runs at start-up (and daily): a restart on the same data deletes it.
			await server.stop(true);
			const again = await startServer({ TEAM_SESSION_DAYS: '1' }, server.dataDir);
			try {
				expect((await sessionRows({ logFile: again.logFile }, title, id)).rows).toEqual({ team_sessions: 0, team_participants: 0, team_answers: 0, team_sections: 0, team_reflections: 0 });
				expect(again.logLines().find((l) => l.event === 'purge')).toMatchObject({ teamSessions: 1 });
			} finally {
				await again.stop();
			}
		} finally {
			await server.stop();
		}
	});

	it('ends open board streams at SIGTERM and stops at once, not after the forced 10 s', async () => {
		const server = await startServer();
		const { key } = await createSession(server.baseUrl);
		const board = new Board(server.baseUrl, key);
		await board.until(() => true);
		const started = performance.now();
		const code = await server.stop();
		expect(code).toBe(0);
		expect(performance.now() - started).toBeLessThan(5000);
		await new Promise((r) => setTimeout(r, 100));
		expect(board.closed).toBe(true);
		expect(board.events.map((e) => e.event)).not.toContain('ended'); // the session did not end: the browser reconnects
	});
});

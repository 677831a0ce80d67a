import { matching, multipleResponse, reflection, sectionPath, singleChoice, sorting } from './client';
import { teamCases } from './hostile-team-cases';
import type { RawReply, RequestParts } from './raw-http';

// The hostile-input table: every endpoint and method, malformed HTTP, JSON, types, unicode,
// cookies, resume codes, headers and URLs, grouped as in the security review (§2). Each case says
// which statuses the API's contract allows (docs/api.md): where it allows more than one, the
// comment says why. hostile-suite.test.ts sends each case from a loopback address of its own and
// checks every answer for the status, a Dutch message and leaks. This file is long because it is
// a table; the helpers at the top keep each row to one line where possible.

/** A status, or 'closed': the server ended the connection without an answer (allowed only where said). */
export type Status = number | 'closed';

/** An answer with its first response's body already parsed. */
export interface Reply extends RawReply {
	text: string;
	/** The first response's body as JSON, or undefined when it is not JSON. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checks read the fields they assert
	json: any;
	/** The request was HEAD: the response has no body. */
	head: boolean;
	/** The value of the learner cookie the first response sets, if any. */
	learnerCookie: string | undefined;
	/** A header of the first response (the first value). */
	header(name: string): string | undefined;
}

/** What a case can use: its own address, the server, and real learners and codes made from that address. */
export interface CaseContext {
	port: number;
	/** http://127.0.0.1:<port>, the server's own origin. */
	origin: string;
	/** Host:port as a browser sends it. */
	hostPort: string;
	/** This case's loopback address (127.x.y.z). */
	address: string;
	/** The server's data folder (SQLite file and log). */
	dataDir: string;
	send(parts: RequestParts): Promise<Reply>;
	/** A new learner with one reflection holding `secret`, made by a normal sync from this address. */
	learner(): Promise<{ cookie: string; secret: string }>;
	/** A learner as above with a fresh resume code. */
	code(): Promise<{ cookie: string; secret: string; code: string }>;
}

export type Request = RequestParts | { raw: (Buffer | string)[]; gapMs?: number } | ((ctx: CaseContext) => Promise<RequestParts>);

export interface HostileCase {
	group: string;
	name: string;
	request: Request;
	expect: readonly Status[];
	/** Node's own HTTP parser may answer (400, 413, 417, 431, 505 without a body): a bare error is fine. */
	bare?: boolean;
	/** The request is HEAD: no body to check. */
	head?: boolean;
	/** Send to the server that runs behind a proxy of its own (TRUST_PROXY=1): the case adds X-Forwarded-For as that proxy would. */
	proxy?: boolean;
	/** An error may be a Dutch page even though the target starts with /api (the request ends up elsewhere). */
	page?: boolean;
	/** More than one response on the connection is expected (pipelining); otherwise a second one means smuggling. */
	pipelined?: boolean;
	/** What the answer must mean beyond its status; returns a problem or nothing. */
	check?: (reply: Reply, ctx: CaseContext) => Promise<string | undefined> | string | undefined;
}

// ---- building blocks ----------------------------------------------------------------------------

const AT = '2026-11-28T10:00:00.000Z';
/** A fixed change id, so that two cases that send the same bytes count as one (see the distinctness test). */
const ID = 'hostile-change-0001';
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];
const json = (value: unknown) => JSON.stringify(value);
const sync = (changes: unknown) => json({ changes });
const visitChange = { id: ID, kind: 'visit', path: sectionPath, visitedAt: AT };
const reflectionChange = (text = 'Een gewoon antwoord') => ({
	id: ID,
	kind: 'answer',
	exerciseId: reflection.id,
	record: { value: { type: 'reflection', text }, attempts: 1, savedAt: AT }
});
const good = sync([visitChange]);
/** A change with its record patched. */
const withRecord = (patch: Record<string, unknown>) => sync([{ ...reflectionChange(), record: { ...reflectionChange().record, ...patch } }]);
const withValue = (value: unknown) => withRecord({ value });
const withChange = (patch: Record<string, unknown>) => sync([{ ...reflectionChange(), ...patch }]);
const withVisit = (patch: Record<string, unknown>) => sync([{ ...visitChange, ...patch }]);
const answerOf = (exerciseId: string, value: unknown) => sync([{ id: ID, kind: 'answer', exerciseId, record: { value, attempts: 1, savedAt: AT } }]);

const post = (target: string, body: string | Buffer | undefined, headers: [string, string][] = [JSON_TYPE]): RequestParts => ({ method: 'POST', target, headers, body });
const get = (target: string, headers: [string, string][] = []): RequestParts => ({ method: 'GET', target, headers });
const cookie = (value: string): [string, string] => ['Cookie', `etool_learner=${value}`];

/** The API's error answers, by meaning. */
const BAD = [400] as const;
const UNKNOWN = [422] as const;
const NOT_FOUND = [404] as const;

// ---- checks that say what an answer means -------------------------------------------------------

const problems = (...found: (string | false | undefined)[]) => found.filter(Boolean).join('; ') || undefined;

/** A 405 must name what is allowed. */
const allowNames = (method: string) => (r: Reply) => {
	if (r.status !== 405) return;
	const allow = r.header('allow') ?? '';
	return allow.toUpperCase().split(/\s*,\s*/).includes(method) ? undefined : `allow "${allow}" noemt ${method} niet`;
};

/** An error body must have the API's error code. */
const code = (expected: string | RegExp) => (r: Reply) => {
	if (r.status === null || r.status < 400 || r.head) return;
	const actual = r.json?.error?.code;
	return (typeof expected === 'string' ? actual === expected : expected.test(String(actual))) ? undefined : `code ${actual}, verwacht ${expected}`;
};

/** A 400 for a schema error must name the field. */
const names = (field: string) => (r: Reply) => {
	if (r.status !== 400) return;
	const message = String(r.json?.error?.message ?? '');
	return message.includes(field) ? undefined : `de melding noemt ${field} niet: ${message.slice(0, 120)}`;
};

/** A learner cookie the server sets must be one it made, never the value the client offered. */
const notAdopted = (offered: string) => (r: Reply) =>
	r.learnerCookie && r.learnerCookie.includes(offered) ? `de server nam het verzonnen learner-id over: ${r.learnerCookie}` : undefined;

/** No redirect may lead to another site. */
const safeLocation = (r: Reply) => {
	const location = r.header('location');
	if (!location) return;
	return /^(\/\/|\\|[a-z]+:)/i.test(location) && !location.startsWith('http://127.0.0.1') ? `redirect naar ${location}` : undefined;
};

/** Answers to a foreign origin must not open cross-origin reading. */
const noCors = (r: Reply) => {
	const allow = r.header('access-control-allow-origin');
	return allow && allow !== 'null' ? `access-control-allow-origin: ${allow}` : undefined;
};

/** After 200, the stored answer can be read back intact; a server that refuses is fine too. */
const roundTrip = (text: string) => async (r: Reply, ctx: CaseContext) => {
	if (r.status !== 200 || !r.learnerCookie) return;
	const back = await ctx.send(get('/api/progress', [cookie(r.learnerCookie)]));
	const stored = back.json?.answers?.[reflection.id]?.value?.text;
	return back.status === 200 && typeof stored === 'string' && stored.length > 0 && stored.length <= text.length
		? undefined
		: `terugLezen: ${back.status} ${String(stored).slice(0, 40)}`;
};

// ---- 1. methods × endpoints ---------------------------------------------------------------------

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const;

/** Each endpoint: its method, and the status that method gets without a cookie or body. */
const ENDPOINTS: { path: string; method: string; plain: Status[]; body?: (r: Reply) => string | undefined }[] = [
	{ path: '/api/status', method: 'GET', plain: [200], body: (r) => (r.json?.sync === true ? undefined : `status zegt ${r.text.slice(0, 60)}`) },
	{ path: '/healthz', method: 'GET', plain: [200], body: (r) => (r.json?.status === 'ok' ? undefined : `healthz zegt ${r.text.slice(0, 60)}`) },
	{ path: '/api/progress', method: 'GET', plain: [404] }, // no cookie: nothing stored
	{ path: '/api/sync', method: 'POST', plain: [400, 415] }, // no body: no JSON (400) or no JSON type (415) may be found first
	{ path: '/api/resume', method: 'POST', plain: [400, 415] },
	{ path: '/api/resume-code', method: 'POST', plain: [200], body: (r) => (/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/.test(String(r.json?.code)) ? undefined : 'geen code') }, // a new learner gets a code
	{ path: '/api/learner', method: 'DELETE', plain: [204] } // nothing stored: deleting is still done
];

function methodCases(): HostileCase[] {
	const cases: HostileCase[] = [];
	for (const endpoint of ENDPOINTS)
		for (const method of METHODS) {
			const own = method === endpoint.method || (method === 'HEAD' && endpoint.method === 'GET');
			// OPTIONS: either a CORS/Allow answer (200/204) or 405, but never an opening for other sites.
			const expect: Status[] = own ? endpoint.plain : method === 'OPTIONS' ? [200, 204, 405] : [405];
			cases.push({
				group: 'methoden',
				name: `${method} ${endpoint.path}`,
				request: { method, target: endpoint.path, headers: method === 'OPTIONS' ? [['Origin', 'https://aanvaller.example'], ['Access-Control-Request-Method', 'DELETE']] : [] },
				expect,
				head: method === 'HEAD',
				check: (r) => problems(allowNames(endpoint.method)(r), noCors(r), method === endpoint.method ? endpoint.body?.(r) : undefined)
			});
		}
	for (const method of METHODS)
		cases.push({
			group: 'methoden',
			name: `${method} onbekend API-adres`,
			request: { method, target: '/api/beheer', headers: [] },
			// An unknown address is 404 for every method; a router that answers OPTIONS itself may say 204/405,
			// and one that refuses TRACE everywhere 405/501.
			expect: method === 'OPTIONS' ? [404, 204, 405] : method === 'TRACE' ? [404, 405, 501] : [404],
			head: method === 'HEAD',
			check: (r) => problems(noCors(r), r.status === 404 && !r.head ? code('not_found')(r) : undefined)
		});
	const trace: HostileCase = {
		group: 'methoden',
		name: 'TRACE echoot geen cookie (cross-site tracing)',
		request: { method: 'TRACE', target: '/api/status', headers: [['Cookie', 'etool_learner=TRACEMARKERTRACEMARKER1'], ['X-Geheim', 'TRACEMARKER2']] },
		// Refused in any way (400/405/501); what matters here is that nothing of the request comes back.
		expect: [400, 405, 501],
		check: (r) => (r.text.includes('TRACEMARKER') ? 'TRACE gaf de aanvraag terug' : undefined)
	};
	const extra: HostileCase[] = [
		trace,
		// CONNECT: Node closes the socket when nobody listens for it; a 4xx/405/501 is as good.
		{ group: 'methoden', name: 'CONNECT naar een andere host', request: { method: 'CONNECT', target: 'evil.example:443', headers: [] }, expect: ['closed', 400, 405, 501], bare: true },
		{ group: 'methoden', name: 'CONNECT naar de eigen poort', request: (ctx) => Promise.resolve({ method: 'CONNECT', target: ctx.hostPort, headers: [] }), expect: ['closed', 400, 405, 501], bare: true },
		// Methods Node knows but the app does not have: 405 (or 404/501 for a router that refuses them as unknown).
		{ group: 'methoden', name: 'PROPFIND op sync', request: { method: 'PROPFIND', target: '/api/sync', headers: [] }, expect: [405, 501], check: allowNames('POST') },
		{ group: 'methoden', name: 'MKCOL op learner', request: { method: 'MKCOL', target: '/api/learner', headers: [] }, expect: [405, 501] },
		{ group: 'methoden', name: 'SEARCH op progress', request: { method: 'SEARCH', target: '/api/progress', headers: [] }, expect: [405, 501] },
		{ group: 'methoden', name: 'PURGE op healthz', request: { method: 'PURGE', target: '/healthz', headers: [] }, expect: [405, 501] },
		// Unknown or lower-case methods: Node's parser refuses them before the app sees them (bare 400), or 405/501.
		{ group: 'methoden', name: 'kleine letters: get', request: { method: 'get', target: '/api/status', headers: [] }, expect: [400, 405, 501], bare: true },
		{ group: 'methoden', name: 'kleine letters: post', request: { ...post('/api/sync', good), method: 'post' }, expect: [400, 405, 501], bare: true },
		{ group: 'methoden', name: 'verzonnen methode FOO', request: { method: 'FOO', target: '/api/status', headers: [] }, expect: [400, 405, 501], bare: true },
		{ group: 'methoden', name: 'methode met cijfers', request: { method: 'G3T', target: '/api/status', headers: [] }, expect: [400, 405, 501], bare: true },
		{ group: 'methoden', name: 'methode van 300 letters', request: { method: 'X'.repeat(300), target: '/api/status', headers: [] }, expect: [400, 405, 501], bare: true },
		{ group: 'methoden', name: 'methode met een NUL', request: { raw: ['GE\0T /api/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'] }, expect: [400], bare: true },
		// Override headers must not turn a harmless request into a delete.
		...['X-HTTP-Method-Override', 'X-Method-Override', 'X-HTTP-Method'].map(
			(header): HostileCase => ({
				group: 'methoden',
				name: `${header}: DELETE op een sync`,
				request: async (ctx) => {
					const { cookie: id } = await ctx.learner();
					return post('/api/sync', good, [JSON_TYPE, cookie(id), [header, 'DELETE']]);
				},
				expect: [200],
				check: async (r, ctx) => {
					const back = await ctx.send(get('/api/progress', [cookie(r.learnerCookie ?? '')]));
					return back.status === 200 ? undefined : `na de override is de voortgang weg (${back.status})`;
				}
			})
		),
		{ group: 'methoden', name: 'X-HTTP-Method-Override: DELETE op GET progress', request: get('/api/progress', [['X-HTTP-Method-Override', 'DELETE']]), expect: NOT_FOUND },
		{ group: 'methoden', name: '_method=DELETE in de query van een POST', request: post('/api/learner?_method=DELETE', undefined, []), expect: [405], check: allowNames('DELETE') },
		{ group: 'methoden', name: '_method=DELETE in een formulier', request: post('/api/learner', '_method=DELETE', [['Content-Type', 'application/x-www-form-urlencoded']]), expect: [405] }
	];
	return [...cases, ...extra];
}

// ---- 2. malformed JSON --------------------------------------------------------------------------

function jsonCases(): HostileCase[] {
	const bodies: [string, string | Buffer][] = [
		['NaN', '{"changes":NaN}'],
		['Infinity', '{"changes":[{"id":"hostile-change-0001","kind":"answer","exerciseId":"x","record":{"attempts":Infinity}}]}'],
		['-Infinity', '{"changes":-Infinity}'],
		['commentaar //', `{"changes":[] // commentaar\n}`],
		['commentaar /* */', `{/* x */"changes":[]}`],
		['komma aan het eind', '{"changes":[1,],}'],
		['enkele aanhalingstekens', "{'changes':[]}"],
		['sleutel zonder aanhalingstekens', '{changes:[]}'],
		['data na de JSON', `${good}x`],
		['twee objecten', `${good}${good}`],
		['afgebroken', '{"changes": ['],
		['alleen een accolade', '{'],
		['alleen spaties', '   \n\t  '],
		['hexadecimaal getal', '{"changes":[{"attempts":0x10}]}'],
		['voorloopnul', '{"changes":01}'],
		['plusteken', '{"changes":+1}'],
		['.5 zonder nul', '{"changes":.5}'],
		['1. zonder decimalen', '{"changes":1.}'],
		['open string', '{"changes":"abc'],
		['tab rauw in een string', '{"changes":"a\tb"}'],
		['regeleinde rauw in een string', '{"changes":"a\nb"}'],
		['ongeldige escape \\x', '{"changes":"\\x41"}'],
		['korte \\u-escape', '{"changes":"\\u12"}'],
		['undefined', '{"changes":undefined}'],
		['True met hoofdletter', '{"changes":True}'],
		['ongeldige UTF-8 (0xFF)', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
		['overlong UTF-8 voor "/"', Buffer.concat([Buffer.from('{"changes":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])],
		['CESU-8-surrogaat', Buffer.concat([Buffer.from('{"changes":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])],
		['Latin-1 é', Buffer.concat([Buffer.from('{"changes":"caf'), Buffer.from([0xe9]), Buffer.from('"}')])],
		['UTF-16LE', Buffer.from(good, 'utf16le')],
		['UTF-16 met BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')])],
		['NUL-byte buiten een string', `{"changes":\u0000[]}`],
		['afgebroken UTF-8 aan het eind', Buffer.concat([Buffer.from(`{"changes":[],"x":"`), Buffer.from([0xe2, 0x82])])]
	];
	const cases = bodies.map(([name, body]): HostileCase => ({ group: 'json', name, request: post('/api/sync', body), expect: BAD, check: code(/^invalid_(json|body)$/) }));
	// A UTF-8 BOM before valid JSON: RFC 8259 lets a parser ignore it (200) or refuse it (400).
	cases.push({ group: 'json', name: 'UTF-8 BOM voor geldige JSON', request: post('/api/sync', `\ufeff${good}`), expect: [200, 400] });
	// Duplicate keys: RFC 8259 leaves the outcome open; JSON.parse keeps the last. Either way a clean 200 or 400.
	cases.push({ group: 'json', name: 'dubbele sleutel, de laatste ongeldig', request: post('/api/sync', `{"changes":[${json(visitChange)}],"changes":"x"}`), expect: [400] });
	cases.push({ group: 'json', name: 'dubbele sleutel, de laatste geldig', request: post('/api/sync', `{"changes":"x","changes":[${json(visitChange)}]}`), expect: [200, 400] });
	cases.push({ group: 'json', name: 'geldige JSON in een resume met NaN', request: post('/api/resume', '{"code":NaN}'), expect: BAD });
	cases.push({ group: 'json', name: 'resume: JSON afgebroken', request: post('/api/resume', '{"code":'), expect: BAD });
	cases.push({ group: 'json', name: 'resume: ongeldige UTF-8', request: post('/api/resume', Buffer.from([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])), expect: BAD });
	return cases;
}

// ---- 3. wrong types and bounds ------------------------------------------------------------------

function schemaCases(): HostileCase[] {
	const rows: [string, string, readonly Status[], string?][] = [
		// [name, body, statuses, field the message must name]
		['JSON null', 'null', BAD],
		['JSON-lijst', '[]', BAD],
		['JSON-tekst', '"changes"', BAD],
		['JSON-getal', '42', BAD],
		['JSON true', 'true', BAD],
		['geen changes', '{}', BAD, 'changes'],
		['changes leeg', sync([]), BAD, 'changes'],
		['changes als tekst', sync('alles'), BAD, 'changes'],
		['changes als object', sync({ 0: visitChange }), BAD, 'changes'],
		['changes null', sync(null), BAD, 'changes'],
		['een null-wijziging', sync([null]), BAD, 'changes'],
		['een getal als wijziging', sync([7]), BAD, 'changes'],
		['een lijst als wijziging', sync([[visitChange]]), BAD, 'changes'],
		['101 wijzigingen', sync(Array.from({ length: 101 }, () => visitChange)), BAD, 'changes'],
		['1.000 nulls', sync(Array.from({ length: 1000 }, () => null)), BAD, 'changes'],
		['id ontbreekt', withChange({ id: undefined }), BAD, 'id'],
		['id te kort (7)', withChange({ id: 'abcdefg' }), BAD, 'id'],
		['id te lang (65)', withChange({ id: 'a'.repeat(65) }), BAD, 'id'],
		['id van 500 tekens', withChange({ id: 'x'.repeat(500) }), BAD, 'id'],
		['id met markup', withChange({ id: '<script>alert(1)</script>' }), BAD, 'id'],
		['id met spatie', withChange({ id: 'hostile change' }), BAD, 'id'],
		['id met punt-punt-slash', withChange({ id: '../../etc/passwd' }), BAD, 'id'],
		['id als getal', withChange({ id: 12345678 }), BAD, 'id'],
		['id met SQL', withChange({ id: "x'; DROP TABLE answers;--" }), BAD, 'id'],
		['kind onbekend', withChange({ kind: 'delete' }), BAD, 'kind'],
		['kind ontbreekt', withChange({ kind: undefined }), BAD, 'kind'],
		['kind in hoofdletters', withChange({ kind: 'ANSWER' }), BAD, 'kind'],
		['exerciseId ontbreekt', withChange({ exerciseId: undefined }), BAD, 'exerciseId'],
		['exerciseId leeg', withChange({ exerciseId: '' }), BAD, 'exerciseId'],
		['exerciseId als object ($ne)', withChange({ exerciseId: { $ne: null } }), BAD, 'exerciseId'],
		['exerciseId van 101 tekens', withChange({ exerciseId: 'e'.repeat(101) }), BAD, 'exerciseId'],
		['exerciseId als lijst', withChange({ exerciseId: [reflection.id] }), BAD, 'exerciseId'],
		['record ontbreekt', withChange({ record: undefined }), BAD, 'record'],
		['record als tekst', withChange({ record: 'x' }), BAD, 'record'],
		['value ontbreekt', withRecord({ value: undefined }), BAD, 'value'],
		['value-type onbekend', withValue({ type: 'essay', text: 'x' }), BAD, 'type'],
		['value-type ontbreekt', withValue({ text: 'x' }), BAD, 'type'],
		['reflectie van 10.001 tekens', withValue({ type: 'reflection', text: 'a'.repeat(10_001) }), BAD, 'text'],
		['reflectietekst als getal', withValue({ type: 'reflection', text: 12 }), BAD, 'text'],
		['reflectietekst null', withValue({ type: 'reflection', text: null }), BAD, 'text'],
		['reflectietekst als object', withValue({ type: 'reflection', text: { toString: 'x' } }), BAD, 'text'],
		['attempts negatief', withRecord({ attempts: -1 }), BAD, 'attempts'],
		['attempts als tekst', withRecord({ attempts: '1' }), BAD, 'attempts'],
		['attempts gebroken getal', withRecord({ attempts: 1.5 }), BAD, 'attempts'],
		['attempts 2^53+1', withRecord({ attempts: 9007199254740993 }), BAD, 'attempts'],
		['attempts 1e309 (oneindig)', withRecord({ attempts: '__INF__' }).replace('"__INF__"', '1e309'), BAD, 'attempts'],
		['attempts -1e309', withRecord({ attempts: '__INF__' }).replace('"__INF__"', '-1e309'), BAD, 'attempts'],
		['attempts boven de grens', withRecord({ attempts: 1_000_001 }), BAD, 'attempts'],
		['attempts null', withRecord({ attempts: null }), BAD, 'attempts'],
		['attempts true', withRecord({ attempts: true }), BAD, 'attempts'],
		['attempts lijst', withRecord({ attempts: [1] }), BAD, 'attempts'],
		['verdict onbekend', withRecord({ verdict: 'perfect' }), BAD, 'verdict'],
		['verdict als getal', withRecord({ verdict: 1 }), BAD, 'verdict'],
		['revealed als tekst', withRecord({ revealed: 'ja' }), BAD, 'revealed'],
		['revealed als getal', withRecord({ revealed: 1 }), BAD, 'revealed'],
		['savedAt geen tijd', withRecord({ savedAt: 'gisteren' }), BAD, 'savedAt'],
		['savedAt ontbreekt', withRecord({ savedAt: undefined }), BAD, 'savedAt'],
		['savedAt als getal', withRecord({ savedAt: 1764324000000 }), BAD, 'savedAt'],
		['savedAt 30 februari', withRecord({ savedAt: '2026-02-30T10:00:00.000Z' }), BAD, 'savedAt'],
		['savedAt 24:00', withRecord({ savedAt: '2026-11-28T24:00:00.000Z' }), BAD, 'savedAt'],
		['savedAt schrikkelseconde', withRecord({ savedAt: '2026-12-31T23:59:60.000Z' }), BAD, 'savedAt'],
		['savedAt jaar +275760', withRecord({ savedAt: '+275760-09-13T00:00:00.000Z' }), BAD, 'savedAt'],
		['savedAt maand 13', withRecord({ savedAt: '2026-13-01T10:00:00.000Z' }), BAD, 'savedAt'],
		['savedAt alleen datum', withRecord({ savedAt: '2026-11-28' }), BAD, 'savedAt'],
		['savedAt leeg', withRecord({ savedAt: '' }), BAD, 'savedAt'],
		['visitedAt geen tijd', withVisit({ visitedAt: 'nooit' }), BAD, 'visitedAt'],
		['visitedAt ontbreekt', withVisit({ visitedAt: undefined }), BAD, 'visitedAt'],
		['endReachedAt geen tijd', withVisit({ endReachedAt: 'morgen' }), BAD, 'endReachedAt'],
		['path ontbreekt', withVisit({ path: undefined }), BAD, 'path'],
		['path leeg', withVisit({ path: '' }), BAD, 'path'],
		['path van 201 tekens', withVisit({ path: 'p'.repeat(201) }), BAD, 'path'],
		['path als getal', withVisit({ path: 1 }), BAD, 'path'],
		['keuze als getal', answerOf(singleChoice.id, { type: 'single-choice', choice: 5 }), BAD, 'choice'],
		['keuze leeg', answerOf(singleChoice.id, { type: 'single-choice', choice: '' }), BAD, 'choice'],
		['keuze van 101 tekens', answerOf(singleChoice.id, { type: 'single-choice', choice: 'c'.repeat(101) }), BAD, 'choice'],
		['101 keuzes', answerOf(multipleResponse.id, { type: 'multiple-response', choices: Array.from({ length: 101 }, (_, i) => `k${i}`) }), BAD, 'choices'],
		['keuzes als tekst', answerOf(multipleResponse.id, { type: 'multiple-response', choices: 'a,b' }), BAD, 'choices'],
		['keuzes met null', answerOf(multipleResponse.id, { type: 'multiple-response', choices: [null] }), BAD, 'choices'],
		['paren als lijst', answerOf(matching.id, { type: 'matching', pairs: ['a', 'b'] }), BAD, 'pairs'],
		['paar met een getal', answerOf(matching.id, { type: 'matching', pairs: { a: 1 } }), BAD, 'pairs'],
		['paar met lege sleutel', answerOf(matching.id, { type: 'matching', pairs: { '': 'b' } }), BAD, 'pairs'],
		['placed als tekst', answerOf(sorting.id, { type: 'sorting', placed: 'x' }), BAD, 'placed'],
		['placed met een object', answerOf(sorting.id, { type: 'sorting', placed: { a: { b: 'c' } } }), BAD, 'placed'],
		// The catalogue: a well-formed change for an exercise or section the e-tool does not have → 422.
		['onbekende oefening', withChange({ exerciseId: 'bestaat-niet' }), UNKNOWN],
		['oefening met script', withChange({ exerciseId: '<script>alert(1)</script>' }), UNKNOWN],
		['oefening in hoofdletters', withChange({ exerciseId: reflection.id.toUpperCase() }), UNKNOWN],
		['oefening met spatie erachter', withChange({ exerciseId: `${reflection.id} ` }), UNKNOWN],
		['waarde van een ander type', answerOf(reflection.id, { type: 'single-choice', choice: 'a' }), UNKNOWN],
		['meerkeuze met een reflectie', answerOf(singleChoice.id, { type: 'reflection', text: 'x' }), UNKNOWN],
		['sorteren met paren', answerOf(sorting.id, { type: 'matching', pairs: {} }), UNKNOWN],
		['onbekende sectie', withVisit({ path: 'bestaat/niet' }), UNKNOWN],
		['sectie ../../etc/passwd', withVisit({ path: '../../etc/passwd' }), UNKNOWN],
		['sectie met slash ervoor', withVisit({ path: `/${sectionPath}` }), UNKNOWN],
		['sectie met slash erachter', withVisit({ path: `${sectionPath}/` }), UNKNOWN],
		['sectie in hoofdletters', withVisit({ path: sectionPath.toUpperCase() }), UNKNOWN],
		['sectie met gecodeerde slash', withVisit({ path: sectionPath.replace('/', '%2F') }), UNKNOWN],
		['sectie met SQL', withVisit({ path: "x' OR '1'='1" }), UNKNOWN],
		['tweede wijziging onbekend', sync([visitChange, { ...visitChange, id: 'hostile-change-0002', path: 'nee/nee' }]), UNKNOWN]
	];
	const cases = rows.map(([name, body, expect, field]): HostileCase => ({
		group: 'typen',
		name,
		request: post('/api/sync', body),
		expect,
		check: field ? names(field) : expect === UNKNOWN ? code(/^(unknown_exercise|unknown_section|type_mismatch)$/) : undefined
	}));
	// Valid but odd: the contract accepts these (200). Where a stricter server may refuse, the set says so.
	const odd: [string, string, readonly Status[]][] = [
		['attempts -0', withRecord({ attempts: '__M0__' }).replace('"__M0__"', '-0'), [200]],
		['attempts 1e2', withRecord({ attempts: '__E__' }).replace('"__E__"', '1e2'), [200]],
		['attempts 1.0', withRecord({ attempts: '__E__' }).replace('"__E__"', '1.0'), [200]],
		['reflectie van precies 10.000 tekens', withValue({ type: 'reflection', text: 'a'.repeat(10_000) }), [200]],
		['lege reflectie', withValue({ type: 'reflection', text: '' }), [200]],
		['onbekende velden (isAdmin, learner_id)', sync([{ ...reflectionChange(), isAdmin: true, learner_id: 'AAAAAAAAAAAAAAAAAAAAAA' }]), [200]],
		['onbekend veld bovenaan', json({ changes: [visitChange], learnerId: 'AAAAAAAAAAAAAAAAAAAAAA' }), [200]],
		['keuze null (niets gekozen)', answerOf(singleChoice.id, { type: 'single-choice', choice: null }), [200]],
		['keuze die de oefening niet kent', answerOf(singleChoice.id, { type: 'single-choice', choice: 'bestaat-niet' }), [200, 422]],
		['100 keuzes', answerOf(multipleResponse.id, { type: 'multiple-response', choices: Array.from({ length: 100 }, (_, i) => `k${i}`) }), [200, 422]],
		['lege paren', answerOf(matching.id, { type: 'matching', pairs: {} }), [200]],
		['lege placed', answerOf(sorting.id, { type: 'sorting', placed: {} }), [200]],
		['endReachedAt voor visitedAt', withVisit({ endReachedAt: '2020-01-01T00:00:00.000Z' }), [200, 400]],
		// The same change id twice in one batch: one is kept (200) or the batch is refused (400).
		['dubbele change-id', sync([visitChange, visitChange]), [200, 400]],
		['100 wijzigingen', sync(Array.from({ length: 100 }, (_, i) => ({ ...visitChange, id: `hostile-change-${String(i).padStart(4, '0')}` }))), [200]],
		['tijd met tijdzone +02:00', withRecord({ savedAt: '2026-11-28T12:00:00+02:00' }), [200, 400]],
		// Dates long ago: stored (200), or refused by a server that bounds the device's clock (400/422).
		['savedAt in het jaar 0000', withRecord({ savedAt: '0000-01-01T00:00:00.000Z' }), [200, 400, 422]],
		['savedAt 1970', withRecord({ savedAt: '1970-01-01T00:00:00.000Z' }), [200, 400, 422]]
	];
	for (const [name, body, expect] of odd) cases.push({ group: 'typen', name, request: post('/api/sync', body), expect });
	cases.push({
		group: 'typen',
		name: 'savedAt in 9999 bevriest het antwoord niet (D6)',
		request: post('/api/sync', withRecord({ savedAt: '9999-12-31T23:59:59.999Z' })),
		// Refused (400/422), or accepted with the server's own time: then a later edit must still win.
		expect: [200, 400, 422],
		check: async (r, ctx) => {
			if (r.status !== 200 || !r.learnerCookie) return;
			const later = sync([{ ...reflectionChange('Nieuwere tekst van vandaag'), id: 'hostile-change-0002', record: { ...reflectionChange().record, value: { type: 'reflection', text: 'Nieuwere tekst van vandaag' }, savedAt: new Date().toISOString() } }]);
			const second = await ctx.send(post('/api/sync', later, [JSON_TYPE, cookie(r.learnerCookie)]));
			const back = await ctx.send(get('/api/progress', [cookie(second.learnerCookie ?? r.learnerCookie)]));
			const text = back.json?.answers?.[reflection.id]?.value?.text;
			return text === 'Nieuwere tekst van vandaag' ? undefined : `de latere tekst verloor van een klok in 9999: ${String(text).slice(0, 40)}`;
		}
	});
	return cases;
}

// ---- 4. prototype pollution ---------------------------------------------------------------------

/** After a pollution attempt, `{}` must still lack `changes`: nothing leaked into Object.prototype. */
const stillClean = async (_r: Reply, ctx: CaseContext) => {
	const probe = await ctx.send(post('/api/sync', '{}'));
	return probe.status === 400 && String(probe.json?.error?.message).includes('changes') ? undefined : `na vervuiling: {} gaf ${probe.status}`;
};

function pollutionCases(): HostileCase[] {
	const rows: [string, string, readonly Status[]][] = [
		['__proto__ bovenaan', `{"__proto__":{"changes":[${json(visitChange)}]}}`, BAD],
		['constructor.prototype bovenaan', `{"constructor":{"prototype":{"changes":[1]}},"changes":[]}`, BAD],
		['__proto__ in een wijziging', `{"changes":[{"__proto__":{"polluted":true},${json(visitChange).slice(1)}]}`, [200, 400]],
		['__proto__ in record', `{"changes":[{"id":"${ID}","kind":"answer","exerciseId":"${reflection.id}","record":{"__proto__":{"savedAt":"${AT}"},"value":{"type":"reflection","text":"x"},"attempts":1}}]}`, BAD],
		['__proto__ in paren', `{"changes":[{"id":"${ID}","kind":"answer","exerciseId":"${matching.id}","record":{"value":{"type":"matching","pairs":{"__proto__":"x","constructor":"y","prototype":"z"}},"attempts":1,"savedAt":"${AT}"}}]}`, [200, 400]],
		['__proto__ als oefening', withChange({ exerciseId: '__proto__' }), UNKNOWN],
		['constructor als oefening', withChange({ exerciseId: 'constructor' }), UNKNOWN],
		['toString als oefening', withChange({ exerciseId: 'toString' }), UNKNOWN],
		['hasOwnProperty als oefening', withChange({ exerciseId: 'hasOwnProperty' }), UNKNOWN],
		['__proto__ als sectie', withVisit({ path: '__proto__' }), UNKNOWN],
		['__proto__ in resume', '{"__proto__":{"code":"ABCDEFGHJKMNPQ"}}', BAD]
	];
	return rows.map(([name, body, expect]) => ({
		group: 'vervuiling',
		name,
		request: post(name.includes('resume') ? '/api/resume' : '/api/sync', body),
		expect,
		check: stillClean
	}));
}

// ---- 5. huge, deep, many ------------------------------------------------------------------------

/** A valid sync body of exactly `size` bytes: six long reflections plus an ignored padding field. */
function bodyOfSize(size: number): string {
	const changes = Array.from({ length: 6 }, (_, i) => ({ ...reflectionChange('w'.repeat(10_000)), id: `hostile-big-${i}-0001` }));
	const base = json({ changes, pad: '' });
	return json({ changes, pad: 'p'.repeat(size - base.length) });
}

function hugeCases(): HostileCase[] {
	const nested = (depth: number) => `{"changes":${'['.repeat(depth)}${']'.repeat(depth)}}`;
	const objects = (depth: number) => `{"changes":[${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}]}`;
	const chunked = (total: number) => {
		const piece = 'x'.repeat(4096);
		const chunks = Array.from({ length: Math.ceil(total / 4096) }, () => `1000\r\n${piece}\r\n`).join('');
		return `POST /api/sync HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}0\r\n\r\n`;
	};
	const cases: HostileCase[] = [
		{ group: 'groot', name: 'lijsten 30.000 diep', request: post('/api/sync', nested(30_000)), expect: BAD },
		{ group: 'groot', name: 'objecten 10.000 diep', request: post('/api/sync', objects(10_000)), expect: BAD },
		{ group: 'groot', name: 'precies 65.536 bytes', request: post('/api/sync', bodyOfSize(65_536)), expect: [200] },
		{ group: 'groot', name: '65.537 bytes', request: post('/api/sync', bodyOfSize(65_537)), expect: [413], check: code('body_too_large') },
		// Uploads far over the limit: 413, or the connection closed while we were still sending (the
		// kernel may drop the 413 when the server resets the rest): a refusal either way, never a 200.
		{ group: 'groot', name: '1 MB', request: post('/api/sync', 'x'.repeat(1 << 20)), expect: [413, 'closed'], bare: true },
		{
			group: 'groot',
			name: 'Content-Length van 10 MB, snel geweigerd',
			request: { method: 'POST', target: '/api/sync', headers: [JSON_TYPE, ['Content-Length', '10000000']], body: good, contentLength: false },
			expect: [413],
			bare: true,
			check: (r) => (r.ms > 2000 ? `413 pas na ${r.ms} ms: de server wachtte op de 10 MB` : undefined)
		},
		{ group: 'groot', name: 'chunked 200 KB', request: { raw: [chunked(200 * 1024)] }, expect: [413, 'closed'], bare: true },
		{ group: 'groot', name: 'chunked 200 KB naar resume', request: { raw: [chunked(200 * 1024).replace('/api/sync', '/api/resume')] }, expect: [413, 'closed'], bare: true },
		// Large maps the schema does not bound: stored (200), or refused by a stricter server (400/422).
		{ group: 'groot', name: '4.000 paren', request: post('/api/sync', answerOf(matching.id, { type: 'matching', pairs: Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`t${i}`, `d${i}`])) })), expect: [200, 400, 422] },
		{ group: 'groot', name: '5.000 wijzigingen', request: post('/api/sync', sync(Array.from({ length: 5000 }, () => 0))), expect: BAD, check: names('changes') },
		{ group: 'groot', name: '6.000 sleutels bovenaan', request: post('/api/sync', json({ changes: [visitChange], ...Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`_${i.toString(36)}`, 0])) })), expect: [200, 400] },
		{ group: 'groot', name: 'resume-code van 5.000 tekens', request: post('/api/resume', json({ code: 'A'.repeat(5000) })), expect: BAD, check: names('code') },
		{ group: 'groot', name: 'een string van 60 KB als id', request: post('/api/sync', withChange({ id: 'i'.repeat(60_000) })), expect: BAD, check: names('id') },
		{ group: 'groot', name: '1.000 sleutels van 50 tekens in placed', request: post('/api/sync', answerOf(sorting.id, { type: 'sorting', placed: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`${'k'.repeat(45)}${i}`, 'c'])) })), expect: [200, 400, 422] }
	];
	return cases;
}

// ---- 6. unicode ---------------------------------------------------------------------------------

function unicodeCases(): HostileCase[] {
	// Text the learner may type is stored and read back (200); a server that refuses control characters may say 400.
	const texts: [string, string, readonly Status[]][] = [
		['losse hoge surrogaat', 'a\ud800b', [200, 400]],
		['losse lage surrogaat', 'a\udc00b', [200, 400]],
		['10.000 losse surrogaten', '\ud800'.repeat(10_000), [200, 400]],
		['NUL in de tekst', 'a\u0000b', [200, 400]],
		['C0-tekens', '\u0001\u0007\u001b[31m', [200, 400]],
		['C1-tekens', '\u0085\u009b\u009f', [200, 400]],
		['RTL-override', 'gewoon \u202egnipmaw\u202c tekst', [200]],
		['bidi-isolaten', '\u2066abc\u2069 \u2067def\u2069', [200]],
		['zalgo', `z${'\u0336\u0317\u0359'.repeat(300)}`, [200]],
		['U+2028 en U+2029', 'regel\u2028regel\u2029alinea', [200]],
		['emoji met ZWJ', '👩‍👩‍👧‍👦 🏳️‍🌈', [200]],
		['5.000 emoji (10.000 UTF-16-eenheden)', '😀'.repeat(5000), [200, 400]],
		['BOM midden in de tekst', 'a\ufeffb', [200]],
		['niet-teken U+FFFF', 'a\uffffb', [200, 400]],
		['NFD-accenten', 'cafe\u0301 en e\u0308en', [200]]
	];
	const cases = texts.map(([name, text, expect]): HostileCase => ({
		group: 'unicode',
		name,
		request: post('/api/sync', sync([reflectionChange(text)])),
		expect,
		check: roundTrip(text)
	}));
	const ids: [string, string][] = [
		['oefening met NUL', `${reflection.id}\u0000`],
		['oefening met losse surrogaat', `${reflection.id}\ud800`],
		['oefening met Cyrillische a (homoglief)', reflection.id.replace(/a|e/, (m) => (m === 'a' ? '\u0430' : '\u0435'))],
		['oefening met zero-width space', `${reflection.id.slice(0, 3)}\u200b${reflection.id.slice(3)}`]
	];
	for (const [name, exerciseId] of ids) cases.push({ group: 'unicode', name, request: post('/api/sync', withChange({ exerciseId })), expect: [400, 422] });
	const paths: [string, string][] = [
		['sectie met NUL', `${sectionPath}\u0000`],
		['sectie met losse surrogaat', `${sectionPath}\udfff`],
		['sectie met RTL-override', `\u202e${sectionPath}`],
		['sectie met volle-breedte-slash', sectionPath.replace('/', '\uff0f')]
	];
	for (const [name, path] of paths) cases.push({ group: 'unicode', name, request: post('/api/sync', withVisit({ path })), expect: [400, 422] });
	cases.push({ group: 'unicode', name: 'resume-code met Cyrillische letters', request: post('/api/resume', json({ code: 'АВСD-EFGH-JKMN-PQ' })), expect: [400, 404] });
	return cases;
}

// ---- 7. content types ---------------------------------------------------------------------------

function contentTypeCases(): HostileCase[] {
	// Writes need JSON: anything else 415. Spellings of JSON a browser may send are accepted (200).
	const rows: [string, string | null, readonly Status[]][] = [
		['text/plain', 'text/plain', [415]],
		['formulier', 'application/x-www-form-urlencoded', [415]],
		['multipart', 'multipart/form-data; boundary=x', [415]],
		['geen Content-Type', null, [415]],
		['lege Content-Type', '', [415]],
		['application/xml', 'application/xml', [415]],
		['application/jsonx', 'application/jsonx', [415]],
		['application/json-patch+json', 'application/json-patch+json', [415]],
		['*/*', '*/*', [415]],
		['alleen een puntkomma', ';', [415]],
		['application/json; charset=utf-8', 'application/json; charset=utf-8', [200]],
		['APPLICATION/JSON', 'APPLICATION/JSON', [200]],
		['charset tussen aanhalingstekens', 'application/json;charset="utf-8"', [200]],
		['boundary bij JSON', 'application/json; boundary=x', [200]],
		['spaties om application/json', '  application/json  ', [200]],
		// Declares another charset than the UTF-8 we send: ignore it (200) or refuse it (415).
		['application/json; charset=latin1', 'application/json; charset=latin1', [200, 415]],
		['application/json; charset=utf-16', 'application/json; charset=utf-16', [200, 415]],
		// JSON by another name: a server may take it as JSON (200) or keep to one type (415).
		['text/json', 'text/json', [200, 415]],
		['application/ld+json', 'application/ld+json', [200, 415]],
		['twee typen in één header', 'application/json, text/plain', [200, 415]]
	];
	const cases = rows.map(([name, type, expect]): HostileCase => ({
		group: 'content-type',
		name,
		request: post('/api/sync', good, type === null ? [] : [['Content-Type', type]]),
		expect,
		check: expect.length === 1 && expect[0] === 415 ? code('unsupported_media_type') : undefined
	}));
	cases.push(
		{ group: 'content-type', name: 'twee Content-Type-headers', request: post('/api/sync', good, [['Content-Type', 'text/plain'], JSON_TYPE]), expect: [400, 415] },
		{ group: 'content-type', name: 'resume als formulier', request: post('/api/resume', 'code=ABCD', [['Content-Type', 'application/x-www-form-urlencoded']]), expect: [415] },
		{ group: 'content-type', name: 'resume als text/plain', request: post('/api/resume', '{"code":"ABCD"}', [['Content-Type', 'text/plain']]), expect: [415] },
		{ group: 'content-type', name: 'resume-code met text/plain', request: post('/api/resume-code', 'x', [['Content-Type', 'text/plain']]), expect: [415] },
		{ group: 'content-type', name: 'DELETE learner met text/plain', request: { method: 'DELETE', target: '/api/learner', headers: [['Content-Type', 'text/plain']], body: 'x' }, expect: [415] },
		// A body that claims a compression the server does not do: refused (415/400), or read as the plain JSON it is (200).
		{ group: 'content-type', name: 'Content-Encoding: gzip bij gewone JSON', request: post('/api/sync', good, [JSON_TYPE, ['Content-Encoding', 'gzip']]), expect: [200, 400, 415] },
		{ group: 'content-type', name: 'Content-Encoding: gzip met een gzip-bom', request: post('/api/sync', Buffer.from('1f8b0800000000000003edc1010d000000c2a0f74f6d0e37a00000000000000000000000000000000080370300000000000000', 'hex'), [JSON_TYPE, ['Content-Encoding', 'gzip']]), expect: [400, 415] }
	);
	return cases;
}

// ---- 8. cookies ---------------------------------------------------------------------------------

const FORGED = 'AAAAAAAAAAAAAAAAAAAAAA';

function cookieCases(): HostileCase[] {
	// Reading with a cookie the server did not issue finds nothing: 404 (a server may also refuse the cookie: 400).
	const reads: [string, string][] = [
		['leeg', 'etool_learner='],
		['verzonnen (22 tekens)', `etool_learner=${FORGED}`],
		['21 tekens', `etool_learner=${'B'.repeat(21)}`],
		['23 tekens', `etool_learner=${'C'.repeat(23)}`],
		['SQL', "etool_learner=' OR 1=1 --"],
		['procent-gecodeerd', 'etool_learner=%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41'],
		['tussen aanhalingstekens', `etool_learner="${FORGED}"`],
		['markup', 'etool_learner=<script>alert(1)</script>'],
		['met een handtekening erbij verzonnen', `etool_learner=${FORGED}.${'s'.repeat(43)}`],
		['8 KB', `etool_learner=${'x'.repeat(8 * 1024)}`],
		['300 cookies', Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join('; ')],
		['zonder =', 'etool_learner'],
		['naam in hoofdletters', `ETOOL_LEARNER=${FORGED}`],
		['UTF-8 in de waarde', Buffer.from(`etool_learner=${'é'.repeat(11)}`, 'utf8').toString('latin1')],
		['puntkomma-soep', ';;;; ; =;=='],
		['een andere cookie', 'sessie=abc; theme=donker']
	];
	// Large ones (8 KB, 300 cookies) may also meet a header limit lower than Node's 16 KB: 431 is a refusal too.
	const cases = reads.map(([name, value]): HostileCase => ({
		group: 'cookies',
		name: `lezen met cookie: ${name}`,
		request: get('/api/progress', [['Cookie', value]]),
		expect: value.length > 2000 ? [400, 404, 431] : [400, 404],
		bare: value.length > 2000
	}));
	cases.push(
		{ group: 'cookies', name: 'twee Cookie-headers', request: get('/api/progress', [cookie(FORGED), cookie('D'.repeat(22))]), expect: [400, 404] },
		{ group: 'cookies', name: 'cookie met NUL-byte', request: { raw: [`GET /api/progress HTTP/1.1\r\nHost: h\r\nCookie: etool_learner=a\0b\r\nConnection: close\r\n\r\n`] }, expect: [400, 404], bare: true },
		{ group: 'cookies', name: '20 KB cookie', request: get('/api/progress', [cookie('y'.repeat(20 * 1024))]), expect: [431, 400], bare: true }
	);
	// Writing with a forged cookie: refused, or done for a new learner the server makes (D2).
	cases.push({ group: 'cookies', name: 'schrijven met verzonnen cookie krijgt een eigen id (D2)', request: post('/api/sync', good, [JSON_TYPE, cookie('F'.repeat(22))]), expect: [200, 400, 401, 403], check: notAdopted('F'.repeat(22)) });
	cases.push({ group: 'cookies', name: 'code maken met verzonnen cookie (D2)', request: post('/api/resume-code', undefined, [cookie('G'.repeat(22))]), expect: [200, 400, 401, 403], check: notAdopted('G'.repeat(22)) });
	cases.push({ group: 'cookies', name: 'wissen met verzonnen cookie', request: { method: 'DELETE', target: '/api/learner', headers: [cookie('H'.repeat(22))] }, expect: [204, 400, 401, 403] });
	// Session fixation (D3): what was written under a planted id must not be readable with that id.
	cases.push({
		group: 'cookies',
		name: 'sessiefixatie: geplant id leest niets terug (D3)',
		request: async (ctx) => {
			const planted = `Fx${ctx.address.replace(/\./g, '_')}`.padEnd(22, 'Q').slice(0, 22);
			await ctx.send(post('/api/sync', sync([reflectionChange('GEHEIM-fixatie')]), [JSON_TYPE, cookie(planted)]));
			return get('/api/progress', [cookie(planted)]);
		},
		expect: [400, 401, 404],
		check: (r) => (r.text.includes('GEHEIM-fixatie') ? 'het geplante id leest het antwoord van het slachtoffer' : undefined)
	});
	// A real learner's cookie, changed a little: never someone's data.
	const variants: [string, (id: string) => string][] = [
		['laatste teken anders', (id) => id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A')],
		['eerste teken anders', (id) => (id.startsWith('A') ? 'B' : 'A') + id.slice(1)],
		['een teken korter', (id) => id.slice(0, -1)],
		['een teken langer', (id) => `${id}A`],
		['in hoofdletters', (id) => id.toUpperCase()],
		['alleen het deel voor een punt', (id) => (id.includes('.') ? id.split('.')[0]! : id.slice(0, -2) + 'zz')]
	];
	for (const [name, change] of variants)
		cases.push({
			group: 'cookies',
			name: `echte cookie, ${name}`,
			request: async (ctx) => {
				const { cookie: real, secret } = await ctx.learner();
				const changed = change(real);
				return get('/api/progress', [cookie(changed === real ? `${real}x` : changed), ['X-Test-Secret', secret]]);
			},
			expect: [400, 401, 404],
			check: (r) => (r.text.includes('GEHEIM-') ? 'een veranderde cookie leest echte antwoorden' : undefined)
		});
	cases.push({
		group: 'cookies',
		name: 'echte cookie leest de eigen antwoorden',
		request: async (ctx) => {
			const { cookie: real } = await ctx.learner();
			return get('/api/progress', [cookie(real)]);
		},
		expect: [200],
		check: (r) => (r.text.includes('GEHEIM-') ? undefined : 'de eigen antwoorden ontbreken')
	});
	cases.push({
		group: 'cookies',
		name: 'echte cookie dubbel, met een verzonnen ervoor',
		request: async (ctx) => {
			const { cookie: real } = await ctx.learner();
			return get('/api/progress', [['Cookie', `etool_learner=${FORGED}; etool_learner=${real}`]]);
		},
		// Which of two same-named cookies counts is up to the server; either way no one else's data.
		expect: [200, 400, 404]
	});
	return cases;
}

// ---- 9. resume codes ----------------------------------------------------------------------------

function resumeCases(): HostileCase[] {
	const resume = (codeText: unknown, headers: [string, string][] = [JSON_TYPE]) => post('/api/resume', json({ code: codeText }), headers);
	const withCode = (transform: (c: string) => unknown, expect: readonly Status[], name: string, check?: HostileCase['check']): HostileCase => ({
		group: 'resume',
		name,
		request: async (ctx) => resume(transform((await ctx.code()).code)),
		expect,
		check
	});
	const found = (r: Reply) => (r.status === 200 && !r.text.includes('GEHEIM-') ? 'de voortgang van de code ontbreekt' : undefined);
	const cases: HostileCase[] = [
		withCode((c) => c, [200], 'de echte code', (r) => problems(found(r), r.learnerCookie ? undefined : 'geen cookie gezet')),
		// "case, spaces and dashes do not matter" (docs/api.md)
		withCode((c) => c.toLowerCase(), [200], 'in kleine letters', found),
		withCode((c) => c.replace(/-/g, ''), [200], 'zonder streepjes', found),
		withCode((c) => ` ${c.replace(/-/g, ' ')} `, [200], 'met spaties', found),
		withCode((c) => `${c}X`, [404], 'een teken te veel'),
		withCode((c) => c.slice(0, -1), [400, 404], 'een teken te weinig'),
		// The real code in full-width letters: refused, or normalised to the code itself (harmless: it is the right code).
		withCode((c) => c.replace(/[A-Z]/, (m) => String.fromCharCode(m.charCodeAt(0) + 0xfee0)), [200, 400, 404], 'met een volle-breedte-letter'),
		withCode((c) => `${c}\u0000`, [400, 404], 'met NUL erachter'),
		withCode((c) => [c], [400], 'als lijst'),
		withCode((c) => ({ $eq: c }), [400], 'als object'),
		{
			group: 'resume',
			name: 'de oude code na een nieuwe',
			request: async (ctx) => {
				const first = await ctx.code();
				await ctx.send(post('/api/resume-code', undefined, [cookie(first.cookie)]));
				return resume(first.code);
			},
			expect: NOT_FOUND
		},
		{
			group: 'resume',
			name: 'de code na "Wis mijn gegevens"',
			request: async (ctx) => {
				const made = await ctx.code();
				await ctx.send({ method: 'DELETE', target: '/api/learner', headers: [cookie(made.cookie)] });
				return resume(made.code);
			},
			expect: NOT_FOUND
		},
		{
			group: 'resume',
			name: 'de code twee keer',
			request: async (ctx) => {
				const made = await ctx.code();
				await ctx.send(resume(made.code));
				return resume(made.code);
			},
			// Codes may be single-use (404 the second time) or reusable (200): the design decides (issue 9).
			expect: [200, 404]
		},
		{ group: 'resume', name: 'de code met een vreemde Origin', request: async (ctx) => resume((await ctx.code()).code, [JSON_TYPE, ['Origin', 'https://aanvaller.example']]), expect: [403] },
		{ group: 'resume', name: 'de code in de query, lege body', request: async (ctx) => post(`/api/resume?code=${(await ctx.code()).code}`, '{}'), expect: BAD },
		{
			group: 'resume',
			name: 'GET met de code in de query geeft niets prijs',
			request: async (ctx) => get(`/api/resume?code=${(await ctx.code()).code}`),
			expect: [405],
			check: (r) => (r.text.includes('GEHEIM-') ? 'GET gaf voortgang' : undefined)
		},
		{
			group: 'resume',
			name: 'de link houdt de code uit de query (D10)',
			// As the browser asks it: with its own Origin.
			request: async (ctx) => post('/api/resume-code', undefined, [['Origin', ctx.origin]]),
			expect: [200],
			check: (r) => {
				const url = String(r.json?.url ?? '');
				return /\?[^#]*code=/i.test(url) || !/#/.test(url) ? `de code staat in de query: ${url.replace(/^https?:\/\/[^/]+/, '').replace(/[A-Z0-9]{10,}/g, '…')}` : undefined;
			}
		},
		{ group: 'resume', name: 'onbekende code van de goede vorm', request: resume('ABCD-EFGH-JKMN-PQ'), expect: NOT_FOUND, check: code('unknown_code') },
		{ group: 'resume', name: 'code als getal', request: resume(1234), expect: BAD, check: names('code') },
		{ group: 'resume', name: 'code null', request: resume(null), expect: BAD, check: names('code') },
		{ group: 'resume', name: 'code leeg', request: resume(''), expect: BAD, check: names('code') },
		{ group: 'resume', name: 'code van 65 tekens', request: resume('A'.repeat(65)), expect: BAD, check: names('code') },
		{ group: 'resume', name: 'geen code', request: post('/api/resume', '{}'), expect: BAD, check: names('code') },
		{ group: 'resume', name: 'code met SQL', request: resume("' OR 1=1 --"), expect: [400, 404] },
		{ group: 'resume', name: 'code met LIKE-tekens', request: resume('%%%%-____-%%%%-__'), expect: [400, 404] },
		{ group: 'resume', name: 'code met markup', request: resume('<img src=x onerror=alert(1)>'), expect: [400, 404] },
		{ group: 'resume', name: 'lange s (ſ) in de code', request: resume('ſſſſ-ſſſſ-ſſſſ-ſſ'), expect: [400, 404] }
	];
	// Too many tries from one address: 429 with Retry-After, however the tries are spread over spoofed
	// forwarding headers (no TRUST_PROXY here). The limit's size is the server's choice, so try up to 200.
	const flood = (name: string, spoof: (i: number) => [string, string][]): HostileCase => ({
		group: 'resume',
		name,
		request: async (ctx) => {
			for (let i = 0; i < 200; i++) {
				const r = await ctx.send(resume(`ZZZZ-ZZZZ-ZZZZ-${String(i).padStart(2, '0').slice(-2)}`, [JSON_TYPE, ...spoof(i)]));
				if (r.status === 429) break;
			}
			return resume('ZZZZ-ZZZZ-ZZZZ-ZZ', [JSON_TYPE, ...spoof(999)]);
		},
		expect: [429],
		check: (r) => problems(/^\d+$/.test(r.header('retry-after') ?? '') ? undefined : 'geen Retry-After', code('too_many_requests')(r))
	});
	cases.push(
		flood('te veel pogingen: 429 met Retry-After', () => []),
		flood('te veel pogingen met wisselende X-Forwarded-For', (i) => [['X-Forwarded-For', `10.9.${i % 250}.${(i * 7) % 250}`]]),
		flood('te veel pogingen met wisselende X-Real-IP en Forwarded', (i) => [
			['X-Real-IP', `10.8.${i % 250}.1`],
			['Forwarded', `for=10.7.${i % 250}.1`]
		])
	);
	return cases;
}

// ---- 10. headers and malformed HTTP -------------------------------------------------------------

function headerCases(): HostileCase[] {
	const origin = (value: string | ((ctx: CaseContext) => string), expect: readonly Status[], name: string): HostileCase => ({
		group: 'headers',
		name: `Origin: ${name}`,
		request: async (ctx) => post('/api/sync', good, [JSON_TYPE, ['Origin', typeof value === 'string' ? value : value(ctx)]]),
		expect
	});
	const raw = (name: string, bytes: string | Buffer, expect: readonly Status[], extra: Partial<HostileCase> = {}): HostileCase => ({ group: 'http', name, request: { raw: [bytes] }, expect, bare: true, ...extra });
	const POST_HEAD = 'POST /api/sync HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nConnection: keep-alive\r\n';
	const smuggled = 'GET /api/progress HTTP/1.1\r\nHost: h\r\n\r\n';
	const one = (r: Reply) => (r.responses.length > 1 ? `${r.responses.length} antwoorden: de server las een gesmokkelde aanvraag` : undefined);
	const cases: HostileCase[] = [
		origin('https://aanvaller.example', [403], 'een andere site'),
		origin('null', [403], 'null'),
		origin('http://127.0.0.1:1', [403], 'een andere poort'),
		origin((ctx) => `https://${ctx.hostPort}`, [403], 'https in plaats van http'),
		origin((ctx) => `${ctx.origin}/`, [403], 'met een slash erachter'),
		origin((ctx) => ctx.origin.replace('127.0.0.1', 'localhost'), [403], 'localhost in plaats van 127.0.0.1'),
		origin((ctx) => `${ctx.origin}.evil.example`, [403], 'eigen host als begin van een andere'),
		origin((ctx) => `${ctx.origin}, https://aanvaller.example`, [403], 'twee origins in één header'),
		origin('file://', [403], 'file://'),
		// A browser never sends these spellings; refusing (403) is safe, treating them as ours (200) is harmless.
		origin((ctx) => ctx.origin.toUpperCase(), [200, 403], 'in hoofdletters'),
		origin('', [200, 403], 'leeg'),
		origin((ctx) => ctx.origin, [200], 'de eigen'),
		{ group: 'headers', name: 'twee Origin-headers', request: async (ctx) => post('/api/sync', good, [JSON_TYPE, ['Origin', ctx.origin], ['Origin', 'https://aanvaller.example']]), expect: [400, 403] },
		{ group: 'headers', name: 'vreemde Origin bij wissen', request: { method: 'DELETE', target: '/api/learner', headers: [['Origin', 'https://aanvaller.example']] }, expect: [403] },
		{ group: 'headers', name: 'vreemde Origin bij code maken', request: post('/api/resume-code', undefined, [['Origin', 'https://aanvaller.example']]), expect: [403] },
		{ group: 'headers', name: 'Origin null bij code maken', request: post('/api/resume-code', undefined, [['Origin', 'null']]), expect: [403] },
		// Referer is not what the server checks (Origin and SameSite are): no Origin, a foreign Referer is fine.
		{ group: 'headers', name: 'vreemde Referer zonder Origin', request: post('/api/sync', good, [JSON_TYPE, ['Referer', 'https://aanvaller.example/x']]), expect: [200, 403] },
		{ group: 'headers', name: 'Sec-Fetch-Site: cross-site zonder Origin', request: post('/api/sync', good, [JSON_TYPE, ['Sec-Fetch-Site', 'cross-site']]), expect: [200, 403] },
		// Host: without ORIGIN the server takes Host as it comes (the review's informational note); it must not crash on odd ones.
		{ group: 'headers', name: 'Host van een andere site', request: get('/api/status', [['Host', 'evil.example']]), expect: [200, 400, 421] },
		// A path in Host moves the request to another path of ours (/pad/api/status): a page 404 is right then.
		// Without ORIGIN the server believes Host, so a page of another name is "its own" origin (the review's
		// informational note): accepted (200) or, with ORIGIN set or a Host check, refused (403/421).
		{ group: 'headers', name: 'Host en Origin allebei van een andere site', request: post('/api/sync', good, [JSON_TYPE, ['Host', 'evil.example'], ['Origin', 'http://evil.example']]), expect: [200, 403, 421] },
		{ group: 'headers', name: 'Host met pad', request: get('/api/status', [['Host', 'evil.example/pad']]), expect: [200, 400, 404, 421], bare: true, page: true },
		{ group: 'headers', name: 'Host met userinfo', request: get('/api/status', [['Host', '127.0.0.1@evil.example']]), expect: [200, 400, 421], bare: true },
		{ group: 'headers', name: 'Host met poort 99999', request: get('/api/status', [['Host', '127.0.0.1:99999']]), expect: [200, 400, 421], bare: true },
		{ group: 'headers', name: 'Host IPv6', request: get('/api/status', [['Host', '[::1]']]), expect: [200, 400, 421] },
		{ group: 'headers', name: 'Host leeg', request: get('/api/status', [['Host', '']]), expect: [200, 400], bare: true },
		{ group: 'headers', name: 'Host van 1.000 tekens', request: get('/api/status', [['Host', `${'h'.repeat(1000)}.example`]]), expect: [200, 400, 421], bare: true },
		{ group: 'headers', name: 'Host met spatie', request: get('/api/status', [['Host', 'evil example']]), expect: [200, 400, 421], bare: true },
		{ group: 'headers', name: 'Host met UTF-8', request: get('/api/status', [['Host', Buffer.from('bücher.example', 'utf8').toString('latin1')]]), expect: [200, 400, 421], bare: true },
		raw('geen Host (HTTP/1.1)', 'GET /api/status HTTP/1.1\r\nConnection: close\r\n\r\n', [400]),
		raw('twee Host-headers', 'GET /api/status HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n', [200, 400]),
		{
			group: 'headers',
			name: 'X-Forwarded-Host verandert de link niet',
			request: post('/api/resume-code', undefined, [['X-Forwarded-Host', 'evil.example'], ['Forwarded', 'host=evil.example']]),
			expect: [200],
			check: (r) => (String(r.json?.url).includes('evil.example') ? `link naar ${r.json.url.replace(/[A-Z0-9]{10,}/g, '…')}` : undefined)
		},
		{
			group: 'headers',
			name: 'X-Forwarded-Proto: https maakt http niet veilig (zonder TRUST_PROXY)',
			request: post('/api/sync', good, [JSON_TYPE, ['X-Forwarded-Proto', 'https'], ['X-Etool-Protocol', 'https']]),
			expect: [200],
			check: (r) => problems(r.header('strict-transport-security') && 'HSTS op http', /;\s*secure/i.test(r.header('set-cookie') ?? '') && 'Secure-cookie op http')
		},
		// 12 KB of addresses: fine under Node's 16 KB header limit (200); a lower limit may refuse it (431).
		{ group: 'headers', name: 'X-Forwarded-For met 1.000 adressen', request: post('/api/sync', good, [JSON_TYPE, ['X-Forwarded-For', Array.from({ length: 1000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(', ')]]), expect: [200, 431], bare: true },
		{ group: 'headers', name: 'X-Forwarded-For met rommel', request: post('/api/sync', good, [JSON_TYPE, ['X-Forwarded-For', "'; DROP TABLE rate_limits;--, <script>"]]), expect: [200] },
		{ group: 'headers', name: 'header van 20 KB', request: get('/api/status', [['X-Groot', 'g'.repeat(20 * 1024)]]), expect: [431], bare: true },
		{ group: 'headers', name: 'header van 70 KB', request: get('/api/status', [['X-Groot', 'g'.repeat(70 * 1024)]]), expect: [431], bare: true },
		{ group: 'headers', name: '2.000 headers', request: get('/api/status', Array.from({ length: 2000 }, (_, i): [string, string] => [`X-H${i}`, 'v'])), expect: [200, 431], bare: true },
		// Expect: Node answers 100 Continue itself, and 417 to anything else.
		{ group: 'http', name: 'Expect: 100-continue', request: post('/api/sync', good, [JSON_TYPE, ['Expect', '100-continue']]), expect: [200] },
		{ group: 'http', name: 'Expect: onbekend', request: post('/api/sync', good, [JSON_TYPE, ['Expect', 'koffie']]), expect: [417], bare: true },
		// Broken framing: Node's parser refuses it (bare 400) and, above all, reads no second request from it.
		raw('CL en TE samen (smokkel)', `${POST_HEAD}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`, [400], { check: one }),
		raw('TE en CL samen, omgekeerd', `${POST_HEAD}Transfer-Encoding: chunked\r\nContent-Length: 30\r\n\r\n0\r\n\r\n${smuggled}`, [400], { check: one }),
		raw('twee verschillende Content-Lengths', `${POST_HEAD}Content-Length: 2\r\nContent-Length: 30\r\n\r\n{}${smuggled}`, [400], { check: one }),
		raw('twee gelijke Content-Lengths', `${POST_HEAD}Content-Length: 2\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`, [400], { check: one }),
		raw('Content-Length negatief', `${POST_HEAD}Content-Length: -1\r\n\r\n{}`, [400]),
		raw('Content-Length met plus', `${POST_HEAD}Content-Length: +2\r\n\r\n{}`, [400]),
		raw('Content-Length hexadecimaal', `${POST_HEAD}Content-Length: 0x2\r\n\r\n{}`, [400]),
		raw('Content-Length met 25 cijfers', `${POST_HEAD}Content-Length: 9999999999999999999999999\r\n\r\n{}`, [400, 413]),
		raw('Content-Length lijst', `${POST_HEAD}Content-Length: 2, 2\r\n\r\n{}`, [400]),
		raw('TE: chunked twee keer', `${POST_HEAD}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, [400]),
		raw('TE: xchunked', `${POST_HEAD}Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n${smuggled}`, [400, 501], { check: one }),
		raw('TE: chunked, identity', `${POST_HEAD}Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n${smuggled}`, [400, 501], { check: one }),
		raw('TE met spatie voor de dubbele punt', `${POST_HEAD}Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n${smuggled}`, [400], { check: one }),
		raw('TE met een tab ervoor', `${POST_HEAD}Transfer-Encoding:\tchunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n`, [400], { check: one }),
		raw('chunkgrootte zz', `${POST_HEAD}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, [400]),
		raw('chunkgrootte -1', `${POST_HEAD}Transfer-Encoding: chunked\r\n\r\n-1\r\n{}\r\n0\r\n\r\n`, [400]),
		raw('chunkgrootte van 20 hexcijfers', `${POST_HEAD}Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n`, [400, 413]),
		raw('chunk zonder CRLF erachter', `${POST_HEAD}Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n`, [400]),
		raw('chunked met trailer', `POST /api/sync HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${good.length.toString(16)}\r\n${good}\r\n0\r\nX-Trailer: 1\r\n\r\n`, [200]),
		raw('obs-fold (vervolgregel)', `GET /api/status HTTP/1.1\r\nHost: h\r\nX-Gevouwen: a\r\n  b\r\nConnection: close\r\n\r\n`, [200, 400]),
		raw('obs-fold in Content-Type', `POST /api/sync HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\n application/json\r\nContent-Length: ${good.length}\r\nConnection: close\r\n\r\n${good}`, [400, 415]),
		raw('kale LF als regeleinde', `GET /api/status HTTP/1.1\nHost: h\nConnection: close\n\n`, [200, 400]),
		raw('kale CR in een header', `GET /api/status HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\nConnection: close\r\n\r\n`, [400]),
		raw('header zonder dubbele punt', `GET /api/status HTTP/1.1\r\nHost: h\r\nZonderDubbelePunt\r\nConnection: close\r\n\r\n`, [400]),
		raw('header met spatie in de naam', `GET /api/status HTTP/1.1\r\nHost: h\r\nX Foo: 1\r\nConnection: close\r\n\r\n`, [400]),
		// Node takes a request line without version as HTTP/0.9 and may serve the page: harmless.
		raw('HTTP/0.9', 'GET /\r\n\r\n', ['closed', 200, 400, 505]),
		raw('HTTP/1.0 zonder Host', 'GET /api/status HTTP/1.0\r\n\r\n', [200, 400]),
		raw('HTTP/2-preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', ['closed', 400, 505]),
		raw('HTTP/9.9', 'GET /api/status HTTP/9.9\r\nHost: h\r\nConnection: close\r\n\r\n', ['closed', 400, 505]),
		raw('HTTP/1.1 in kleine letters', 'GET /api/status http/1.1\r\nHost: h\r\nConnection: close\r\n\r\n', ['closed', 400, 505]),
		raw('TLS ClientHello', Buffer.from('16030100a5010000a10303' + '00'.repeat(32) + '000020c02bc02fc02cc030cca9cca8c013c014009c009d002f0035000a0100005800000014001200000f7777772e6578616d706c652e636f6d', 'hex'), ['closed', 400]),
		raw('alleen rommel', Buffer.from([0x00, 0x01, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]), ['closed', 400]),
		raw('twee aanvragen achter elkaar (pipelining)', `GET /api/status HTTP/1.1\r\nHost: h\r\n\r\nGET /healthz HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n`, [200], {
			pipelined: true,
			check: (r) => (r.responses.length === 2 && r.responses[1]!.status === 200 ? undefined : `${r.responses.length} antwoorden`)
		}),
		{ group: 'http', name: 'langzaam gestuurde body', request: { raw: [`POST /api/sync HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: ${good.length}\r\nConnection: close\r\n\r\n`, good.slice(0, 10), good.slice(10)], gapMs: 150 }, expect: [200] },
		// Range on a page (206) or ignored (200); on the API a Range is meaningless and ignored.
		{ group: 'http', name: 'Range-bom op een pagina', request: get('/', [['Range', `bytes=${Array.from({ length: 500 }, (_, i) => `${i}-${i}`).join(',')}`]]), expect: [200, 206, 416] },
		{ group: 'http', name: 'Range op een pagina', request: get('/', [['Range', 'bytes=0-10']]), expect: [200, 206] },
		{ group: 'http', name: 'Range buiten het bestand', request: get('/favicon.svg', [['Range', 'bytes=999999-']]), expect: [200, 416] },
		{ group: 'http', name: 'Range op de API', request: get('/api/status', [['Range', 'bytes=0-1']]), expect: [200, 206] },
		{ group: 'http', name: 'Accept-Encoding: gzip op een pagina', request: get('/', [['Accept-Encoding', 'gzip, br']]), expect: [200] },
		{ group: 'http', name: 'Accept: alleen XML op de API', request: get('/api/progress', [['Accept', 'application/xml']]), expect: [404, 406] }
	];
	return cases;
}

// ---- 11. URLs, traversal, pages and static files ------------------------------------------------

function urlCases(): HostileCase[] {
	// Files of the project and the server must never be served: 404 (or 400 for a target Node refuses).
	const secret = [
		'/../etc/passwd',
		'/../../../../etc/passwd',
		'/%2e%2e/%2e%2e/etc/passwd',
		'/%252e%252e/%252e%252e/etc/passwd',
		'/..%2f..%2f..%2fetc%2fpasswd',
		'/..%5c..%5c..%5cetc%5cpasswd',
		'/..\\..\\..\\etc\\passwd',
		'/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
		'/%u002e%u002e/etc/passwd',
		'/.%2e/.%2e/etc/passwd',
		'/favicon.svg%00../../etc/passwd',
		'/data/etool.sqlite',
		'/etool.sqlite',
		'/%2e%2e/data/etool.sqlite',
		'/.env',
		'/.git/config',
		'/.git/HEAD',
		'/server.js',
		'/package.json',
		'/package-lock.json',
		'/node_modules/better-sqlite3/package.json',
		'/node_modules/.bin/vite',
		'/src/lib/server/api.ts',
		'/src/hooks.server.ts',
		'/build/handler.js',
		'/build/server/index.js',
		'/svelte.config.js',
		'/.svelte-kit/output/server/index.js',
		'/tests/server/client.ts',
		'/content/nl',
		'/_app/immutable/../../server.js',
		'/_app/immutable/%2e%2e/%2e%2e/%2e%2e/server.js',
		'/_app/%2e%2e/%2e%2e/package.json',
		'/_islands/..%2f..%2f..%2fpackage.json',
		'/favicon.svg/..%2f..%2fserver.js',
		'/api/../../etc/passwd',
		'/api/%2e%2e/%2e%2e/package.json',
		'/proc/self/environ',
		'/%2fetc%2fpasswd',
		'//etc/passwd'
	];
	const cases: HostileCase[] = secret.map((target) => ({ group: 'urls', name: `bestand: ${target}`, request: get(target), expect: [400, 404], bare: true, check: safeLocation }));
	cases.push({
		group: 'urls',
		name: 'het eigen databasebestand met absoluut pad',
		request: async (ctx) => get(`/${ctx.dataDir.replace(/^\//, '')}/etool.sqlite`),
		expect: [400, 404]
	});
	const redirects = ['//evil.example/', '/%5Cevil.example/', '///evil.example/', '/\\evil.example', '/%2F%2Fevil.example', '/api/sync/', '/verder/', '/inhoud/'];
	for (const target of redirects)
		cases.push({ group: 'urls', name: `geen open redirect: ${target}`, request: get(target), expect: [200, 301, 308, 400, 404, 405], bare: true, check: safeLocation });
	const apiOdd: [string, readonly Status[]][] = [
		['/API/STATUS', [404]],
		['/api/status;jsessionid=x', [404]],
		['/api/status%00', [400, 404]],
		['/api/status%20', [404]],
		['/api%2fstatus', [404]],
		['/api/status/extra', [404]],
		['/api/status/..', [200, 301, 308, 404]], // normalised to /api, or refused
		['/api/%2e%2e/healthz', [200, 404]], // normalised to /healthz, which is harmless
		['/api/progress?x=%ZZ', [400, 404]],
		['/api/progress?%', [400, 404]],
		['/api/%ZZ', [400, 404]],
		['/api/progress?code=ABCD&code=EFGH', [404]],
		['/api/status?__proto__[x]=1&constructor[prototype][y]=2', [200]],
		['/api/status?', [200]],
		['/api/status#fragment', [200, 400, 404]],
		['/api/<script>alert(1)</script>', [400, 404]],
		['/api/%3Cscript%3Ealert(1)%3C%2Fscript%3E', [404]],
		['/api/sync?_method=GET', [405]],
		['/healthz/', [200, 301, 308, 404]],
		['/healthz?verbose=1', [200]],
		['/Healthz', [404]],
		['/api', [404]],
		['/api/', [301, 308, 404]],
		[`/api/${'a'.repeat(6 * 1024)}`, [404, 414, 431]],
		[`/api/status?${Array.from({ length: 4000 }, (_, i) => `p${i}=1`).join('&')}`, [200, 414, 431]],
		[`/api/status?q=${'q'.repeat(20 * 1024)}`, [200, 414, 431]],
		[`/api/status?q=${'q'.repeat(100 * 1024)}`, [414, 431]]
	];
	for (const [target, expect] of apiOdd)
		cases.push({ group: 'urls', name: `API-adres: ${target.length > 60 ? `${target.slice(0, 40)}… (${target.length} tekens)` : target}`, request: get(target), expect, bare: true, check: safeLocation });
	cases.push(
		{ group: 'urls', name: 'absolute-form naar de eigen host', request: async (ctx) => get(`${ctx.origin}/api/status`), expect: [200, 400] },
		{ group: 'urls', name: 'absolute-form naar een andere host', request: get('http://evil.example/api/status'), expect: [200, 400, 421], bare: true },
		{ group: 'urls', name: 'absolute-form met https', request: get('https://evil.example/api/status'), expect: [200, 400, 421], bare: true },
		{ group: 'urls', name: 'asterisk-doel bij GET', request: get('*'), expect: [400, 404], bare: true },
		{ group: 'urls', name: 'OPTIONS *', request: { method: 'OPTIONS', target: '*', headers: [] }, expect: [200, 204, 400, 404, 405], bare: true },
		{ group: 'urls', name: 'doel zonder slash', request: get('api/status'), expect: [400, 404], bare: true },
		{ group: 'urls', name: 'doel met ruwe UTF-8', request: get(Buffer.from('/api/stätus', 'utf8').toString('latin1')), expect: [400, 404], bare: true },
		{ group: 'urls', name: 'doel met een tab', request: get('/api/\tstatus'), expect: [400, 404], bare: true }
	);
	// Pages and static files: served to everyone (200), unknown ones a Dutch 404 page.
	const pages: [string, string, string, readonly Status[], boolean?][] = [
		['de startpagina', 'GET', '/', [200]],
		['de startpagina, HEAD', 'HEAD', '/', [200], true],
		['een sectie', 'GET', `/${sectionPath}`, [200]],
		['Mijn antwoorden', 'GET', '/mijn-antwoorden', [200]],
		['verder met een code in de query', 'GET', '/verder?code=<script>alert(1)</script>', [200]],
		['een pagina die niet bestaat', 'GET', '/bestaat-niet', [404]],
		['een sectie die niet bestaat', 'GET', '/inleiding/bestaat-niet', [404]],
		['favicon', 'GET', '/favicon.svg', [200]],
		['een JS-bestand dat niet bestaat', 'GET', '/_app/immutable/chunks/bestaat-niet.js', [404]],
		['een island dat niet bestaat', 'GET', '/_islands/bestaat-niet.js', [404]],
		['/__data.json (openbare inhoudsopgave)', 'GET', '/__data.json', [200, 404]],
		['/inhoud/__data.json', 'GET', '/inhoud/__data.json', [200, 404]],
		['robots.txt', 'GET', '/robots.txt', [200, 404]],
		// Other methods on a prerendered page: the page (200), or refused (404/405).
		['POST op de startpagina', 'POST', '/', [200, 403, 404, 405]],
		['DELETE op een sectie', 'DELETE', `/${sectionPath}`, [200, 403, 404, 405]],
		['PUT op favicon', 'PUT', '/favicon.svg', [200, 403, 404, 405]],
		['OPTIONS op de startpagina', 'OPTIONS', '/', [200, 204, 404, 405]],
		['TRACE op de startpagina', 'TRACE', '/', [200, 404, 405, 501]]
	];
	for (const [name, method, target, expect, head] of pages) cases.push({ group: 'paginas', name, request: { method, target, headers: [] }, expect, head, check: safeLocation });
	return cases;
}

// ---- 12. limits -----------------------------------------------------------------------------------

/**
 * Send `make(i)` until the server answers 429 (at most `max` times), then once more: that last
 * answer is the case's. The limits' sizes are the server's choice (settings), so the loop only
 * bounds the work; a server that never says 429 within `max` fails the case.
 */
const flood = (name: string, max: number, make: (i: number, ctx: CaseContext) => RequestParts, prepare?: (ctx: CaseContext) => Promise<void>): HostileCase => ({
	group: 'limieten',
	name,
	request: async (ctx) => {
		await prepare?.(ctx);
		for (let i = 0; i < max; i++) if ((await ctx.send(make(i, ctx))).status === 429) break;
		return make(max, ctx);
	},
	expect: [429],
	check: (r) => problems(/^\d+$/.test(r.header('retry-after') ?? '') ? undefined : 'geen Retry-After', code('too_many_requests')(r))
});

function limitCases(): HostileCase[] {
	let shared = '';
	return [
		// 120 writes a minute per learner (docs/api.md); 300 is well past it.
		flood(
			'schrijven met één cookie',
			300,
			(i) => post('/api/sync', withVisit({ id: `hostile-flood-${String(i).padStart(4, '0')}` }), [JSON_TYPE, cookie(shared)]),
			async (ctx) => {
				shared = (await ctx.learner()).cookie;
			}
		),
		// New learners per address (200 in 10 minutes by default): a client that drops its cookie starts no fresh count.
		flood('steeds zonder cookie (nieuwe leerlingen)', 400, () => post('/api/sync', good)),
		// D2: a new made-up cookie per request must not escape both limits.
		flood('steeds een nieuw verzonnen cookie (D2)', 400, (i) => post('/api/sync', good, [JSON_TYPE, cookie(`Flood${String(i).padStart(17, '0')}`)]))
	];
}

// ---- 13. behind a proxy (TRUST_PROXY=1) ----------------------------------------------------------

function proxyCases(): HostileCase[] {
	/** Our proxy appends the client's address (and protocol) last; whatever comes before is the client's claim. */
	const via = (ctx: CaseContext, claimedFor = '', proto?: string): [string, string][] => [
		['X-Forwarded-For', claimedFor ? `${claimedFor}, ${ctx.address}` : ctx.address],
		...(proto ? [['X-Forwarded-Proto', proto] as [string, string]] : [])
	];
	const secure = (want: boolean) => (r: Reply) => {
		const cookieLine = r.header('set-cookie') ?? '';
		const isSecure = /;\s*secure/i.test(cookieLine);
		const hsts = Boolean(r.header('strict-transport-security'));
		return isSecure === want && hsts === want ? undefined : `Secure ${isSecure}, HSTS ${hsts}; verwacht ${want}`;
	};
	return [
		{ group: 'proxy', proxy: true, name: 'https volgens de proxy: Secure-cookie en HSTS', request: async (ctx) => post('/api/sync', good, [JSON_TYPE, ...via(ctx, '', 'https')]), expect: [200], check: secure(true) },
		{ group: 'proxy', proxy: true, name: 'https geclaimd door de client, http volgens de proxy', request: async (ctx) => post('/api/sync', good, [JSON_TYPE, ...via(ctx, '', 'https, http')]), expect: [200], check: secure(false) },
		{ group: 'proxy', proxy: true, name: 'Origin met https achter een https-proxy', request: async (ctx) => post('/api/sync', good, [JSON_TYPE, ['Origin', `https://${ctx.hostPort}`], ...via(ctx, '', 'https')]), expect: [200] },
		{ group: 'proxy', proxy: true, name: 'Origin met http achter een https-proxy', request: async (ctx) => post('/api/sync', good, [JSON_TYPE, ['Origin', ctx.origin], ...via(ctx, '', 'https')]), expect: [403] },
		{ group: 'proxy', proxy: true, name: 'X-Forwarded-For met rommel als laatste adres', request: async () => post('/api/sync', good, [JSON_TYPE, ['X-Forwarded-For', "'; DROP TABLE rate_limits;--"]]), expect: [200] },
		{ group: 'proxy', proxy: true, name: 'X-Forwarded-For leeg', request: async () => post('/api/sync', good, [JSON_TYPE, ['X-Forwarded-For', '']]), expect: [200] },
		{ group: 'proxy', proxy: true, name: 'X-Forwarded-For van 1.000 adressen', request: async (ctx) => post('/api/sync', good, [JSON_TYPE, ...via(ctx, Array.from({ length: 999 }, (_, i) => `10.1.${i >> 8}.${i & 255}`).join(', '))]), expect: [200] },
		{
			group: 'proxy',
			proxy: true,
			name: 'vervalste adressen voor dat van de proxy helpen niet tegen de resume-limiet',
			request: async (ctx) => {
				const resume = (i: number) => post('/api/resume', json({ code: `YYYY-YYYY-YYYY-${String(i % 100).padStart(2, '0')}` }), [JSON_TYPE, ...via(ctx, `10.2.${i % 250}.${(i * 3) % 250}`)]);
				for (let i = 0; i < 200; i++) if ((await ctx.send(resume(i))).status === 429) break;
				return resume(200);
			},
			expect: [429],
			check: (r) => (/^\d+$/.test(r.header('retry-after') ?? '') ? undefined : 'geen Retry-After')
		}
	];
}

/** Every case, in the order of the review's groups. */
export function hostileCases(): HostileCase[] {
	return [
		...methodCases(),
		...jsonCases(),
		...schemaCases(),
		...pollutionCases(),
		...hugeCases(),
		...unicodeCases(),
		...contentTypeCases(),
		...cookieCases(),
		...resumeCases(),
		...headerCases(),
		...urlCases(),
		...limitCases(),
		...proxyCases(),
		// Team sessions (issue 11): hostile-team-cases.ts.
		...teamCases()
	];
}

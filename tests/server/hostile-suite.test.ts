import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reflection } from './client';
import { hostileCases, type CaseContext, type HostileCase, type Reply, type Status } from './hostile-cases';
import { rawExchange, requestBytes, type RawReply, type RawResponse, type RequestParts } from './raw-http';
import { startServer, type RunningServer } from './server-process';

// The hostile-input suite (issue 9): every case of hostile-cases.ts against a server of its own,
// started as an organisation would start it on the open internet (no TRUST_PROXY, no ORIGIN), on
// SQLite and, with TEST_DATABASE_URL, on PostgreSQL. Each case comes from a loopback address of
// its own (127.x.y.z), so per-address limits never hide what a request does. For every answer:
// the status is one the contract allows, never a 5xx, an error body is JSON (API) or a page
// (learner URLs) with a Dutch message, nothing leaks, and no second response comes out of one
// request. Afterwards the server must still be up and healthy.

const cases = hostileCases();

/** Words any Dutch sentence of ours uses; none is also a common English word. */
const DUTCH_WORDS = new Set(
	'de het een niet geen te van je jouw jij en kan voor deze dit hier moet zijn wel nog naar bij als hoogstens minstens tekens gegevens aanvraag onbekend onbekende adres opnieuw probeer kloppen klopt minuten minuut veel bestaat pagina ging iets mis ontbreekt veld tijd zoals wordt kennen gevonden methode inhoud opslag server'.split(
		' '
	)
);
/** English stock phrases that mean a default message slipped through (Node, SvelteKit, zod). */
const ENGLISH = /\b(Not Found|Internal Server Error|Bad Request|Method Not Allowed|Payload Too Large|Content Too Large|Unsupported Media Type|Forbidden|Too Many Requests|Unprocessable|Invalid input|Unexpected token|is not valid JSON|Cannot (GET|POST|read)|Something went wrong|Required|Expected)\b/;

/** "Dutch": at least one of our common Dutch words, and no English stock phrase. */
export function isDutch(text: string): boolean {
	const words = text.toLowerCase().split(/[^a-zà-ÿ]+/);
	return words.some((w) => DUTCH_WORDS.has(w)) && !ENGLISH.test(text);
}

/** Signs of a leak in an answer: internals (only in API and error answers) and file contents (in any answer). */
const INTERNALS: [string, RegExp][] = [
	['stackframe', /\bat [\w$.<>[\] ]+ \(?(file:|node:|\/)[^)\s]*:\d+/],
	['pad van de repository', new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
	['tijdelijke map', /\/tmp\/|etool-server-/],
	['node_modules', /node_modules[\\/]/],
	['bron met regelnummer', /\.(c|m)?[jt]s:\d+/],
	['SQLITE_', /SQLITE_[A-Z]/],
	['SQL', /\b(SELECT\s[\s\S]{0,80}\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|ON\s+CONFLICT)\b/i],
	['foutklasse', /\b(SqliteError|DatabaseError|TypeError|RangeError|SyntaxError|ReferenceError|ZodError|AggregateError)\b/],
	['PostgreSQL', /relation "[^"]*" does not exist|duplicate key value|violates .* constraint|pg_[a-z]+\(/]
];
const FILE_CONTENTS: [string, RegExp][] = [
	['/etc/passwd', /root:x:0:0/],
	['SQLite-bestand', /SQLite format 3/],
	['package.json', /"devDependencies"|"digitale-kloof-etool"/],
	['server.js', /process\.chdir\(|SECURITY_HEADERS/],
	['.git', /repositoryformatversion|\[core\]/],
	['omgeving', /DATABASE_URL=|\bPATH=\/usr/]
];

const targetOf = (bytes: Buffer) => /^\S+ (\S+)/.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1] ?? '';
/** Is this an address of the API (JSON errors), after the URL is normalised as the server does? */
function isApi(target: string): boolean {
	let path = target;
	try {
		path = new URL(target, 'http://x').pathname;
	} catch {
		// not a URL: judge the raw target
	}
	return /^\/(api(\/|$)|healthz$)/.test(path);
}
/** Files a browser loads as script, style or image: it never shows their error text, so any short text is fine. */
const isAsset = (target: string) => /^\/(_app|_islands)\/|\.(js|css|svg|png|woff2?|ico|txt|map)$/.test(target.split('?')[0]!);

function decoded(target: string): string[] {
	const forms = [target];
	try {
		forms.push(decodeURIComponent(target));
	} catch {
		// not decodable: only the raw form can be echoed
	}
	try {
		forms.push(new URL(target, 'http://x').pathname);
	} catch {
		// not a URL
	}
	return forms.filter((f) => f.length > 1);
}

/** Problems with one response: 5xx, leaks, a missing or non-Dutch error message, missing security headers. */
export function responseProblems(res: RawResponse, target: string, c: HostileCase): string[] {
	const found: string[] = [];
	if (res.status >= 500) found.push(`status ${res.status}`);
	const headerText = Object.entries(res.headers)
		.map(([n, v]) => `${n}: ${v.join(', ')}`)
		.join('\n');
	let text = res.body.toString('utf8');
	// An API 404 may name the address it was asked for; that echo is ours, not a leak.
	for (const form of decoded(target)) text = text.split(form).join('').split(JSON.stringify(form).slice(1, -1)).join('');
	const api = isApi(target);
	const error = res.status >= 400;
	for (const [what, pattern] of FILE_CONTENTS) if (pattern.test(text)) found.push(`lek: ${what}`);
	if (api || error) for (const [what, pattern] of INTERNALS) if (pattern.test(text) || pattern.test(headerText)) found.push(`lek: ${what}`);
	const type = res.headers['content-type']?.[0] ?? '';
	if (res.body.length > 0 && !res.headers['content-security-policy']) found.push('antwoord zonder Content-Security-Policy');
	if (res.body.length > 0 && !res.headers['x-content-type-options']) found.push('antwoord zonder nosniff');
	if (!error || c.head) return found;
	if (isAsset(target) && !api) return found;
	if (res.body.length === 0) {
		if (!c.bare) found.push(`kale ${res.status} zonder melding`);
		return found;
	}
	if (/json/i.test(type)) {
		let message: unknown;
		let errorCode: unknown;
		try {
			const body = JSON.parse(res.body.toString('utf8'));
			message = body?.error?.message;
			errorCode = body?.error?.code;
		} catch {
			found.push('foutmelding is geen geldige JSON');
		}
		if (typeof errorCode !== 'string') found.push('foutmelding zonder error.code');
		if (typeof message !== 'string' || !isDutch(message)) found.push(`melding niet Nederlands: ${String(message).slice(0, 100)}`);
	} else if (/html/i.test(type) && (!api || c.page)) {
		const page = res.body.toString('utf8');
		const title = /<title>([^<]*)<\/title>/i.exec(page)?.[1] ?? '';
		if (!/<html[^>]*lang="nl"/i.test(page) || !isDutch(title)) found.push(`foutpagina niet Nederlands: ${title.slice(0, 80)}`);
		if (ENGLISH.test(page.replace(/<script[\s\S]*?<\/script>/gi, ''))) found.push('Engelse standaardtekst op de foutpagina');
	} else found.push(`foutmelding als ${type || 'tekst zonder type'} ("${res.body.toString('utf8').slice(0, 40)}")${api ? '; de API hoort JSON te geven' : ''}`);
	return found;
}

function asReply(raw: RawReply, head: boolean): Reply {
	const first = raw.responses[0];
	const text = first ? first.body.toString('utf8') : '';
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	const setCookie = first?.headers['set-cookie']?.find((v) => v.startsWith('etool_learner='));
	const value = setCookie?.split(';')[0]!.slice('etool_learner='.length);
	return Object.assign(raw, {
		text,
		json: parsed,
		head,
		learnerCookie: setCookie && value && !/max-age=0/i.test(setCookie) ? value : undefined,
		header: (name: string) => first?.headers[name.toLowerCase()]?.[0]
	});
}

const SERVERS = [
	{ name: 'SQLite', env: {} as Record<string, string>, net: 30 },
	...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', env: { DATABASE_URL: process.env.TEST_DATABASE_URL }, net: 31 }] : [])
];

describe('the checks themselves', () => {
	const response = (status: number, body: string, type = 'application/json; charset=utf-8'): RawResponse => ({
		status,
		headers: { 'content-type': [type], 'content-security-policy': ["default-src 'self'"], 'x-content-type-options': ['nosniff'] },
		body: Buffer.from(body)
	});
	const plain: HostileCase = { group: 'x', name: 'x', request: { method: 'GET', target: '/' }, expect: [400] };

	it('tell Dutch from English stock phrases', () => {
		expect(isDutch('De aanvraag is te groot: hoogstens 64 KB.')).toBe(true);
		expect(isDutch('Onbekend adres: /api/beheer.')).toBe(true);
		expect(isDutch('Not Found')).toBe(false);
		expect(isDutch('Invalid input: expected string, received number')).toBe(false);
		expect(isDutch('Deze pagina Not Found')).toBe(false);
	});

	it('find leaks, English messages, bare errors and missing headers', () => {
		const dutch = JSON.stringify({ error: { code: 'x', message: 'Dit klopt niet.' } });
		expect(responseProblems(response(400, dutch), '/api/sync', plain)).toEqual([]);
		expect(responseProblems(response(500, dutch), '/api/sync', plain)).toContain('status 500');
		expect(responseProblems(response(400, JSON.stringify({ error: { code: 'x', message: 'Bad Request' } })), '/api/sync', plain).join()).toMatch(/niet Nederlands/);
		expect(responseProblems(response(400, 'Bad Request', 'text/plain'), '/api/sync', plain).join()).toMatch(/JSON/);
		expect(responseProblems(response(400, ''), '/api/sync', plain).join()).toMatch(/kale 400/);
		expect(responseProblems(response(400, ''), '/api/sync', { ...plain, bare: true })).toEqual([]);
		const leaky = JSON.stringify({ error: { code: 'x', message: 'Dit klopt niet. SqliteError: SQLITE_CONSTRAINT at run (/srv/node_modules/x/index.js:12:3)' } });
		expect(responseProblems(response(400, leaky), '/api/sync', plain).join()).toMatch(/SQLITE_.*node_modules|node_modules.*SQLITE_|foutklasse/);
		expect(responseProblems(response(200, 'root:x:0:0:root:/root:/bin/bash', 'text/plain'), '/etc/passwd', plain)).toContain('lek: /etc/passwd');
		expect(responseProblems(response(200, 'SQLite format 3\u0000', 'application/octet-stream'), '/data/etool.sqlite', plain)).toContain('lek: SQLite-bestand');
		// The address the client asked for may be named in the answer: that is no leak.
		const echo = JSON.stringify({ error: { code: 'not_found', message: 'Onbekend adres: /api/node_modules/x.js:1.' } });
		expect(responseProblems(response(404, echo), '/api/node_modules/x.js:1', plain)).toEqual([]);
		const page = '<!doctype html><html lang="nl"><head><title>Deze pagina bestaat niet.</title></head></html>';
		expect(responseProblems(response(404, page, 'text/html'), '/bestaat-niet', plain)).toEqual([]);
		expect(responseProblems(response(404, page.replace('lang="nl"', 'lang="en"'), 'text/html'), '/bestaat-niet', plain).join()).toMatch(/niet Nederlands/);
		const { 'content-security-policy': _csp, ...noCsp } = response(200, '{}').headers;
		expect(responseProblems({ ...response(200, '{}'), headers: noCsp }, '/api/status', plain)).toContain('antwoord zonder Content-Security-Policy');
	});
});

describe('hostile-input table', () => {
	it('holds at least 400 distinct cases, each with a unique name and a request of its own', () => {
		const names = new Set(cases.map((c) => `${c.group}: ${c.name}`));
		expect(names.size, 'dubbele namen').toBe(cases.length);
		// Two cases that send the same bytes test the same thing: they count once. A case that builds its
		// request at run time (a real learner or code first) is distinct by what its name says it builds.
		const signature = (c: HostileCase) => {
			if (typeof c.request === 'function') return `run-time: ${c.group}: ${c.name}`;
			const bytes = 'raw' in c.request ? Buffer.concat(c.request.raw.map((b) => (typeof b === 'string' ? Buffer.from(b, 'latin1') : b))) : requestBytes(c.request, 'h');
			return createHash('sha256').update(bytes).digest('hex');
		};
		const distinct = new Set(cases.map(signature));
		expect(distinct.size, 'cases die dezelfde aanvraag sturen').toBe(cases.length);
		expect(distinct.size).toBeGreaterThanOrEqual(400);
		// Every endpoint and method of the brief appears.
		const all = cases.map((c) => `${c.group} ${c.name}`).join('\n');
		for (const needle of [
			'/api/status', '/api/sync', '/api/progress', '/api/learner', '/api/resume-code', '/api/resume', '/healthz', 'onbekend API-adres', 'favicon', 'startpagina',
			'/api/team/sessions', '/api/team/session', '/api/team/session/events', '/api/team/session/reflections', '/api/team/join', '/api/team/me',
			'/api/team/me/progress', '/api/team/me/reflections'
		])
			expect(all, needle).toContain(needle);
		for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'kleine letters', 'verzonnen methode', 'Override'])
			expect(all, method).toContain(method);
	});
});

describe.each(SERVERS)('hostile input on $name', ({ env, net }) => {
	let server: RunningServer;
	/** The same server behind a proxy of our own (TRUST_PROXY=1), for the cases that say `proxy`. */
	let proxied: RunningServer;
	let next = 0;
	/** A loopback address per case: 127.<net>.<n/250>.<n%250+1>. */
	const nextAddress = () => {
		const n = next++;
		return `127.${net}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
	};

	beforeAll(async () => {
		[server, proxied] = await Promise.all([startServer(env), startServer({ ...env, TRUST_PROXY: '1' })]);
	});
	afterAll(async () => {
		await Promise.all([server?.stop(), proxied?.stop()]);
	});
	const portOf = (s: RunningServer) => Number(new URL(s.baseUrl).port);

	function context(address: string, target: RunningServer): CaseContext {
		const port = portOf(target);
		const hostPort = `127.0.0.1:${port}`;
		let made = 0;
		const send = async (parts: RequestParts) => asReply(await rawExchange(requestBytes(parts, hostPort), { port, localAddress: address, head: parts.method === 'HEAD' }), parts.method === 'HEAD');
		const ctx: CaseContext = {
			port,
			origin: `http://${hostPort}`,
			hostPort,
			address,
			dataDir: target.dataDir,
			send,
			async learner() {
				const secret = `GEHEIM-${address}-${made++}`;
				const body = JSON.stringify({ changes: [learnerChange(secret)] });
				const r = await send({ method: 'POST', target: '/api/sync', headers: [['Content-Type', 'application/json']], body });
				if (r.status !== 200 || !r.learnerCookie) throw new Error(`een gewone leerling maken lukte niet: ${r.status} ${r.text.slice(0, 200)}`);
				return { cookie: r.learnerCookie, secret };
			},
			async code() {
				const made = await ctx.learner();
				const r = await send({ method: 'POST', target: '/api/resume-code', headers: [['Cookie', `etool_learner=${made.cookie}`]] });
				if (r.status !== 200 || typeof r.json?.code !== 'string') throw new Error(`een code maken lukte niet: ${r.status} ${r.text.slice(0, 200)}`);
				return { ...made, cookie: r.learnerCookie ?? made.cookie, code: r.json.code as string };
			}
		};
		return ctx;
	}

	async function run(c: HostileCase): Promise<string[]> {
		const targetServer = c.proxy ? proxied : server;
		const ctx = context(nextAddress(), targetServer);
		const port = ctx.port;
		let reply: Reply;
		let target: string;
		try {
			const request = typeof c.request === 'function' ? await c.request(ctx) : c.request;
			if ('raw' in request) {
				const bytes = request.raw.map((b) => (typeof b === 'string' ? Buffer.from(b, 'latin1') : b));
				target = targetOf(Buffer.concat(bytes));
				reply = asReply(await rawExchange(bytes, { port, localAddress: ctx.address, gapMs: request.gapMs }), false);
			} else {
				target = request.target;
				reply = await ctx.send(request);
			}
		} catch (error) {
			return [`kon niet worden verstuurd: ${error instanceof Error ? error.message : String(error)}`];
		}
		const found: string[] = [];
		if (reply.timedOut) found.push('geen antwoord binnen 5 s');
		const status: Status = reply.status ?? 'closed';
		if (!c.expect.includes(status)) found.push(`status ${status}, verwacht ${c.expect.join('/')}${reply.text ? `: ${reply.text.slice(0, 160)}` : ''}`);
		if (reply.responses.length > 1 && !c.pipelined) found.push(`${reply.responses.length} antwoorden op één aanvraag`);
		for (const res of reply.responses) found.push(...responseProblems(res, target, c));
		if (reply.status === 405 && !reply.header('allow')) found.push('405 zonder Allow');
		if (reply.status === 429 && !reply.header('retry-after')) found.push('429 zonder Retry-After');
		try {
			const extra = await c.check?.(reply, ctx);
			if (extra) found.push(extra);
		} catch (error) {
			found.push(`controle faalde: ${error instanceof Error ? error.message : String(error)}`);
		}
		return found.map((f) => `[${c.group}] ${c.name}: ${f}`);
	}

	const groups = [...new Set(cases.map((c) => c.group))];
	it.each(groups)('group %s: every answer as the contract says, Dutch, no 5xx, no leak', async (group) => {
		const mine = cases.filter((c) => c.group === group);
		const found: string[] = [];
		// Four at a time: each case has its own address and learner, so they cannot disturb each other.
		for (let i = 0; i < mine.length; i += 4) for (const result of await Promise.all(mine.slice(i, i + 4).map(run))) found.push(...result);
		expect(found.join('\n')).toBe('');
	});

	it.each(['direct', 'behind a proxy'])('is still up and healthy afterwards (%s), and its log is one JSON object per line without answers', async (which) => {
		const running = which === 'direct' ? server : proxied;
		expect(running.child.exitCode, 'het serverproces stopte').toBeNull();
		const port = portOf(running);
		const health = await rawExchange(requestBytes({ method: 'GET', target: '/healthz' }, `127.0.0.1:${port}`), { port });
		expect(health.status).toBe(200);
		expect(JSON.parse(health.responses[0]!.body.toString('utf8'))).toMatchObject({ status: 'ok' });
		const log = readFileSync(running.logFile, 'utf8');
		const lines = log.split('\n').filter(Boolean);
		const notJson = lines.filter((line) => {
			try {
				JSON.parse(line);
				return false;
			} catch {
				return true;
			}
		});
		expect(notJson.slice(0, 3)).toEqual([]);
		expect(log).not.toMatch(/GEHEIM-/);
		expect(lines.filter((l) => /"status":5\d\d/.test(l)).slice(0, 3)).toEqual([]);
	});
});

/** The answer a case's real learner stores: a reflection holding its secret marker. */
function learnerChange(secret: string) {
	return {
		id: `hostile-learner-${createHash('sha1').update(secret).digest('hex').slice(0, 12)}`,
		kind: 'answer',
		exerciseId: reflection.id,
		record: { value: { type: 'reflection', text: secret }, attempts: 1, savedAt: new Date().toISOString() }
	};
}

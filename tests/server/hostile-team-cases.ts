import { multipleResponse, reflection, sectionPath, singleChoice } from './client';
import type { CaseContext, HostileCase, Reply, Status } from './hostile-cases';
import type { RequestParts } from './raw-http';

// The hostile-input table's team part (issue 11): every team endpoint and method, keys in every
// wrong form, bodies that break each field, text the board must never run. Each case that needs a
// session or a participant makes one from its own address first (like `ctx.code()` does for resume).
// Secrets carry "GEHEIM-", which the suite checks the log never holds.

const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];
const json = (value: unknown) => JSON.stringify(value);
const bearer = (key: string): [string, string] => ['Authorization', `Bearer ${key}`];
const call = (method: string, target: string, body: unknown, headers: [string, string][] = []): RequestParts => ({
	method,
	target,
	headers: body === undefined ? headers : [JSON_TYPE, ...headers],
	body: body === undefined ? undefined : typeof body === 'string' ? body : json(body)
});

async function session(ctx: CaseContext): Promise<{ key: string; code: string; title: string }> {
	const title = `GEHEIM-titel-${ctx.address}`;
	const r = await ctx.send(call('POST', '/api/team/sessions', { title }));
	if (r.status !== 201) throw new Error(`sessie starten: ${r.status} ${r.text.slice(0, 200)}`);
	return { key: r.json.facilitatorKey as string, code: r.json.joinCode as string, title };
}
async function participant(ctx: CaseContext): Promise<{ key: string; facilitator: string }> {
	const made = await session(ctx);
	const r = await ctx.send(call('POST', '/api/team/join', { code: made.code }));
	if (r.status !== 200) throw new Error(`meedoen: ${r.status} ${r.text.slice(0, 200)}`);
	return { key: r.json.participantKey as string, facilitator: made.key };
}

const errorCode = (expected: string) => (r: Reply) => {
	if (r.status === null || r.status < 400 || r.head) return;
	return r.json?.error?.code === expected ? undefined : `code ${r.json?.error?.code}, verwacht ${expected}`;
};

/** After sharing, the facilitator reads exactly the text back, as a JSON string. */
const sharedBack = (text: string) => async (r: Reply, ctx: CaseContext & { facilitator?: string }) => {
	if (r.status !== 200) return;
	const key = (ctx as { facilitator?: string }).facilitator;
	if (!key) return 'geen sleutel van de begeleider';
	const board = await ctx.send(call('GET', '/api/team/session', undefined, [bearer(key)]));
	const stored = board.json?.reflections?.[0]?.text;
	return stored === text.trim() ? undefined : `terug gelezen: ${String(stored).slice(0, 60)}`;
};

type Case = Omit<HostileCase, 'group'>;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const;

/** Each team endpoint: its methods and what each gets without a key or body (Content-Type is checked before the key). */
const ENDPOINTS: { path: string; plain: Record<string, Status[]> }[] = [
	{ path: '/api/team/sessions', plain: { POST: [400, 415] } },
	{ path: '/api/team/session', plain: { GET: [404], DELETE: [404] } },
	{ path: '/api/team/session/events', plain: { GET: [404] } },
	{ path: '/api/team/session/reflections', plain: { POST: [400, 404, 415] } },
	{ path: '/api/team/join', plain: { POST: [400, 415] } },
	{ path: '/api/team/me', plain: { GET: [404], DELETE: [404] } },
	{ path: '/api/team/me/progress', plain: { POST: [400, 404, 415] } },
	{ path: '/api/team/me/reflections', plain: { PUT: [400, 404, 415], DELETE: [400, 404, 415] } }
];

function methodCases(): Case[] {
	return ENDPOINTS.flatMap(({ path, plain }) =>
		METHODS.map((method): Case => {
			const own = plain[method] ?? (method === 'HEAD' ? plain.GET : undefined);
			return {
				name: `${method} ${path} zonder sleutel`,
				request: { method, target: path, headers: method === 'OPTIONS' ? [['Origin', 'https://aanvaller.example']] : [] },
				expect: own ?? (method === 'OPTIONS' ? [200, 204, 405] : [405]),
				head: method === 'HEAD',
				check: (r) => {
					const allow = r.header('access-control-allow-origin');
					return allow && allow !== 'null' ? `access-control-allow-origin: ${allow}` : undefined;
				}
			};
		})
	);
}

function keyCases(): Case[] {
	const withKey = (name: string, header: (key: string) => [string, string][], expect: Status[], target = '/api/team/session'): Case => ({
		name: `sleutel: ${name}`,
		request: async (ctx) => call('GET', target, undefined, header((await session(ctx)).key)),
		expect,
		check: (r) => (r.status === 404 ? errorCode('unknown_session')(r) : r.status === 200 && !r.json?.title ? 'geen bordstand' : undefined)
	});
	return [
		withKey('de echte', (k) => [bearer(k)], [200]),
		withKey('schema in kleine letters', (k) => [['Authorization', `bearer ${k}`]], [200]),
		withKey('zonder schema', (k) => [['Authorization', k]], [404]),
		withKey('als Basic', (k) => [['Authorization', `Basic ${Buffer.from(`x:${k}`).toString('base64')}`]], [404]),
		withKey('een teken te weinig', (k) => [bearer(k.slice(0, -1))], [404]),
		withKey('een teken anders', (k) => [bearer(`${k.slice(0, -1)}${k.endsWith('A') ? 'B' : 'A'}`)], [404]),
		withKey('met een NUL-teken-escape', (k) => [bearer(`${k}%00`)], [404]),
		withKey('in de query', (k) => [], [404], '/api/team/session?sleutel=x'),
		withKey('als cookie', (k) => [['Cookie', `sleutel=${k}`]], [404]),
		withKey('twee keer Bearer', (k) => [['Authorization', `Bearer ${k} Bearer ${k}`]], [404]),
		withKey('8000 tekens', () => [bearer('A'.repeat(8000))], [404, 431]),
		withKey('leeg', () => [['Authorization', 'Bearer ']], [404]),
		withKey('SQL', () => [bearer("' OR '1'='1")], [404]),
		{
			name: 'sleutel: een deelnemer op het bord',
			request: async (ctx) => call('GET', '/api/team/session', undefined, [bearer((await participant(ctx)).key)]),
			expect: [404],
			check: errorCode('unknown_session')
		},
		{
			name: 'sleutel: een deelnemer op de eventstream',
			request: async (ctx) => call('GET', '/api/team/session/events', undefined, [bearer((await participant(ctx)).key)]),
			expect: [404]
		},
		{
			name: 'sleutel: de begeleider als deelnemer',
			request: async (ctx) => call('GET', '/api/team/me', undefined, [bearer((await session(ctx)).key)]),
			expect: [404]
		},
		{
			name: 'sleutel: de begeleider beëindigt met een deelnemerssleutel',
			request: async (ctx) => call('DELETE', '/api/team/session', undefined, [bearer((await participant(ctx)).key)]),
			expect: [404]
		},
		{
			name: 'HEAD op de eventstream met de echte sleutel',
			request: async (ctx) => call('HEAD', '/api/team/session/events', undefined, [bearer((await session(ctx)).key)]),
			expect: [200],
			head: true,
			check: (r) => (/^text\/event-stream/.test(r.header('content-type') ?? '') ? undefined : `content-type ${r.header('content-type')}`)
		}
	];
}

function createCases(): Case[] {
	const create = (name: string, body: unknown, expect: Status[], headers: [string, string][] = []): Case => ({
		name: `starten: ${name}`,
		request: call('POST', '/api/team/sessions', body, headers),
		expect
	});
	return [
		create('zonder titel', {}, [400]),
		create('titel als getal', { title: 42 }, [400]),
		create('titel als lijst', { title: ['a'] }, [400]),
		create('titel null', { title: null }, [400]),
		create('lege titel', { title: '' }, [400]),
		create('alleen spaties', { title: '     ' }, [400]),
		create('81 tekens', { title: 'x'.repeat(81) }, [400]),
		create('met een richtingsomkering', { title: 'Team \u202Etsirf' }, [400]),
		create('met een isolaat', { title: 'Team \u2067noord\u2069' }, [400]),
		create('met een regeleinde', { title: 'Team\nNoord' }, [400]),
		create('met NUL', { title: 'Team\u0000' }, [400]),
		create('één woord van 10.000 tekens', { title: 'w'.repeat(10_000) }, [400]),
		create('__proto__ in de body', '{"__proto__":{"title":"x"},"title":"GEHEIM-proto"}', [201]),
		create('body als lijst', [{ title: 'x' }], [400]),
		create('vreemde Origin', { title: 'x' }, [403], [['Origin', 'https://aanvaller.example']]),
		{ name: 'starten: als text/plain', request: { method: 'POST', target: '/api/team/sessions', headers: [['Content-Type', 'text/plain']], body: json({ title: 'x' }) }, expect: [415] },
		create('script als titel', { title: '<script>alert(1)</script>' }, [201]),
		create('onbekende velden erbij', { title: 'GEHEIM-extra', admin: true, facilitatorKey: 'AAAAAAAAAAAAAAAAAAAAAA' }, [201])
	];
}

function joinCases(): Case[] {
	const join = (name: string, code: unknown, expect: Status[]): Case => ({ name: `meedoen: ${name}`, request: call('POST', '/api/team/join', { code }), expect });
	const withCode = (name: string, transform: (c: string) => unknown, expect: Status[]): Case => ({
		name: `meedoen: ${name}`,
		request: async (ctx) => call('POST', '/api/team/join', { code: transform((await session(ctx)).code) }),
		expect,
		check: (r) => (r.status === 200 && typeof r.json?.participantKey !== 'string' ? 'geen deelnemerssleutel' : undefined)
	});
	return [
		join('een verkeerde code', 'ZZZ-ZZZ', [404]),
		join('code als getal', 123456, [400]),
		join('code als object', { $ne: null }, [400]),
		join('33 tekens', 'A'.repeat(33), [400]),
		join('leeg', '', [404]),
		join('met 0 en O', 'O0O-0O0', [404]),
		withCode('de echte code', (c) => c, [200]),
		withCode('in kleine letters', (c) => c.toLowerCase(), [200]),
		withCode('met spaties in plaats van het streepje', (c) => ` ${c.replace('-', '  ')} `, [200]),
		withCode('met een volle-breedte-letter', (c) => c.replace(/[A-Z]/, (m) => String.fromCharCode(m.charCodeAt(0) + 0xfee0)), [200, 404]),
		withCode('een teken te veel', (c) => `${c}A`, [404]),
		withCode('als lijst', (c) => [c], [400])
	];
}

function participantCases(): Case[] {
	const as = (name: string, method: string, target: string, body: unknown, expect: Status[], check?: HostileCase['check']): Case => ({
		name: `deelnemer: ${name}`,
		request: async (ctx) => {
			const p = await participant(ctx);
			(ctx as { facilitator?: string }).facilitator = p.facilitator;
			return call(method, target, body, [bearer(p.key)]);
		},
		expect,
		check
	});
	const answer = { exerciseId: singleChoice.id, value: { type: 'single-choice', choice: singleChoice.options[0]!.id }, firstVerdict: 'correct' };
	const progress = (body: unknown, name: string, expect: Status[], check?: HostileCase['check']) => as(`voortgang: ${name}`, 'POST', '/api/team/me/progress', body, expect, check);
	const share = (text: unknown, name: string, expect: Status[], exerciseId: unknown = reflection.id) =>
		as(`delen: ${name}`, 'PUT', '/api/team/me/reflections', { exerciseId, text }, expect, typeof text === 'string' ? sharedBack(text) : undefined);
	return [
		progress({ answers: [answer], sections: [sectionPath] }, 'een gewoon antwoord', [200]),
		progress({ answers: answer }, 'answers geen lijst', [400]),
		progress({ answers: Array(51).fill(answer) }, '51 antwoorden', [400]),
		progress({ sections: Array(101).fill(sectionPath) }, '101 secties', [400]),
		progress({ answers: [{ ...answer, exerciseId: 'bestaat-niet' }] }, 'onbekende oefening', [422], errorCode('unknown_exercise')),
		progress({ answers: [{ ...answer, exerciseId: '__proto__' }] }, '__proto__ als oefening', [422]),
		progress({ answers: [{ ...answer, exerciseId: multipleResponse.id }] }, 'verkeerd type', [422], errorCode('type_mismatch')),
		progress({ answers: [{ exerciseId: reflection.id, value: { type: 'reflection', text: 'GEHEIM-reflectie' }, firstVerdict: 'correct' }] }, 'een reflectie als antwoord', [400]),
		progress({ answers: [{ ...answer, firstVerdict: 'perfect' }] }, 'verzonnen oordeel', [400]),
		progress({ answers: [{ ...answer, value: { type: 'multiple-response', choices: Array(101).fill('a') } , exerciseId: multipleResponse.id }] }, '101 keuzes', [400]),
		progress({ sections: ['nergens/niets'] }, 'onbekende sectie', [422], errorCode('unknown_section')),
		progress({ sections: ['x'.repeat(201)] }, 'sectie van 201 tekens', [400]),
		progress('[]', 'body als lijst', [400]),
		share('GEHEIM-gewone tekst om te delen', 'een gewone tekst', [200]),
		share('x'.repeat(2001), '2001 tekens', [400]),
		share('w'.repeat(10_000), 'een woord van 10.000 tekens', [400]),
		share(`Begin ${'w'.repeat(101)} eind`, 'een woord van 101 tekens', [400]),
		share('Tekst \u202Edraai om', 'met een richtingsomkering', [400]),
		share('Tekst \u2066verstopt', 'met een isolaat', [400]),
		share('Bel \u0007', 'met een stuurteken', [400]),
		share('', 'leeg', [400]),
		share(42, 'tekst als getal', [400]),
		share('tekst', 'bij een geteste oefening', [422], singleChoice.id),
		share('tekst', 'bij een onbekende oefening', [422], 'bestaat-niet'),
		share('tekst', 'oefening null', [400], null),
		as('delen: zonder oefening', 'PUT', '/api/team/me/reflections', { text: 'tekst' }, [400]),
		share('<script>alert(1)</script>', 'een script', [200]),
		share('<img src=x onerror=alert(1)>', 'een onerror', [200]),
		share('javascript:alert(document.cookie)', 'een javascript-URL', [200]),
		share('"}]}\n{"event":"ended"}\n\nevent: ended\ndata: {}', 'een nagemaakt SSE-event', [200]),
		as('intrekken zonder body', 'DELETE', '/api/team/me/reflections', undefined, [400, 415]),
		as('intrekken van niets', 'DELETE', '/api/team/me/reflections', { exerciseId: reflection.id }, [204]),
		as('verlaten', 'DELETE', '/api/team/me', undefined, [204])
	];
}

function facilitatorCases(): Case[] {
	const decide = (name: string, body: (ctx: CaseContext) => Promise<unknown>, expect: Status[], check?: HostileCase['check']): Case => ({
		name: `begeleider: ${name}`,
		request: async (ctx) => {
			const made = await session(ctx);
			return call('POST', '/api/team/session/reflections', await body(ctx), [bearer(made.key)]);
		},
		expect,
		check
	});
	const foreignReflection = async (ctx: CaseContext) => {
		const p = await participant(ctx);
		const r = await ctx.send(call('PUT', '/api/team/me/reflections', { exerciseId: reflection.id, text: 'GEHEIM-van een ander' }, [bearer(p.key)]));
		return r.json?.id as string;
	};
	return [
		decide('onbekende tekst goedkeuren', async () => ({ id: 'A'.repeat(22), decision: 'approve' }), [404], errorCode('unknown_reflection')),
		decide('de tekst van een andere sessie', async (ctx) => ({ id: await foreignReflection(ctx), decision: 'approve' }), [404]),
		decide('id van 21 tekens', async () => ({ id: 'A'.repeat(21), decision: 'approve' }), [400]),
		decide('verzonnen besluit', async () => ({ id: 'A'.repeat(22), decision: 'delete' }), [400]),
		decide('id als object', async () => ({ id: { $ne: null }, decision: 'hide' }), [400]),
		{
			name: 'begeleider: beëindigen met een vreemde Origin',
			request: async (ctx) => call('DELETE', '/api/team/session', undefined, [bearer((await session(ctx)).key), ['Origin', 'https://aanvaller.example']]),
			expect: [403]
		},
		{
			name: 'begeleider: beëindigen',
			request: async (ctx) => call('DELETE', '/api/team/session', undefined, [bearer((await session(ctx)).key)]),
			expect: [204]
		}
	];
}

/** Every team case, in the suite's group "team-…". */
export function teamCases(): HostileCase[] {
	const group = (name: string, cases: Case[]) => cases.map((c): HostileCase => ({ group: name, ...c }));
	return [
		...group('team-methoden', methodCases()),
		...group('team-sleutels', keyCases()),
		...group('team-starten', createCases()),
		...group('team-meedoen', joinCases()),
		...group('team-deelnemer', participantCases()),
		...group('team-begeleider', facilitatorCases())
	];
}

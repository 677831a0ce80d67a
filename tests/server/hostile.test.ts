import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { randomAddress, reflection, reflectionAnswer, sectionPath, singleChoice, visit } from './client';

interface Case {
	name: string;
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** Statuses that are a right answer; by default any 4xx. */
	expect?: number[];
}

const at = '2026-11-28T10:00:00.000Z';
const json = (value: unknown) => JSON.stringify(value);
const sync = (changes: unknown) => json({ changes });
const good = reflectionAnswer('Een gewoon antwoord', at);
const withRecord = (patch: Record<string, unknown>) => sync([{ ...good, record: { ...good.record, ...patch } }]);
const withValue = (value: unknown) => withRecord({ value });
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

// At least fifty kinds of malformed, oversized and hostile requests. None may get a 5xx.
const cases: Case[] = [
	{ name: 'text/plain body', headers: { 'content-type': 'text/plain' }, body: sync([good]) },
	{ name: 'form body', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'changes=1' },
	{ name: 'multipart body', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\n\r\n--x--' },
	{ name: 'no content type', headers: { 'content-type': '' }, body: sync([good]) },
	{ name: 'broken JSON', body: '{"changes": [' },
	{ name: 'empty body', body: '' },
	{ name: 'JSON null', body: 'null' },
	{ name: 'JSON array', body: '[]' },
	{ name: 'JSON string', body: '"changes"' },
	{ name: 'JSON number', body: '42' },
	{ name: 'no changes field', body: '{}' },
	{ name: 'empty changes', body: sync([]) },
	{ name: 'changes as text', body: sync('alles') },
	{ name: 'a null change', body: sync([null]) },
	{ name: '101 changes', body: sync(Array.from({ length: 101 }, () => visit(sectionPath, at))) },
	{ name: 'change without id', body: sync([{ ...good, id: undefined }]) },
	{ name: 'id too short', body: sync([{ ...good, id: 'a' }]) },
	{ name: 'id with markup', body: sync([{ ...good, id: '<script>alert(1)</script>' }]) },
	{ name: 'id far too long', body: sync([{ ...good, id: 'x'.repeat(500) }]) },
	{ name: 'unknown kind', body: sync([{ ...good, kind: 'delete' }]) },
	{ name: 'answer without exercise', body: sync([{ ...good, exerciseId: undefined }]) },
	{ name: 'unknown exercise id', body: sync([{ ...good, exerciseId: 'bestaat-niet' }]) },
	{ name: 'exercise id with script', body: sync([{ ...good, exerciseId: '<script>alert(1)</script>' }]) },
	{ name: 'exercise id as object', body: sync([{ ...good, exerciseId: { $ne: null } }]) },
	{ name: 'answer without record', body: sync([{ ...good, record: undefined }]) },
	{ name: 'value of another type', body: sync([{ ...good, exerciseId: reflection.id, record: { ...good.record, value: { type: 'single-choice', choice: 'a' } } }]) },
	{ name: 'single choice with a reflection value', body: sync([{ ...good, exerciseId: singleChoice.id }]) },
	{ name: 'unknown value type', body: withValue({ type: 'essay', text: 'x' }) },
	{ name: 'reflection of 10,001 characters', body: withValue({ type: 'reflection', text: 'a'.repeat(10_001) }) },
	{ name: 'reflection text as a number', body: withValue({ type: 'reflection', text: 12 }) },
	{ name: 'negative attempts', body: withRecord({ attempts: -1 }) },
	{ name: 'attempts as text', body: withRecord({ attempts: '1' }) },
	{ name: 'fractional attempts', body: withRecord({ attempts: 1.5 }) },
	{ name: 'unknown verdict', body: withRecord({ verdict: 'perfect' }) },
	{ name: 'savedAt not a time', body: withRecord({ savedAt: 'gisteren' }) },
	{ name: 'savedAt missing', body: withRecord({ savedAt: undefined }) },
	{ name: 'unknown section path', body: sync([visit('bestaat/niet', at)]) },
	{ name: 'path traversal as section', body: sync([visit('../../etc/passwd', at)]) },
	{ name: 'visit time not a time', body: sync([{ ...visit(sectionPath, at), visitedAt: 'nooit' }]) },
	{ name: 'body over 64 KB', body: sync([{ ...good, pad: 'x'.repeat(70_000) }]) },
	{ name: 'declared length of 10 MB', headers: { 'content-length': String(10_000_000) }, body: sync([good]), expect: [400, 413] },
	{ name: 'JSON nested 20,000 deep', body: `{"changes":${nested(20_000)}}` },
	{ name: 'invalid UTF-8 bytes', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
	{ name: 'NUL and control characters', body: withValue({ type: 'reflection', text: 'a\u0000b\u0007c' }), expect: [200, 400] },
	{ name: 'prototype pollution attempt', body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"changes":[]}' },
	{ name: 'duplicate keys', body: '{"changes":[],"changes":"x"}' },
	{ name: 'foreign origin', headers: { origin: 'https://aanvaller.example' }, body: sync([good]), expect: [403] },
	{ name: 'origin null', headers: { origin: 'null' }, body: sync([good]), expect: [403] },
	{ name: 'wrong method on sync', method: 'GET', body: undefined, expect: [405] },
	{ name: 'PUT on learner', method: 'PUT', path: '/api/learner', body: '{}', expect: [405] },
	{ name: 'unknown API path', method: 'GET', path: '/api/admin', body: undefined, expect: [404] },
	{ name: 'path traversal in URL', method: 'GET', path: '/api/../../etc/passwd', body: undefined, expect: [404] },
	{ name: 'broken percent-encoding', method: 'GET', path: '/api/progress?x=%ZZ', body: undefined, expect: [400, 404] },
	{ name: 'garbage cookie', method: 'GET', path: '/api/progress', headers: { cookie: 'etool_learner=<script>' }, body: undefined, expect: [400, 404] },
	{ name: 'SQL in cookie', method: 'GET', path: '/api/progress', headers: { cookie: "etool_learner=' OR 1=1 --" }, body: undefined, expect: [400, 404] },
	{ name: 'huge cookie', method: 'GET', path: '/api/progress', headers: { cookie: `etool_learner=${'x'.repeat(6000)}` }, body: undefined, expect: [400, 404, 431] },
	{ name: 'resume code too long', path: '/api/resume', body: json({ code: 'A'.repeat(5000) }) },
	{ name: 'resume code as number', path: '/api/resume', body: json({ code: 1234 }) },
	{ name: 'resume code with SQL', path: '/api/resume', body: json({ code: "' OR 1=1 --" }) },
	{ name: 'resume without code', path: '/api/resume', body: '{}' },
	{ name: 'resume with broken JSON', path: '/api/resume', body: '{"code":' },
	{ name: 'resume code as text/plain', path: '/api/resume', headers: { 'content-type': 'text/plain' }, body: 'ABCD' }
];

function send(baseUrl: string, c: Case): Promise<{ status: number; body: string }> {
	const body = c.body === undefined ? undefined : Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body);
	const headers: Record<string, string | number> = { 'content-type': 'application/json', 'x-forwarded-for': randomAddress() };
	for (const [k, v] of Object.entries(c.headers ?? {})) if (v === '') delete headers[k];
	else headers[k] = v;
	if (body && !('content-length' in headers)) headers['content-length'] = body.length;
	return new Promise((resolve) => {
		const req = request(`${baseUrl}${c.path ?? '/api/sync'}`, { method: c.method ?? 'POST', headers }, (res) => {
			let text = '';
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode!, body: text }));
		});
		// A server that closes the connection on an oversized upload is a refusal too, not a crash.
		req.on('error', () => resolve({ status: 413, body: '' }));
		req.end(body);
	});
}

describe.each(inject('servers'))('hostile input on $name', ({ baseUrl }) => {
	it(`answers ${cases.length} kinds of bad requests with a 4xx and a Dutch message, and stays up`, async () => {
		expect(cases.length).toBeGreaterThanOrEqual(50);
		const outcomes: string[] = [];
		for (const c of cases) {
			const { status, body } = await send(baseUrl, c);
			const allowed = c.expect ?? [];
			const ok = allowed.length ? allowed.includes(status) : status >= 400 && status < 500;
			if (!ok) outcomes.push(`${c.name}: ${status}`);
			if (status >= 400 && body.startsWith('{')) {
				const message = JSON.parse(body)?.error?.message;
				if (typeof message !== 'string' || !/[a-z]/.test(message)) outcomes.push(`${c.name}: no message in ${body.slice(0, 80)}`);
			}
		}
		expect(outcomes).toEqual([]);
		const health = await fetch(`${baseUrl}/healthz`);
		expect(health.status).toBe(200);
	});
});

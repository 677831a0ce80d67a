import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { apiRequest, cookieValue, requestOrigin } from './http';

// The API's router reads requests itself (decision 0005): the origin, path and cookie must come out
// as SvelteKit and adapter-node gave them, or the Origin check, the routing and the identity change.

const raw = (url: string, headers: Record<string, string>) => ({ url, method: 'GET', headers }) as unknown as IncomingMessage;
const env = { PROTOCOL_HEADER: 'x-etool-protocol' };
/** What server.js hands the router with each request (headers.ts). */
const context = { requestId: 'test', https: false };

describe('the API request', () => {
	it('has the path new URL gives, also for dot segments, escapes, double and trailing slashes', () => {
		for (const target of ['/api/sync', '/api/sync?x=1', '/api/sync/', '/api//sync', '//evil.example/', '/api/../healthz', '/api/%2e%2e/healthz', '/api/%73ync', '/api/st\tatus', '/api/sync#f', '/'])
			expect(apiRequest(raw(target, { host: 'h:3000' }), context)?.path, target).toBe(new URL(target, 'http://h:3000').pathname);
	});

	it('has the origin adapter-node made: the protocol header, the host, normalised like URL', async () => {
		expect(requestOrigin({ host: 'Etool.Example:80', 'x-etool-protocol': 'http' }, env)).toBe('http://Etool.Example:80');
		const original = process.env.PROTOCOL_HEADER;
		process.env.PROTOCOL_HEADER = 'x-etool-protocol';
		try {
			// The environment is read at the first request of a process: a fresh module is a fresh process.
			vi.resetModules();
			const { apiRequest } = await import('./http');
			expect(apiRequest(raw('/api/status', { host: 'Etool.Example:80', 'x-etool-protocol': 'http' }), context)?.origin).toBe('http://etool.example');
			expect(apiRequest(raw('/api/status', { host: 'etool.example', 'x-etool-protocol': 'https' }), context)?.https).toBe(true);
			// Without the protocol header adapter-node assumed https.
			expect(apiRequest(raw('/api/status', { host: 'etool.example' }), context)?.origin).toBe('https://etool.example');
		} finally {
			if (original === undefined) delete process.env.PROTOCOL_HEADER;
			else process.env.PROTOCOL_HEADER = original;
		}
		expect(requestOrigin({ host: 'a' }, { ORIGIN: 'https://etool.example.nl' })).toBe('https://etool.example.nl');
		expect(requestOrigin({ host: 'a', 'x-real-host': 'b', 'x-port': '8080' }, { HOST_HEADER: 'X-Real-Host', PORT_HEADER: 'X-Port' })).toBe('https://b:8080');
	});

	it('reads the environment once, at the first request (a later change needs a restart)', async () => {
		const original = process.env.PROTOCOL_HEADER;
		process.env.PROTOCOL_HEADER = 'x-etool-protocol';
		try {
			vi.resetModules();
			const { requestOrigin } = await import('./http');
			expect(requestOrigin({ host: 'h', 'x-etool-protocol': 'http' })).toBe('http://h');
			delete process.env.PROTOCOL_HEADER;
			expect(requestOrigin({ host: 'h', 'x-etool-protocol': 'http' })).toBe('http://h');
		} finally {
			if (original === undefined) delete process.env.PROTOCOL_HEADER;
			else process.env.PROTOCOL_HEADER = original;
		}
	});

	it('reads the learner cookie as SvelteKit did: the first one wins, quotes dropped, nothing decoded', () => {
		const req = (cookie: string) => apiRequest(raw('/api/progress', { host: 'h', cookie }), context)!;
		expect(cookieValue(req('a=1; etool_learner=abc.def; b=2'), 'etool_learner')).toBe('abc.def');
		expect(cookieValue(req('etool_learner=first; etool_learner=second'), 'etool_learner')).toBe('first');
		expect(cookieValue(req('etool_learner="quoted"'), 'etool_learner')).toBe('quoted');
		expect(cookieValue(req('etool_learner=%41%41'), 'etool_learner')).toBe('%41%41');
		expect(cookieValue(req('xetool_learner=no; etool_learnerx=no'), 'etool_learner')).toBeUndefined();
		expect(cookieValue(req('junk; etool_learner=yes'), 'etool_learner')).toBe('yes');
	});
});

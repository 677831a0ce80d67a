import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { Device, reflectionAnswer } from './client';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function expectSecurityHeaders(headers: Headers) {
	expect(headers.get('content-security-policy')).toBe(CSP);
	expect(headers.get('x-content-type-options')).toBe('nosniff');
	expect(headers.get('referrer-policy')).toBe('same-origin');
	expect(headers.get('x-frame-options')).toBe('DENY');
	expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
	expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
}

describe.each(inject('servers'))('headers, health and logs on $name', ({ baseUrl, logFile }) => {
	it('sends the security headers with a prerendered page, and the page fits the CSP', async () => {
		const page = await fetch(`${baseUrl}/inhoud`);
		expect(page.status).toBe(200);
		expectSecurityHeaders(page.headers);
		const html = await page.text();
		// Nothing the CSP would block: no inline code or style, scripts only from our own origin.
		expect(html).not.toMatch(/\sstyle=|<style[\s>]|\son[a-z]+=/i);
		for (const [, attributes] of html.matchAll(/<script([^>]*)>/g)) expect(attributes).toMatch(/type="application\/json"|src="(?!https?:|\/\/)[^"]+"/);
		// The island script named in the page is there, served as JavaScript.
		const src = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
		expect(src).toBeTruthy();
		const script = await fetch(new URL(src!, `${baseUrl}/inhoud`));
		expect(script.status).toBe(200);
		expect(script.headers.get('content-type')).toMatch(/javascript/);
		expectSecurityHeaders(script.headers);
	});

	it('sends the security headers with API answers and errors, and no cache', async () => {
		const status = await fetch(`${baseUrl}/api/status`);
		expectSecurityHeaders(status.headers);
		expect(status.headers.get('cache-control')).toBe('no-store');
		const missing = await fetch(`${baseUrl}/bestaat-niet`);
		expect(missing.status).toBe(404);
		expectSecurityHeaders(missing.headers);
	});

	it('GET /healthz checks the database', async () => {
		const reply = await fetch(`${baseUrl}/healthz`);
		expect(reply.status).toBe(200);
		expect(await reply.json()).toEqual({ status: 'ok', db: 'ok' });
	});

	it('logs each request as one JSON line, without query, body or answer text', async () => {
		const secret = `Mijn geheime reflectie ${Date.now()}`;
		const device = new Device(baseUrl);
		const sync = await device.sync([reflectionAnswer(secret, '2026-11-28T10:00:00.000Z')]);
		const { code } = (await device.request('POST', '/api/resume-code', { headers: { 'content-type': 'application/json' } })).body;
		await device.request('POST', '/api/resume', { json: { code } });
		await fetch(`${baseUrl}/inhoud?code=${code.replace(/-/g, '')}`);
		await new Promise((r) => setTimeout(r, 200)); // the line is written when the response closes

		const text = readFileSync(logFile, 'utf8');
		const lines = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
		const requestId = sync.headers.get('x-request-id');
		const line = lines.find((l) => l.requestId === requestId);
		expect(line).toMatchObject({ method: 'POST', path: '/api/sync', status: 200 });
		expect(Object.keys(line!).sort()).toEqual(['method', 'ms', 'path', 'requestId', 'status', 'time']);
		expect(typeof line!.ms).toBe('number');
		expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
		expect(lines.some((l) => l.path === '/inhoud' && l.status === 200)).toBe(true);
		for (const forbidden of [secret, code, code.replace(/-/g, ''), device.cookie!]) expect(text).not.toContain(forbidden);
	});
});

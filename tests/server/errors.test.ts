import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { answer, Device, reflection, reflectionAnswer, sectionPath, singleChoice, visit } from './client';

/** POST raw bytes with node:http, to control Content-Length and chunking ourselves. */
function rawPost(baseUrl: string, body: Buffer, headers: Record<string, string | number>): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(`${baseUrl}/api/sync`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
			let text = '';
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode!, body: text }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

// Bad input is always a 4xx with a Dutch message in { error: { code, message } }, never a 5xx.
describe.each(inject('servers'))('refusals on $name', ({ baseUrl }) => {
	const ok = () => [visit(sectionPath, '2026-11-28T09:00:00.000Z')];

	it('415 for a write that is not JSON', async () => {
		const device = new Device(baseUrl);
		const plain = await device.request('POST', '/api/sync', { body: JSON.stringify({ changes: ok() }), headers: { 'content-type': 'text/plain' } });
		expect(plain.status).toBe(415);
		expect(plain.body.error.code).toBe('unsupported_media_type');
		const form = await device.request('POST', '/api/resume', { body: 'code=ABCD', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(form.status).toBe(415);
		expect((await device.request('POST', '/api/sync', { body: JSON.stringify({ changes: ok() }) })).status).toBe(415);
		expect(device.cookie).toBeNull();
	});

	it('403 for a write from another origin; no Origin or our own is fine', async () => {
		const device = new Device(baseUrl);
		const foreign = await device.sync(ok(), { origin: 'https://elders.example' });
		expect(foreign.status).toBe(403);
		expect(foreign.body.error.message).toMatch(/andere website/);
		expect((await device.request('DELETE', '/api/learner', { headers: { origin: 'https://elders.example' } })).status).toBe(403);
		expect((await device.request('POST', '/api/resume-code', { headers: { origin: 'null' } })).status).toBe(403);
		expect(device.cookie).toBeNull();
		expect((await device.sync(ok(), { origin: baseUrl })).status).toBe(200);
		expect((await device.sync(ok())).status).toBe(200);
	});

	it('400 for malformed JSON and for an empty body', async () => {
		const device = new Device(baseUrl);
		const broken = await device.request('POST', '/api/sync', { body: '{"changes": [', headers: { 'content-type': 'application/json' } });
		expect(broken.status).toBe(400);
		expect(broken.body.error.code).toBe('invalid_json');
		expect((await device.request('POST', '/api/sync', { headers: { 'content-type': 'application/json' } })).status).toBe(400);
	});

	it('400 naming every wrong field in Dutch', async () => {
		const device = new Device(baseUrl);
		const cases: [unknown, RegExp][] = [
			[{}, /changes: dit veld ontbreekt/],
			[{ changes: [] }, /changes: geef minstens één wijziging/],
			[{ changes: Array.from({ length: 101 }, ok).flat() }, /hoogstens 100/],
			[{ changes: [{ ...ok()[0], id: 'kort' }] }, /changes\.0\.id: moet 8 tot 64 tekens/],
			[{ changes: [{ ...ok()[0], kind: 'iets' }] }, /changes\.0\.kind: moet "answer" of "visit" zijn/],
			[{ changes: [{ ...ok()[0], visitedAt: 'gisteren' }] }, /changes\.0\.visitedAt: moet een tijd zijn/],
			[{ changes: [reflectionAnswer('x'.repeat(10_001), '2026-11-28T10:00:00.000Z')] }, /hoogstens 10\.000 tekens/],
			[{ changes: [{ ...reflectionAnswer('x', '2026-11-28T10:00:00.000Z'), record: { value: { type: 'reflection', text: 'x' }, attempts: -1, savedAt: '2026-11-28T10:00:00.000Z' } }] }, /record\.attempts/],
			[{ changes: [answer(singleChoice.id, { type: 'single-choice', choice: 5 } as never, '2026-11-28T10:00:00.000Z')] }, /record\.value\.choice: moet een tekst zijn/],
			[[1, 2], /moet een groep velden zijn/]
		];
		for (const [body, message] of cases) {
			const reply = await device.request('POST', '/api/sync', { json: body });
			expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
			expect(reply.body.error.code).toBe('invalid_body');
			expect(reply.body.error.message).toMatch(message);
		}
		expect((await device.request('GET', '/api/progress')).status).toBe(404);
	});

	it('accepts a reflection of exactly 10,000 characters', async () => {
		expect((await new Device(baseUrl).sync([reflectionAnswer('x'.repeat(10_000), '2026-11-28T10:00:00.000Z')])).status).toBe(200);
	});

	it('422 naming the id for an unknown exercise, a wrong type or an unknown section; nothing is stored', async () => {
		const device = new Device(baseUrl);
		const unknown = await device.sync([...ok(), reflectionAnswer('x', '2026-11-28T10:00:00.000Z'), answer('bestaat-niet', { type: 'reflection', text: 'x' }, '2026-11-28T10:00:00.000Z')]);
		expect(unknown.status).toBe(422);
		expect(unknown.body.error).toMatchObject({ code: 'unknown_exercise', message: expect.stringContaining('"bestaat-niet"') });

		const mismatch = await device.sync([answer(reflection.id, { type: 'single-choice', choice: null }, '2026-11-28T10:00:00.000Z')]);
		expect(mismatch.status).toBe(422);
		expect(mismatch.body.error).toMatchObject({ code: 'type_mismatch', message: expect.stringContaining(`"${reflection.id}"`) });

		const section = await device.sync([visit('geen/sectie', '2026-11-28T09:00:00.000Z')]);
		expect(section.status).toBe(422);
		expect(section.body.error).toMatchObject({ code: 'unknown_section', message: expect.stringContaining('"geen/sectie"') });
		expect(device.cookie).toBeNull();
	});

	it('413 for a body over 64 KB, by Content-Length and by the bytes actually sent', async () => {
		const big = Buffer.from(JSON.stringify({ changes: [reflectionAnswer('x'.repeat(70_000), '2026-11-28T10:00:00.000Z')] }));
		const declared = await rawPost(baseUrl, big, { 'content-length': big.length });
		expect(declared.status).toBe(413);
		expect(JSON.parse(declared.body).error.code).toBe('body_too_large');
		const chunked = await rawPost(baseUrl, big, { 'transfer-encoding': 'chunked' });
		expect(chunked.status).toBe(413);
		expect(JSON.parse(chunked.body).error.code).toBe('body_too_large');
	});

	it('JSON 405 for a wrong method and JSON 404 for an unknown API address', async () => {
		const device = new Device(baseUrl);
		const wrong = await device.request('GET', '/api/sync');
		expect(wrong.status).toBe(405);
		expect(wrong.body.error.code).toBe('method_not_allowed');
		const missing = await device.request('GET', '/api/bestaat-niet');
		expect(missing.status).toBe(404);
		expect(missing.body.error.code).toBe('not_found');
	});
});

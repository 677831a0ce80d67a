import { describe, expect, inject, it } from 'vitest';
import { Device, randomAddress, reflection, reflectionAnswer, sectionPath, visit } from './client';

const json = { 'content-type': 'application/json' };

// Continue on another device: a code, its link and QR code; the code gives another browser everything.
describe.each(inject('servers'))('resume codes on $name', ({ baseUrl }) => {
	it('POST /api/resume-code gives a readable code, its link and an SVG QR code', async () => {
		const device = new Device(baseUrl);
		await device.sync([visit(sectionPath, '2026-11-28T09:00:00.000Z')]);
		const reply = await device.request('POST', '/api/resume-code', { headers: json });
		expect(reply.status).toBe(200);
		expect(reply.body.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
		expect(reply.body.url).toBe(`${baseUrl}/verder#code=${reply.body.code.replace(/-/g, '')}`);
		expect(reply.body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\s*$/);
		expect(reply.body.qrSvg).not.toMatch(/<script|style=/i);
	});

	it('another device without a cookie gets everything with the code, and becomes that learner', async () => {
		const phone = new Device(baseUrl);
		await phone.sync([reflectionAnswer('Onderweg geschreven', '2026-11-28T10:00:00.000Z'), visit(sectionPath, '2026-11-28T09:00:00.000Z')]);
		const { code } = (await phone.request('POST', '/api/resume-code', { headers: json })).body;

		const laptop = new Device(baseUrl);
		const resumed = await laptop.request('POST', '/api/resume', { json: { code: code.toLowerCase().replace(/-/g, ' ') } });
		expect(resumed.status).toBe(200);
		expect(resumed.body.answers[reflection.id].value.text).toBe('Onderweg geschreven');
		expect(Object.keys(resumed.body.sections)).toEqual([sectionPath]);
		expect(laptop.cookie).toBe(phone.cookie);

		// Both devices now write to one learner.
		await laptop.sync([reflectionAnswer('Op de laptop verbeterd', '2026-11-28T11:00:00.000Z')]);
		expect((await phone.request('GET', '/api/progress')).body.answers[reflection.id].value.text).toBe('Op de laptop verbeterd');
	});

	it('a new code makes the old one invalid', async () => {
		const device = new Device(baseUrl);
		const first = (await device.request('POST', '/api/resume-code', { headers: json })).body.code;
		const second = (await device.request('POST', '/api/resume-code', { headers: json })).body.code;
		expect(second).not.toBe(first);
		const other = new Device(baseUrl);
		const old = await other.request('POST', '/api/resume', { json: { code: first } });
		expect(old.status).toBe(404);
		expect(old.body.error.code).toBe('unknown_code');
		expect(other.cookie).toBeNull();
		expect((await other.request('POST', '/api/resume', { json: { code: second } })).status).toBe(200);
	});

	it('an unknown or malformed code is 404, a missing one 400', async () => {
		const device = new Device(baseUrl);
		expect((await device.request('POST', '/api/resume', { json: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZ' } })).status).toBe(404);
		expect((await device.request('POST', '/api/resume', { json: { code: 'kort' } })).status).toBe(404);
		const missing = await device.request('POST', '/api/resume', { json: {} });
		expect(missing.status).toBe(400);
		expect(missing.body.error.message).toMatch(/code: dit veld ontbreekt/);
	});

	it('allows 20 wrong codes per 15 minutes per address, then 429 (also for the right code)', async () => {
		const owner = new Device(baseUrl);
		const { code } = (await owner.request('POST', '/api/resume-code', { headers: json })).body;
		const guesser = new Device(baseUrl);
		for (let i = 0; i < 20; i++) expect((await guesser.request('POST', '/api/resume', { json: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZ' } })).status).toBe(404);
		const blocked = await guesser.request('POST', '/api/resume', { json: { code } });
		expect(blocked.status).toBe(429);
		expect(blocked.body.error.code).toBe('too_many_requests');
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
		// From another address the code still works.
		expect((await new Device(baseUrl).request('POST', '/api/resume', { json: { code } })).status).toBe(200);
	});

	it('counts the address our proxy added, not the ones a client puts before it', async () => {
		const real = randomAddress();
		const claims = Array.from({ length: 21 }, () => new Device(baseUrl, `${randomAddress()}, ${real}`));
		const statuses = [];
		for (const device of claims) statuses.push((await device.request('POST', '/api/resume', { json: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZ' } })).status);
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
		expect(statuses[20]).toBe(429);
	});

	it('resume-limit-burst: wrong codes sent all at once from one address are tried no more often than the limit (20), the rest get 429', async () => {
		const from = randomAddress();
		const replies = await Promise.all(Array.from({ length: 60 }, () => new Device(baseUrl, from).request('POST', '/api/resume', { json: { code: 'ZZZZ-ZZZZ-ZZZZ-ZZ' } })));
		const statuses = replies.map((r) => r.status);
		expect(statuses.filter((s) => s === 404).length).toBe(20);
		expect(statuses.filter((s) => s === 429).length).toBe(40);
	});
});

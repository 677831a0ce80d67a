import { describe, expect, inject, it } from 'vitest';
import { Device, reflection, reflectionAnswer, sectionPath, singleChoice, answer, visit } from './client';

// Every route's happy path, newer-wins and retries over HTTP, the cookie, and deleting.
describe.each(inject('servers'))('API on $name', ({ baseUrl }) => {
	it('GET /api/status says a server keeps progress', async () => {
		const reply = await new Device(baseUrl).request('GET', '/api/status');
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ sync: true, version: 1 });
	});

	it('POST /api/sync creates the learner, sets the cookie and GET /api/progress gives it all back', async () => {
		const device = new Device(baseUrl);
		expect((await device.request('GET', '/api/progress')).status).toBe(404);
		const written = reflectionAnswer('Mijn eigen antwoord', '2026-11-28T10:00:00.000Z');
		const changes = [
			written,
			answer(singleChoice.id, { type: 'single-choice', choice: singleChoice.options[0]!.id }, '2026-11-28T10:01:00.000Z'),
			visit(sectionPath, '2026-11-28T09:00:00.000Z', '2026-11-28T09:05:00.000Z')
		];
		const sync = await device.sync(changes);
		expect(sync.status).toBe(200);
		expect(sync.body).toEqual({ applied: 3, accepted: changes.map((c) => c.id), notApplied: [] });
		expect(device.cookie).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);

		const progress = await device.request('GET', '/api/progress');
		expect(progress.status).toBe(200);
		expect(progress.headers.get('cache-control')).toBe('no-store');
		expect(progress.body.answers[reflection.id]).toEqual(written.record);
		expect(progress.body.answers[singleChoice.id].value).toEqual({ type: 'single-choice', choice: singleChoice.options[0]!.id });
		expect(progress.body.sections).toEqual({ [sectionPath]: { visitedAt: '2026-11-28T09:00:00.000Z', endReachedAt: '2026-11-28T09:05:00.000Z' } });
	});

	it('sets the learner cookie httpOnly, SameSite=Lax, Path=/, for the retention period, Secure only on https', async () => {
		const plain = await new Device(baseUrl).sync([visit(sectionPath, '2026-11-28T09:00:00.000Z')]);
		const attributes = plain.learnerCookie!.split(';').map((a) => a.trim().toLowerCase());
		expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
		expect(attributes).not.toContain('secure');
		const maxAge = Number(attributes.find((a) => a.startsWith('max-age='))!.split('=')[1]);
		expect(maxAge / 86_400).toBeCloseTo(365, -1); // RETENTION_MONTHS defaults to 12

		// Behind a TLS proxy (the test server trusts X-Forwarded-Proto): Secure, and HSTS.
		const host = new URL(baseUrl).host;
		const tls = await new Device(baseUrl).sync([visit(sectionPath, '2026-11-28T09:00:00.000Z')], { 'x-forwarded-proto': 'https', origin: `https://${host}` });
		expect(tls.status).toBe(200);
		expect(tls.learnerCookie!.toLowerCase()).toContain('; secure');
		expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
	});

	it('keeps the newer answer whatever order the changes arrive in', async () => {
		const device = new Device(baseUrl);
		await device.sync([reflectionAnswer('nieuwer', '2026-11-28T12:00:00.000Z')]);
		const older = await device.sync([reflectionAnswer('ouder', '2026-11-28T11:00:00.000Z')]);
		expect(older.status).toBe(200);
		expect(older.body.applied).toBe(0);
		expect((await device.request('GET', '/api/progress')).body.answers[reflection.id].value.text).toBe('nieuwer');

		const newest = await device.sync([reflectionAnswer('nieuwst', '2026-11-28T13:00:00.000Z')]);
		expect(newest.body.applied).toBe(1);
		expect((await device.request('GET', '/api/progress')).body.answers[reflection.id].value.text).toBe('nieuwst');
	});

	it('compares times as times: an offset-free time without milliseconds still loses to a later one', async () => {
		const device = new Device(baseUrl);
		await device.sync([reflectionAnswer('later', '2026-11-28T10:00:00.500Z')]);
		await device.sync([reflectionAnswer('eerder', '2026-11-28T10:00:00Z')]);
		const stored = (await device.request('GET', '/api/progress')).body.answers[reflection.id];
		expect(stored.value.text).toBe('later');
	});

	it('applies a retried change once and accepts it again', async () => {
		const device = new Device(baseUrl);
		const change = reflectionAnswer('een keer', '2026-11-28T10:00:00.000Z');
		const first = await device.sync([change]);
		const retry = await device.sync([change]);
		expect(first.body).toEqual({ applied: 1, accepted: [change.id], notApplied: [] });
		expect(retry.status).toBe(200);
		expect(retry.body).toEqual({ applied: 0, accepted: [change.id], notApplied: [] });
		expect(Object.keys((await device.request('GET', '/api/progress')).body.answers)).toEqual([reflection.id]);
	});

	it('DELETE /api/learner removes everything and clears the cookie', async () => {
		const device = new Device(baseUrl);
		await device.sync([reflectionAnswer('weg ermee', '2026-11-28T10:00:00.000Z')]);
		const id = device.cookie;
		await device.request('POST', '/api/resume-code', { headers: { 'content-type': 'application/json' } });
		const deleted = await device.request('DELETE', '/api/learner');
		expect(deleted.status).toBe(204);
		expect(deleted.body).toBeNull();
		expect(deleted.learnerCookie).toMatch(/^etool_learner=;.*Max-Age=0/i);
		expect(device.cookie).toBeNull();

		// The old id (say, another device still holding it) finds nothing.
		device.cookie = id;
		expect((await device.request('GET', '/api/progress')).status).toBe(404);
	});

	it('GET /api/progress is 404 for a learner with nothing stored (only a resume code)', async () => {
		const device = new Device(baseUrl);
		await device.request('POST', '/api/resume-code', { headers: { 'content-type': 'application/json' } });
		expect(device.cookie).not.toBeNull();
		const reply = await device.request('GET', '/api/progress');
		expect(reply.status).toBe(404);
		expect(reply.body.error.code).toBe('no_progress');
	});

	it('DELETE /api/learner without a cookie is fine too', async () => {
		expect((await new Device(baseUrl).request('DELETE', '/api/learner')).status).toBe(204);
	});

	it('ignores a cookie that is not a learner id the server signed', async () => {
		const device = new Device(baseUrl);
		device.cookie = 'not-an-id';
		expect((await device.request('GET', '/api/progress')).status).toBe(404);
		await device.sync([visit(sectionPath, '2026-11-28T09:00:00.000Z')]);
		expect(device.cookie).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
	});

	it('limits writes per learner: the 121st in a minute gets 429 with Retry-After', async () => {
		const device = new Device(baseUrl);
		await device.sync([visit(sectionPath, '2026-11-28T09:00:00.000Z')]);
		const statuses: number[] = [];
		// The window is a calendar minute: near its end it could roll over mid-test, so wait for the next.
		if (new Date().getSeconds() > 50) await new Promise((r) => setTimeout(r, (61 - new Date().getSeconds()) * 1000));
		for (let i = 0; i < 125; i++) statuses.push((await device.sync([visit(sectionPath, '2026-11-28T09:00:00.000Z')])).status);
		expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(120);
		expect(statuses.at(-1)).toBe(429);
		const limited = await device.sync([visit(sectionPath, '2026-11-28T09:00:00.000Z')]);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(limited.body.error.message).toMatch(/Probeer het over/);
		// Another learner is not affected.
		expect((await new Device(baseUrl).sync([visit(sectionPath, '2026-11-28T09:00:00.000Z')])).status).toBe(200);
	});
});

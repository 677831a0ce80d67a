import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device, reflectionAnswer, sectionPath, visit } from './client';
import { postgresForFile } from './pg-cluster';
import { startServer, type RunningServer } from './server-process';

// Several instances behind a load balancer share one PostgreSQL and keep no state of their own:
// whatever one instance saved, another serves. PostgreSQL is TEST_DATABASE_URL when set, else a
// throw-away cluster of this file's own: without PostgreSQL this fails, it does not skip.
const postgresUrl = postgresForFile();

describe('two instances on one PostgreSQL', () => {
	let a: RunningServer;
	let b: RunningServer;
	beforeAll(async () => {
		[a, b] = await Promise.all([startServer({ DATABASE_URL: postgresUrl(), TRUST_PROXY: '1' }), startServer({ DATABASE_URL: postgresUrl(), TRUST_PROXY: '1' })]);
	});
	afterAll(async () => {
		await Promise.all([a?.stop(), b?.stop()]);
	});

	it('saves through one and continues through the other, with the cookie and with a code', async () => {
		const phone = new Device(a.baseUrl);
		const written = reflectionAnswer('Opgeslagen via instantie A', '2026-11-28T11:00:00.000Z');
		expect((await phone.sync([written, visit(sectionPath, '2026-11-28T10:59:00.000Z')])).status).toBe(200);

		// The same browser, its next request routed to the other instance.
		const sameBrowser = new Device(b.baseUrl, phone.address);
		sameBrowser.cookie = phone.cookie;
		const progress = await sameBrowser.request('GET', '/api/progress');
		expect(progress.status).toBe(200);
		expect(progress.body.answers[written.exerciseId].value.text).toBe('Opgeslagen via instantie A');

		// A code made on A works on B.
		const made = await phone.request('POST', '/api/resume-code');
		expect(made.status).toBe(200);
		const laptop = new Device(b.baseUrl);
		const resumed = await laptop.request('POST', '/api/resume', { json: { code: made.body.code } });
		expect(resumed.status).toBe(200);
		expect(resumed.body.answers[written.exerciseId].value.text).toBe('Opgeslagen via instantie A');
		expect(resumed.body.sections[sectionPath]).toBeDefined();

		// A newer answer through B wins when read back through A.
		const newer = reflectionAnswer('Later verbeterd via B', '2026-11-28T12:00:00.000Z');
		expect((await laptop.sync([newer])).status).toBe(200);
		const again = await phone.request('GET', '/api/progress');
		expect(again.body.answers[written.exerciseId].value.text).toBe('Later verbeterd via B');
	});
});

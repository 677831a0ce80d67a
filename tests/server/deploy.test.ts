import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, Device, reflection, sectionPath, visit } from './client';
import { startServer, type RunningServer } from './server-process';
import { readCompiledCourse } from '../../scripts/course.mjs';

const firstSection = readCompiledCourse().course.chapters[0]!.sections[0]!;

// What an organisation deploys (docs/deploy.md): build/, node_modules, server.js and package.json.
// No content/, no src/, no static/: the course is compiled into build/ and the server reads no Markdown.
// node_modules is linked, not copied (the same packages, without copying 300 MB per run).
const dir = mkdtempSync(join(tmpdir(), 'etool-deploy-'));
let server: RunningServer;

beforeAll(async () => {
	for (const file of ['build', 'server.js', 'package.json']) cpSync(join(process.cwd(), file), join(dir, file), { recursive: true });
	symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
	server = await startServer({ TRUST_PROXY: '1' }, undefined, undefined, dir);
});

afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('the server started from the build output alone', () => {
	it('serves the start page and a section page in the course\'s language', async () => {
		const device = new Device(server.baseUrl);
		const start = await device.request('GET', '/');
		expect(start.status).toBe(200);
		expect(start.body).toMatch(/<html lang="nl">/);
		expect(start.body).toContain('De digitale kloof dichten');
		const section = await device.request('GET', `/${firstSection.path}`);
		expect(section.status).toBe(200);
		expect(section.body).toContain(`${firstSection.title}</h1>`);
	});

	it('answers an unknown page with a 404 page, rendered at run time from the compiled course', async () => {
		const reply = await new Device(server.baseUrl).request('GET', '/bestaat-niet/echt-niet');
		expect(reply.status).toBe(404);
		expect(reply.body).toMatch(/<html lang="nl">/);
	});

	it('is healthy', async () => {
		const reply = await new Device(server.baseUrl).request('GET', '/healthz');
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ status: 'ok', db: 'ok' });
	});

	it('saves an answer to an exercise of the compiled course and refuses one the course does not have', async () => {
		const device = new Device(server.baseUrl);
		const saved = answer(reflection.id, { type: 'reflection', text: 'Zonder content/ bewaard' }, '2026-11-30T10:00:00.000Z');
		const sync = await device.sync([saved, visit(sectionPath, '2026-11-30T09:00:00.000Z')]);
		expect(sync.status).toBe(200);
		expect((await device.request('GET', '/api/progress')).body.answers[reflection.id]).toEqual(saved.record);
		const unknown = await device.sync([answer('bestaat-niet', { type: 'reflection', text: 'x' }, '2026-11-30T10:00:00.000Z')]);
		expect(unknown.status).toBe(422);
		expect(unknown.body.error.message).toContain('Oefening "bestaat-niet" bestaat niet in deze e-tool');
	});
});

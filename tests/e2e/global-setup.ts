import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/** A free port on loopback. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

let server: ChildProcess | undefined;

/**
 * Start the built e-tool (`build/`, made by `npm test` before this runs) with server.js, as a
 * learner would reach it, on a database of its own that is thrown away afterwards.
 */
export default async function setup(project: TestProject) {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'etool-e2e-'));
	// The server logs a JSON line per request: kept in a file to read when a test fails.
	mkdirSync('test-results', { recursive: true });
	const log = openSync(join('test-results', 'e2e-server.log'), 'w');
	server = spawn(process.execPath, ['server.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, DATABASE_URL: '' },
		stdio: ['ignore', log, 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	project.provide('baseUrl', base);
	return async () => {
		if (server && server.exitCode === null) {
			const exited = new Promise((resolve) => server?.once('exit', resolve));
			server.kill('SIGTERM');
			await exited;
		}
		rmSync(dataDir, { recursive: true, force: true });
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

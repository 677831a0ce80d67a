import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
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

/** Start the built e-tool (`build/`, made by `npm test` before this runs) as a learner would reach it. */
export default async function setup(project: TestProject) {
	const port = await freePort();
	server = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}` },
		stdio: ['ignore', 'inherit', 'inherit']
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
	return () => {
		server?.kill('SIGTERM');
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../server/server-process';

let server: RunningServer | undefined;

/**
 * Start the built e-tool (`npm run build`, done by `npm test` before this runs) with server.js, as a
 * learner would reach it, on a database of its own that is thrown away afterwards. Fails at once,
 * with the server's log, when it does not come up.
 */
export default async function setup(project: TestProject) {
	server = await startServer({ ORIGIN: 'self' });
	project.provide('baseUrl', server.baseUrl);
	return async () => {
		await server?.stop();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free port on loopback. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export interface RunningServer {
	baseUrl: string;
	/** Where the server's stdout (its JSON log lines) goes. */
	logFile: string;
	dataDir: string;
	child: ChildProcess;
	/** Resolves with the exit code. */
	exited: Promise<number | null>;
	/** The log so far, one parsed object per line (throws on a line that is not JSON). */
	logLines(): Record<string, unknown>[];
	/** SIGTERM, wait for the exit, remove the data folder (unless `keepData`). */
	stop(keepData?: boolean): Promise<number | null>;
}

/**
 * Start the built server as `npm start` would, on a free loopback port with a data folder of its
 * own. `env` adds to (or, with '', blanks) the environment; DATABASE_URL is blank unless given;
 * ORIGIN 'self' sets it to the server's own address.
 */
export async function startServer(
	env: Record<string, string> = {},
	dataDir = mkdtempSync(join(tmpdir(), 'etool-server-')),
	/** Run as another user (root only): a read-only folder means nothing to root itself. */
	user?: { uid: number; gid: number },
	/** The folder holding server.js and build/ (deploy.test.ts starts a copy without content/ or src/). */
	cwd = process.cwd()
): Promise<RunningServer> {
	if (!existsSync(join(cwd, 'build', 'handler.js'))) throw new Error('build/ ontbreekt: draai eerst `npm run build`.');
	const port = await freePort();
	const logFile = join(dataDir, `server-${port}.log`);
	// ORIGIN 'self': the server's own address, known only once the port is chosen.
	const origin = env.ORIGIN === 'self' ? `http://127.0.0.1:${port}` : env.ORIGIN;
	const child = spawn(process.execPath, ['server.js'], {
		env: { ...process.env, DATABASE_URL: '', TRUST_PROXY: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env, ORIGIN: origin ?? '' },
		stdio: ['ignore', openSync(logFile, 'a'), 'inherit'],
		cwd,
		...user
	});
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const baseUrl = `http://127.0.0.1:${port}`;
	const fail = (message: string) => {
		const log = readFileSync(logFile, 'utf8');
		child.kill('SIGKILL');
		rmSync(dataDir, { recursive: true, force: true });
		return new Error(`${message}\n${log}`);
	};
	for (let i = 0; ; i++) {
		if (child.exitCode !== null) throw fail(`server.js stopte met code ${child.exitCode}:`);
		try {
			if ((await fetch(`${baseUrl}/api/status`)).ok) break;
		} catch {
			if (i > 150) throw fail(`server.js antwoordt niet op ${baseUrl}:`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return {
		baseUrl,
		logFile,
		dataDir,
		child,
		exited,
		logLines: () =>
			readFileSync(logFile, 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line) as Record<string, unknown>),
		async stop(keepData = false) {
			if (child.exitCode === null) child.kill('SIGTERM');
			const code = await exited;
			if (!keepData) rmSync(dataDir, { recursive: true, force: true });
			return code;
		}
	};
}

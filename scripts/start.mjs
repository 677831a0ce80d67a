#!/usr/bin/env node
// `npm start`: build the e-tool when the build is missing or older than the sources, then serve it
// with server.js (security headers, logs, database, graceful stop) on PORT (default 3000).
// No other service is needed: without DATABASE_URL the database is a SQLite file in data/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'build', 'handler.js');

/** Newest modification time below a folder (or of a file). */
function newest(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src', 'content', 'scripts/course.mjs', 'svelte.config.js', 'vite.config.ts', 'vite.islands.config.ts', 'package.json'];
const stale = !existsSync(built) || Math.max(...sources.map((s) => newest(join(root, s)))) > statSync(built).mtimeMs;
if (stale) {
	console.log('De e-tool wordt gebouwd…');
	const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('Het bouwen is mislukt; zie de melding hierboven.');
		process.exit(result.status ?? 1);
	}
}

const port = process.env.PORT || '3000';
const server = spawn(process.execPath, [join(root, 'server.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port } });
console.log(`De e-tool draait op http://localhost:${port}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

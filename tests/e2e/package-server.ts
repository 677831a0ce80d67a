// A plain static file server for the exports (no extension guessing, no index files, nothing but
// files), plus an "LMS": a host page with scorm-again's runtime that opens a SCORM package from a
// deep path in a frame. Every request is logged, so a test can check none leaves the package.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { contentTypes, packagePath } from '../../scripts/export/serve.mjs';
import { freePort } from '../server/server-process';

const root = join(import.meta.dirname, '..', '..');

/** Where each package is served (as `npm run bench -- --export` does): deep, as an LMS does, and under a sub-path for the static one. */
export const SCO_PATH = packagePath('scorm12');
export const SITE_PATH = packagePath('static');

/** Write an export with the real command (the build must be there: npm test builds first). */
export function exportPackage(format: 'static' | 'scorm12' | 'scorm2004', ...args: string[]): string {
	execFileSync(process.execPath, [join(root, 'scripts', 'export', 'export.mjs'), format, ...args], { cwd: root, stdio: 'pipe' });
	return join(root, 'dist', format);
}

function hostPage(version: '12' | '2004'): string {
	return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test-LMS</title>
<script src="/lms/scorm-again.js"></script>
<script>
	// The LMS: scorm-again's runtime, every call logged (name, arguments, answer) for the test.
	const api = ${version === '12' ? 'new Scorm12API({ logLevel: 5 })' : 'new Scorm2004API({ logLevel: 5 })'};
	if (window.__restore) api.loadFromJSON(window.__restore);
	window.calls = [];
	for (const name of ${JSON.stringify(version === '12' ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate'])}) {
		const call = api[name].bind(api);
		api[name] = (...args) => { const answer = call(...args); window.calls.push([name, ...args, answer]); return answer; };
	}
	window.${version === '12' ? 'API' : 'API_1484_11'} = api;
	window.cmi = () => JSON.parse(JSON.stringify(api.renderCMIToJSONObject().cmi));
</script></head>
<body><h1>Test-LMS</h1><iframe title="Cursus" src="${SCO_PATH}scorm.html" style="width:100%;height:700px;border:0"></iframe></body></html>`;
}

export interface PackageServer {
	url: string;
	/** Which export `SCO_PATH` serves. */
	serve(format: 'scorm12' | 'scorm2004'): void;
	/** Every path requested since the last reset. */
	requests: string[];
	stop(): Promise<void>;
}

export async function startPackageServer(): Promise<PackageServer> {
	let format: 'scorm12' | 'scorm2004' = 'scorm12';
	const requests: string[] = [];
	const file = (res: import('node:http').ServerResponse, folder: string, rel: string) => {
		const path = normalize(join(folder, decodeURIComponent(rel)));
		if (!path.startsWith(folder) || !existsSync(path) || !statSync(path).isFile()) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
			return;
		}
		res.writeHead(200, { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
	};
	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		requests.push(path);
		if (path === '/lms/host-12.html' || path === '/lms/host-2004.html') res.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(path.includes('12.') ? '12' : '2004'));
		else if (path === '/lms/scorm-again.js') file(res, join(root, 'node_modules', 'scorm-again', 'dist'), 'scorm-again.js');
		else if (path.startsWith(SCO_PATH)) file(res, join(root, 'dist', format), path.slice(SCO_PATH.length));
		else if (path.startsWith(SITE_PATH)) file(res, join(root, 'dist', 'static'), path.slice(SITE_PATH.length));
		else res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		serve: (f) => void (format = f),
		requests,
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

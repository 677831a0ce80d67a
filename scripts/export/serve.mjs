// An export served as a plain web server or an LMS serves it: files only, from a deep path (no
// extension guessing, no index files, no API). For `npm run bench -- --export <format>` and the
// export tests' page list.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';

/** The content type of each kind of file in a package. @type {Record<string, string>} */
export const contentTypes = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.xml': 'application/xml', '.png': 'image/png' };

/**
 * Where a package is served: deep, as an LMS does; the static export in a sub-folder of a site.
 * @param {'static' | 'scorm12' | 'scorm2004'} format
 */
export const packagePath = (format) => (format === 'static' ? '/organisatie/e-tool/' : '/lms/courses/42/sco/');

/**
 * The learner's pages of an unpacked export: every HTML file but a SCORM package's launch page.
 * @param {string} folder
 * @returns {string[]}
 */
export function pagesOf(folder) {
	/** @type {(dir: string) => string[]} */
	const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [relative(folder, join(dir, e.name))] : []));
	return walk(folder).filter((page) => page !== 'scorm.html').sort();
}

/**
 * Serve `folder` under `prefix` on 127.0.0.1 (a free port).
 * @param {string} folder
 * @param {string} prefix
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function serveFolder(folder, prefix) {
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		const file = path.startsWith(prefix) ? normalize(join(folder, decodeURIComponent(path.slice(prefix.length)))) : '';
		if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
		res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return { url: `http://127.0.0.1:${address.port}${prefix}`, stop: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

// Relative everything: the prerendered pages and the built browser code must work from any folder
// (a sub-path, an LMS package, an iframe), so no URL may start at the server's root. Reads the build
// output (`npm run build`), so every page and chunk is covered, also ones no journey opens.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const build = join(import.meta.dirname, '..', '..', 'build');
const files = (dir: string, ext: string): string[] =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith(ext))
		.map((f) => join(dir, f));

/** Every attribute or CSS url() that names a URL from the server's root (`/x`, not `//x` or `#x`). */
function rootRelative(text: string): string[] {
	const found: string[] = [];
	for (const m of text.matchAll(/\s(?:href|src|action|poster|srcset|content)="(\/(?!\/)[^"]*)"/g)) found.push(m[1]!);
	for (const m of text.matchAll(/url\(\s*['"]?(\/(?!\/)[^)'"]*)/g)) found.push(m[1]!);
	return found;
}

describe('relative URLs in the build output', () => {
	const pages = files(join(build, 'prerendered'), '.html');

	it('finds what it looks for (so an empty result means something)', () => {
		expect(rootRelative('<a href="/inhoud">x</a> <img src="../a.png"> a{b:url(/f.woff2)}')).toEqual(['/inhoud', '/f.woff2']);
		expect(pages.length).toBeGreaterThan(10);
	});

	it('no prerendered page has a link, script, style or image from the server root', () => {
		const bad = pages.flatMap((file) => rootRelative(readFileSync(file, 'utf8')).map((url) => `${relative(build, file)}: ${url}`));
		expect(bad).toEqual([]);
	});

	it('no built stylesheet names a font or image from the server root', () => {
		const css = files(join(build, 'client', '_islands'), '.css');
		expect(css.length).toBeGreaterThan(0);
		const bad = css.flatMap((file) => rootRelative(readFileSync(file, 'utf8')).map((url) => `${relative(build, file)}: ${url}`));
		// Links and requests the browser code makes go through paths.ts; the exports' journeys check them.
		expect(bad).toEqual([]);
	});
});

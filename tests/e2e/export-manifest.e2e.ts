// The real export output for every format (after `npm run build`): the written imsmanifest.xml is
// valid against the ADL schemas of its version, every href stays in the package and names a file
// that is there, the manifest lists every file of the zip, and no page links to a page the package
// does not have.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hrefErrors, schemaErrors } from '../../scripts/export/validate.mjs';
import { exportPackage } from './package-server';

const filesIn = (dir: string) =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'));

describe.each(['static', 'scorm12', 'scorm2004'] as const)('the %s export', (format) => {
	const folder = exportPackage(format, ...(format === 'static' ? [] : ['--mastery', '80']));
	const zip = unzipSync(readFileSync(join(folder, '..', `digitale-kloof-${format}.zip`)));
	const names = new Set(Object.keys(zip));

	it('zip and folder hold the same files, and no server part (no API, no Verder, no compressed copies)', () => {
		expect(new Set(filesIn(folder))).toEqual(names);
		expect([...names].filter((n) => /(^|\/)(verder\.html|api\/|__data\.json)|\.(br|gz)$/.test(n))).toEqual([]);
		expect(names.has('index.html')).toBe(true);
	});

	it('every relative link in every page names a file of the package', () => {
		const broken: string[] = [];
		for (const name of [...names].filter((n) => n.endsWith('.html'))) {
			const html = new TextDecoder().decode(zip[name]);
			for (const [, href] of html.matchAll(/\s(?:href|src)="([^"#?]+)[^"]*"/g)) {
				if (/^[a-z][a-z0-9+.-]*:/i.test(href!)) continue;
				const target = posix.normalize(posix.join(posix.dirname(name), href!));
				if (!names.has(target)) broken.push(`${name}: ${href}`);
			}
		}
		expect(broken).toEqual([]);
	});

	if (format !== 'static')
		it('imsmanifest.xml is valid for its version, launches scorm.html, and lists every file', async () => {
			const xml = new TextDecoder().decode(zip['imsmanifest.xml']);
			expect(await schemaErrors(xml, format)).toEqual([]);
			expect(hrefErrors(xml, names)).toEqual([]);
			expect(xml).toMatch(/href="scorm\.html"/);
			for (const name of names) if (name !== 'imsmanifest.xml') expect(xml, name).toContain(`<file href="${name}"/>`);
			expect(xml).toContain(format === 'scorm12' ? '<adlcp:masteryscore>80</adlcp:masteryscore>' : '<imsss:minNormalizedMeasure>0.80</imsss:minNormalizedMeasure>');
		});
});

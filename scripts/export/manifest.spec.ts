import { describe, expect, it } from 'vitest';
import { manifest } from './manifest.mjs';
import { hrefErrors, schemaErrors } from './validate.mjs';

const files = ['index.html', 'inhoud/index.html', '_islands/client.js', 'scorm/runtime.js'];
const base = { identifier: 'digitale-kloof', title: 'De digitale kloof dichten & meer <tekst>', launch: 'index.html', files, masteryScore: 80 };

describe.each(['scorm12', 'scorm2004'] as const)('imsmanifest.xml for %s', (format) => {
	const xml = manifest({ ...base, format });

	it('is valid against the ADL schema files of its version', async () => {
		expect(await schemaErrors(xml, format)).toEqual([]);
	});

	it('is refused when it breaks the schema (so the validation really runs)', async () => {
		const broken = xml.replace(/(scorm[tT]ype=)"sco"/, '$1"scox"');
		expect(broken).not.toBe(xml);
		const errors = await schemaErrors(broken, format);
		expect(errors.join('\n')).toMatch(/scox/);
	});

	it('lists every file, launches the start page and escapes the title', () => {
		expect(hrefErrors(xml, new Set(files))).toEqual([]);
		expect(xml).toContain('De digitale kloof dichten &amp; meer &lt;tekst&gt;');
		for (const f of files) expect(xml).toContain(`<file href="${f}"/>`);
	});
});

describe('href check', () => {
	it('refuses absolute hrefs, hrefs that leave the package and files that are not there', () => {
		const xml = ['https://evil.example/x.js', '/index.html', '../secret.html', 'a/../../b.html', 'missing.html', 'index.html']
			.map((h) => `<file href="${h}"/>`)
			.join('\n');
		const errors = hrefErrors(` ${xml}`, new Set(['index.html']));
		expect(errors).toHaveLength(5);
		expect(errors.join('\n')).toMatch(/absoluut: https:\/\/evil/);
		expect(errors.join('\n')).toMatch(/buiten het pakket: \.\.\/secret/);
		expect(errors.join('\n')).toMatch(/niet in het pakket zit: missing/);
	});
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import compiled from 'virtual:etool/course';
import { COMPILED_FORMAT } from '$lib/content/compiled';
import { loadCourse } from '$lib/content/loader.server';
import { catalogue } from '$lib/server/catalogue';
import { contentRoot, courseArtefact, READS_FORMAT } from './course.mjs';

// Compiling the whole course takes a few seconds on a busy two-core machine.
describe('the compiled course', { timeout: 30_000 }, () => {
	it('is the content as the loader reads it, with an index of every exercise and section', () => {
		const course = loadCourse(contentRoot());
		expect(compiled.format).toBe(COMPILED_FORMAT);
		expect(READS_FORMAT, 'scripts/course.mjs reads the format the build writes').toBe(COMPILED_FORMAT);
		expect(compiled.course).toEqual(course);
		const sections = course.chapters.flatMap((c) => c.sections);
		expect(compiled.catalogue.sections).toEqual(sections.map((s) => s.path));
		expect(Object.keys(compiled.catalogue.exercises).sort()).toEqual(sections.flatMap((s) => s.exerciseIds).sort());
	});

	it('is what the server checks saved answers against', () => {
		const known = catalogue();
		for (const [id, type] of Object.entries(compiled.catalogue.exercises)) expect(known.exercises.get(id)).toBe(type);
		expect(known.exercises.has('bestaat-niet')).toBe(false);
	});
});

describe('which content is compiled', () => {
	const repo = (folders: string[]) => {
		const root = mkdtempSync(join(tmpdir(), 'etool-repo-'));
		for (const name of folders) {
			mkdirSync(join(root, 'content', name), { recursive: true });
			writeFileSync(join(root, 'content', name, 'course.yaml'), 'id: x\n');
		}
		return root;
	};

	it('is the one folder under content/ with a course.yaml, whatever its language', () => {
		const root = repo(['en']);
		expect(contentRoot({}, root)).toBe(join(root, 'content', 'en'));
	});

	it('is ETOOL_CONTENT when it is set', () => {
		expect(contentRoot({ ETOOL_CONTENT: '/elders/inhoud' }, repo(['nl']))).toBe('/elders/inhoud');
	});

	it('must be chosen when there are two, in Dutch', () => {
		expect(() => contentRoot({}, repo(['nl', 'en']))).toThrow(/Meer dan één e-tool in content\/ \((en, nl|nl, en)\): kies er een met ETOOL_CONTENT/);
		expect(() => contentRoot({}, repo([]))).toThrow(/Geen e-tool gevonden/);
	});

	it('is written where tests and scripts read it, beside a test build\'s own output', () => {
		expect(courseArtefact({}, '/repo')).toBe('/repo/.svelte-kit/etool/course.json');
		expect(courseArtefact({ ETOOL_KIT_OUT: '/tmp/kit' }, '/repo')).toBe('/tmp/kit/etool/course.json');
	});
});

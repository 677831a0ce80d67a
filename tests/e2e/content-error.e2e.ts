import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
// Inside the repository, so the build's output can still find node_modules.
const work = mkdtempSync(join(process.cwd(), 'test-results', 'content-error-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a content error', () => {
	it('stops the build with file, line and what is allowed', () => {
		const content = join(work, 'content');
		cpSync(join(process.cwd(), 'content', 'nl'), content, { recursive: true });
		const file = join(content, '01-inleiding', '01-kansen-en-bedreigingen.md');
		writeFileSync(file, '---\ntitle: Kapot\n---\n\nTekst.\n\n:::video{src="x.mp4"}\nFilm\n:::\n');
		const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
			env: { ...process.env, ETOOL_CONTENT: content, ETOOL_KIT_OUT: join(work, 'kit'), ETOOL_BUILD_OUT: join(work, 'build') },
			encoding: 'utf8',
			timeout: 240_000
		});
		const output = `${result.stdout}\n${result.stderr}`;
		expect(result.status, output.slice(-2000)).not.toBe(0);
		expect(output).toMatch(/01-kansen-en-bedreigingen\.md:7/);
		expect(output).toMatch(/onbekend blok ":::video"; toegestaan: quote, callout, tabs, figure, literature/);
	}, 300_000);
});

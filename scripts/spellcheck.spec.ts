import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentRoot } from './course.mjs';

const script = join(process.cwd(), 'scripts', 'spellcheck.mjs');
const run = (contentDir?: string) =>
	spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, ETOOL_CONTENT: contentDir ?? '' } });

/** A copy of the real content with one line of a section replaced. */
function withTypo(file: string, from: string, to: string): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'spell-')), 'nl');
	cpSync(contentRoot(), dir, { recursive: true });
	const path = join(dir, file);
	const text = readFileSync(path, 'utf8');
	expect(text).toContain(from);
	writeFileSync(path, text.replace(from, to));
	return dir;
}

// Each test runs the script in a child process (about a second, more on a busy machine).
describe('npm run spellcheck', { timeout: 30_000 }, () => {
	it('passes on the e-tool as it is', () => {
		const result = run();
		expect(result.stdout).toMatch(/0 onbekend/);
		expect(result.status).toBe(0);
	});

	it('fails on a misspelt word in the text and in exercise YAML, with file:line and a suggestion', () => {
		const dir = withTypo('03-de-vier-factoren/01-digitoerusting.md', 'Lang niet iedereen in Nederland', 'Lang niet iedereen in Nederlandd');
		const typoInYaml = readFileSync(join(dir, '03-de-vier-factoren/01-digitoerusting.md'), 'utf8').replace('title: Jouw ervaring met digitoerusting', 'title: Jouw ervaaring met digitoerusting');
		writeFileSync(join(dir, '03-de-vier-factoren/01-digitoerusting.md'), typoInYaml);
		const result = run(dir);
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/01-digitoerusting\.md:\d+: "Nederlandd" → bedoel je "Nederland"\?/);
		expect(result.stdout).toMatch(/01-digitoerusting\.md:\d+: "ervaaring"/);
	});

	it('does not check ids or answer keys', () => {
		const dir = withTypo('05-even-een-opfrisser/01-test-je-kennis.md', 'id: vijfhonderdduizend', 'id: vijfhonderdduizendd');
		const result = run(dir);
		expect(result.stdout).not.toMatch(/vijfhonderdduizendd/);
		expect(result.status).toBe(0);
	});
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The module map of docs/decisions/0008-contracts.md, checked on every import in src/. Imports go
// one way: a folder may import its own rank or a lower one, never a higher one; server code lives in
// src/lib/server (and *.server.ts files and route endpoints) and nothing else imports it.
//
//   0  progress/contract/, i18n, styles, paths     the formats, strings and links: leaves, import nothing of ours
//   0  team (team/contract.ts)                     the team-session contract: imports only progress/contract/
//   1  exercises, content                          the course model (content is made of exercise definitions)
//   2  progress                                    the learner's state, on the device
//   2  team-browser (team/ but contract.ts)        a team participant's device and the facilitator's views
//   3  blocks, components, islands                 what the learner sees
//   -  server                                      ranks 0-1 only, and from progress only the contract
//   -  routes, hooks                               may import anything (thin: parse, call lib, return)

const src = join(process.cwd(), 'src');

const RANK: Record<string, number> = { contract: 0, team: 0, i18n: 0, styles: 0, paths: 0, exercises: 1, content: 1, progress: 2, 'team-browser': 2, blocks: 3, components: 3, islands: 3 };

/** The part of the map a file belongs to: `contract`, a folder of src/lib, `routes` or `hooks`. */
export function partOf(file: string): string {
	const path = file.replace(/\\/g, '/');
	if (/^lib\/progress\/contract(\/|$)/.test(path)) return 'contract';
	// team/contract.ts is rank 0 (server and browser read it); the rest of team/ is browser code.
	if (/^lib\/team\/(?!contract(\.|$))/.test(path)) return 'team-browser';
	if (path.startsWith('lib/')) return path.split('/')[1]!;
	return path.startsWith('routes/') ? 'routes' : 'hooks';
}

/** Server-side code outside src/lib/server may import it: `*.server.ts`, endpoints, hooks. */
const serverSide = (file: string) => /\.server\.ts$|\/\+server\.ts$/.test(file) || partOf(file) === 'server';

/** What is wrong with one import of `from` (a file under src/) reaching `to` (a file under src/), or null. */
export function wrongImport(from: string, to: string): string | null {
	const a = partOf(from);
	const b = partOf(to);
	if (a === b) return null;
	if (b === 'server' && !serverSide(from)) return 'only server code imports src/lib/server';
	if (a === 'routes' || a === 'hooks') return null;
	if (a === 'server') {
		if (b === 'progress') return 'the server takes the progress format from progress/contract/, not from the browser\'s modules';
		return (RANK[b] ?? 9) <= 1 ? null : `the server does not import ${b}`;
	}
	if (b === 'routes' || b === 'hooks') return `${a} does not import routes`;
	const [ra, rb] = [RANK[a], RANK[b]];
	if (ra === undefined) return `${a} is not in the module map (docs/decisions/0008-contracts.md)`;
	if (rb === undefined) return `${b} is not in the module map (docs/decisions/0008-contracts.md)`;
	return rb > ra ? `${a} (rank ${ra}) does not import ${b} (rank ${rb})` : null;
}

/** Every source file under a folder, specs left out (a test may reach anywhere). */
function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) && !/\.(spec|test)\.ts$|\.d\.ts$/.test(name) ? [path] : [];
	});
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Each import of ours in src/: [importing file, imported file], both relative to src/. */
function imports(): [string, string][] {
	const found: [string, string][] = [];
	for (const file of sources(src)) {
		for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			const spec = match[1] ?? match[2] ?? match[3]!;
			const target = spec.startsWith('$lib/') || spec === '$lib' ? join(src, 'lib', spec.slice(5)) : spec.startsWith('.') ? resolve(dirname(file), spec) : null;
			if (target) found.push([relative(src, file), relative(src, target).replace(/\.(ts|js)$/, '')]);
		}
	}
	return found;
}

/**
 * Known exceptions, to remove: each names the import and why it is still there. The test fails when
 * one is no longer needed, so this list only shrinks.
 */
const KNOWN: Record<string, string> = {
	// Owned by the server's hot path while this was written: import Change and the code alphabet from progress/contract/.
	'lib/server/progress-store.ts → lib/progress/resume-code': 'server reads the code alphabet through the browser module',
	'lib/server/progress-store.ts → lib/progress/sync': 'server reads the Change type through the browser queue module'
};

describe('the module map', () => {
	it('refuses an import against the direction', () => {
		expect(wrongImport('lib/progress/model.ts', 'lib/islands/client')).toMatch(/progress \(rank 2\) does not import islands/);
		expect(wrongImport('lib/content/schema.ts', 'lib/progress/storage')).toMatch(/content \(rank 1\) does not import progress/);
		expect(wrongImport('lib/islands/client.ts', 'lib/server/api')).toBe('only server code imports src/lib/server');
		expect(wrongImport('routes/+page.svelte', 'lib/server/context')).toBe('only server code imports src/lib/server');
		expect(wrongImport('lib/server/api-schema.ts', 'lib/progress/sync')).toMatch(/from progress\/contract\//);
		expect(wrongImport('lib/progress/contract/answers.ts', 'lib/exercises/core/types')).toMatch(/contract \(rank 0\) does not import exercises/);
		expect(wrongImport('lib/server/api-schema.ts', 'lib/progress/contract')).toBeNull();
		expect(wrongImport('lib/exercises/core/schema.ts', 'lib/progress/contract')).toBeNull();
		expect(wrongImport('routes/api/sync/+server.ts', 'lib/server/catalogue')).toBeNull();
		expect(wrongImport('lib/team/contract.ts', 'lib/progress/contract/answers')).toBeNull();
		expect(wrongImport('lib/server/team/store.ts', 'lib/team/contract')).toBeNull();
		expect(wrongImport('lib/islands/team.ts', 'lib/team/contract')).toBeNull();
		expect(wrongImport('lib/team/contract.ts', 'lib/exercises/definitions')).toMatch(/team \(rank 0\) does not import exercises/);
		expect(wrongImport('lib/team/participant.ts', 'lib/progress/browser')).toBeNull();
		expect(wrongImport('lib/team/participant.ts', 'lib/team/contract')).toBeNull();
		expect(wrongImport('lib/team/contract.ts', 'lib/team/participant')).toMatch(/team \(rank 0\) does not import team-browser/);
		expect(wrongImport('lib/server/team/store.ts', 'lib/team/participant')).toMatch(/server does not import team-browser/);
	});

	it('holds for every import in src/', () => {
		const all = imports();
		// The scan must see imports at all, or this test would pass on nothing.
		expect(all.length).toBeGreaterThan(200);
		expect(all).toContainEqual(['lib/server/api-schema.ts', 'lib/progress/contract']);
		const wrong = all.flatMap(([from, to]) => {
			const why = wrongImport(from, to);
			return why && !(`${from} → ${to}` in KNOWN) ? [`${from} → ${to}: ${why}`] : [];
		});
		expect(wrong).toEqual([]);
		const stillNeeded = new Set(all.map(([from, to]) => `${from} → ${to}`));
		expect(Object.keys(KNOWN).filter((k) => !stillNeeded.has(k)), 'exceptions no longer needed: remove them from KNOWN').toEqual([]);
	});
});

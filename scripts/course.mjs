// The course compiled at build time (docs/decisions/0008-contracts.md): where it comes from, where the
// build writes it, and a Vite plugin that hands it to the server code as `virtual:etool/course`.
// The server bundle embeds it, so the running server reads no Markdown and needs no content/ folder;
// tests and scripts read the JSON file the build wrote (`readCompiledCourse`).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The import name server code uses for the compiled course. */
export const COURSE_MODULE = 'virtual:etool/course';
const RESOLVED = `\0${COURSE_MODULE}`;
/** The import name for the islands' Vite manifest (vite.islands.config.ts builds it before SvelteKit). */
export const ISLANDS_MODULE = 'virtual:etool/islands-manifest';
const ISLANDS_RESOLVED = `\0${ISLANDS_MODULE}`;
const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * The content folder: `ETOOL_CONTENT` when set (tests build other content with it), else the one
 * folder under `content/` that has a `course.yaml`. Its language is in that file, not in this code.
 */
export function contentRoot(env = process.env, root = repo) {
	if (env.ETOOL_CONTENT) return resolve(env.ETOOL_CONTENT);
	const base = join(root, 'content');
	const found = existsSync(base) ? readdirSync(base).filter((name) => existsSync(join(base, name, 'course.yaml'))) : [];
	if (found.length === 1) return join(base, String(found[0]));
	throw new Error(
		found.length === 0
			? `Geen e-tool gevonden: content/<taal>/course.yaml ontbreekt in ${root}.`
			: `Meer dan één e-tool in content/ (${found.join(', ')}): kies er een met ETOOL_CONTENT=content/<map>.`
	);
}

/** Where the build writes the compiled course (beside SvelteKit's own generated files). */
export const courseArtefact = (env = process.env, root = repo) => join(resolve(root, env.ETOOL_KIT_OUT || '.svelte-kit'), 'etool', 'course.json');

/**
 * Compile the content into the course (src/lib/content/compiled.ts): Markdown and YAML checked and turned into typed blocks by
 * src/lib/content/loader.server.ts (run through Vite, which resolves `$lib` and TypeScript).
 * Throws the loader's ContentError (every problem with file and line) when the content is wrong.
 */
export async function compileCourse(root = contentRoot()) {
	const { runnerImport } = await import('vite');
	const { module } = await runnerImport('/src/lib/content/compile.server.ts', {
		configFile: false,
		root: repo,
		logLevel: 'error',
		resolve: { alias: { $lib: join(repo, 'src', 'lib') } }
	});
	return module.compileCourse(root);
}

/** The shape of course.json this code reads (src/lib/content/compiled.ts COMPILED_FORMAT). */
export const READS_FORMAT = 1;

/**
 * The course the last build compiled, for tests and scripts that run after `npm run build`.
 * @returns {import('../src/lib/content/compiled').CompiledCourse}
 */
export function readCompiledCourse(env = process.env, root = repo) {
	const file = courseArtefact(env, root);
	if (!existsSync(file)) throw new Error(`${file} ontbreekt: draai eerst \`npm run build\`.`);
	const compiled = JSON.parse(readFileSync(file, 'utf8'));
	if (compiled.format !== READS_FORMAT) throw new Error(`${file} heeft vorm ${compiled.format}, deze code leest vorm ${READS_FORMAT}: draai \`npm run build\` opnieuw.`);
	return compiled;
}

/**
 * Vite plugin: `import course from 'virtual:etool/course'` gives the compiled course. It compiles on
 * first use (build, dev server, unit tests); a build also writes it to {@link courseArtefact}.
 * `virtual:etool/islands-manifest` gives the built islands' manifest the same way.
 * @returns {import('vite').Plugin}
 */
export function coursePlugin() {
	/** @type {Promise<unknown> | undefined} */
	let compiled;
	let command = 'serve';
	return {
		name: 'etool-course',
		configResolved(config) {
			command = config.command;
		},
		resolveId: (id) => (id === COURSE_MODULE ? RESOLVED : id === ISLANDS_MODULE ? ISLANDS_RESOLVED : undefined),
		load: {
			// Only our two ids: the hook is not called for the build's other modules.
			filter: { id: /^\0virtual:etool\// },
			handler: async (id) => loadVirtual(id)
		}
	};

	/** @param {string} id */
	async function loadVirtual(id) {
		if (id === ISLANDS_RESOLVED) {
			// Read at build time, so the error page rendered at run time needs no static/ folder.
			// null before the islands are built (dev serves them from source).
			const file = join(repo, 'static', '_islands', '.vite', 'manifest.json');
			return `export default ${existsSync(file) ? readFileSync(file, 'utf8') : 'null'};`;
		}
		if (id !== RESOLVED) return undefined;
		compiled ??= compileCourse();
		const json = JSON.stringify(await compiled);
		if (command === 'build') {
			const file = courseArtefact();
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, `${json}\n`);
		}
		// JSON.parse of a string literal is faster to start than the same object as code.
		return `export default JSON.parse(${JSON.stringify(json)});`;
	}
}

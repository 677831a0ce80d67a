import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { blockStyleSource, styledBlocks } from './src/lib/blocks/block-styles.ts';
import { someStrings } from './src/lib/i18n/some-strings.ts';

/**
 * Vite wraps every dynamic import in a helper that preloads the imported chunk's JavaScript and CSS
 * (0.7 KB gzip in the enhancer every page loads, most of it for `modulepreload` links and CSP
 * nonces we do not use). Ours only loads the CSS a chunk needs, before the chunk runs: with
 * `modulePreload: false` the dependencies Vite passes are CSS files only.
 */
function smallPreloadHelper(): Plugin {
	const id = '\0vite/preload-helper.js';
	return {
		name: 'etool:small-preload-helper',
		enforce: 'pre',
		resolveId: (source) => (source === id ? id : null),
		load: (source) =>
			source === id
				? `const seen = {};
export const __vitePreload = (load, deps, base) => Promise.all((deps || []).map((dep) => seen[dep] ??= new Promise((done) =>
	document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL(dep, base).href, onload: done, onerror: done }))
))).then(load);`
				: null
	};
}

/**
 * The browser code of the e-tool: small "islands" mounted into the prerendered pages (see
 * docs/decisions/0002-islands.md). Built before SvelteKit, into static/_islands/, so the pages can
 * name the files and the result still works as plain static files.
 */
export default defineConfig({
	plugins: [svelte({ configFile: false, compilerOptions: { runes: true } }), smallPreloadHelper(), someStrings()],
	resolve: {
		alias: {
			$lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
			// Outside SvelteKit: the site's root from the script's own URL (src/lib/paths.ts).
			'$app/paths': fileURLToPath(new URL('./src/lib/islands/paths.browser.ts', import.meta.url))
		}
	},
	// Relative URLs: the e-tool can be served from any folder (static site, SCORM package).
	base: './',
	publicDir: false,
	build: {
		outDir: 'static/_islands',
		emptyOutDir: true,
		manifest: true,
		target: 'es2020',
		modulePreload: false,
		rollupOptions: {
			// The enhancer, and the styles of the blocks that only some pages have (blocks/block-styles.ts).
			input: [fileURLToPath(new URL('./src/lib/islands/client.ts', import.meta.url)), ...styledBlocks.map((type) => fileURLToPath(new URL(`./${blockStyleSource(type)}`, import.meta.url)))],
			output: { entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' }
		}
	}
});

import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { blockStyleSource, styledBlocks } from './src/lib/blocks/block-styles.ts';

/**
 * The browser code of the e-tool: small "islands" mounted into the prerendered pages (see
 * docs/decisions/0002-islands.md). Built before SvelteKit, into static/_islands/, so the pages can
 * name the files and the result still works as plain static files.
 */
export default defineConfig({
	plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
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
		rollupOptions: {
			// The enhancer, and the styles of the blocks that only some pages have (blocks/block-styles.ts).
			input: [fileURLToPath(new URL('./src/lib/islands/client.ts', import.meta.url)), ...styledBlocks.map((type) => fileURLToPath(new URL(`./${blockStyleSource(type)}`, import.meta.url)))],
			output: { entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' }
		}
	}
});

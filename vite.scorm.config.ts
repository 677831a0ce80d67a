import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The launch page's script of a SCORM package (src/lib/progress/scorm/launch.ts), built on its own
 * after the islands: as a second entry of the islands build it would share modules with the
 * enhancer, and those would become extra chunks that every page loads.
 */
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	base: './',
	publicDir: false,
	build: {
		outDir: 'static/_islands',
		// The islands build has just written this folder: add to it, with a manifest of our own.
		emptyOutDir: false,
		manifest: '.vite/scorm-manifest.json',
		target: 'es2020',
		rollupOptions: {
			input: fileURLToPath(new URL('./src/lib/progress/scorm/launch.ts', import.meta.url)),
			output: { entryFileNames: 'scorm-[name]-[hash].js', chunkFileNames: 'scorm-[name]-[hash].js' }
		}
	}
});

import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { coursePlugin } from './scripts/course.mjs';
import { someStrings } from './src/lib/i18n/some-strings';

export default defineConfig({
	// coursePlugin: the content compiled once into the course (`virtual:etool/course`), docs/decisions/0008.
	// someStrings: `nl.json?keys=…` picks a few strings at build time (decision 0007).
	plugins: [coursePlugin(), someStrings(), sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node'
	}
});

import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { coursePlugin } from './scripts/course.mjs';

export default defineConfig({
	// coursePlugin: the content compiled once into the course (`virtual:etool/course`), docs/decisions/0008.
	plugins: [coursePlugin(), sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node'
	}
});

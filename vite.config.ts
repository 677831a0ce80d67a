import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { someStrings } from './src/lib/i18n/some-strings';

export default defineConfig({
	plugins: [someStrings(), sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node'
	}
});

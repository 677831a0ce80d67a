import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Every learner page is prerendered: the e-tool must also work as plain static files.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		inlineStyleThreshold: 0
	}
};

export default config;

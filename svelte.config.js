import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The two ETOOL_ variables let a test build elsewhere without touching the real build.
		adapter: adapter({ out: process.env.ETOOL_BUILD_OUT || 'build', precompress: true }),
		outDir: process.env.ETOOL_KIT_OUT || '.svelte-kit',
		// Every learner page is prerendered: the e-tool must also work as plain static files.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		inlineStyleThreshold: 0,
		// SvelteKit's own check refuses a form-encoded or text/plain POST whose Origin differs, even one
		// without Origin, before our code runs. The pages have no forms; the API checks Origin itself for
		// every write and answers 415 or 403 as JSON (src/lib/server/api.ts), so that check is ours.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;

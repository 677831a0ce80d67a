import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { coursePlugin } from './scripts/course.mjs';
import { someStrings } from './src/lib/i18n/some-strings';

/**
 * `npm run dev`: the API is answered by its own router in front of SvelteKit (src/lib/server/router.ts),
 * as server.js does in production, so the dev server needs the same hook. The dev server is plain
 * http; the header tells the router so (server.js does the same with its own header).
 */
const api: Plugin = {
	name: 'etool-api',
	configureServer(server) {
		process.env.PROTOCOL_HEADER ??= 'x-etool-protocol';
		server.middlewares.use((req, res, next) => {
			if (!/^\/(api|healthz)(\/|\?|$)/.test(req.url ?? '')) return next();
			req.headers[process.env.PROTOCOL_HEADER!.toLowerCase()] = 'http';
			server
				.ssrLoadModule('/src/lib/server/router.ts')
				.then(({ handleApi }) => handleApi(req, res, { requestId: crypto.randomUUID(), https: false }) || next())
				.catch(next);
		});
	}
};

export default defineConfig({
	// coursePlugin: the content compiled once into the course (`virtual:etool/course`), docs/decisions/0008.
	// someStrings: `nl.json?keys=…` picks a few strings at build time (decision 0007).
	plugins: [coursePlugin(), someStrings(), api, sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node'
	}
});

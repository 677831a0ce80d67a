import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// HTTP tests of the built server (`node server.js`; `npm run build` first). One SQLite server, and
// one on PostgreSQL when TEST_DATABASE_URL is set, shared by the files; files run one after another
// (the machines have two cores, and lifecycle.test.ts starts servers of its own).
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		include: ['tests/server/**/*.test.ts'],
		globalSetup: ['tests/server/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});

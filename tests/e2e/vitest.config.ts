import { defineConfig } from 'vitest/config';

// Browser journeys: one server for all files, files one after another (the machines have two cores).
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});

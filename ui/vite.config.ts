import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	clearScreen: false,
	build: { target: 'safari15', chunkSizeWarningLimit: 800 },
	test: {
		environment: 'jsdom',
		include: ['src/**/*.test.ts'],
		setupFiles: ['src/test-setup.ts'],
		// One jsdom and one module cache per worker instead of per file: 120 → 40 s on two
		// cores, most of it building a jsdom and importing Svelte again for each of the 34
		// files. Each test cleans its DOM (Testing Library) and its mocks; the suite passes
		// with the files shuffled.
		pool: 'threads',
		isolate: false
	}
});

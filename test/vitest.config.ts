import { defineConfig } from 'vitest/config';

// One runner for unit, integration and end-to-end tests. Integration and
// end-to-end tests start real ffmpeg, SQLite, onnxruntime and Chromium, so they
// get long timeouts; files run in parallel up to the machine's two cores.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/summaryReporter.ts'],
  },
});

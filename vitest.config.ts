import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app's `@contract/<feature>` imports, as vite.config.ts resolves them.
const resolve = { alias: { '@contract': fileURLToPath(new URL('./src/contract', import.meta.url)) } };

// Three projects, one runner: `npm test` runs them all; `npm run test:unit|test:db|test:e2e` one each.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on the 2-core CI machine one worker ran
    // all 154 files in a row while PostgreSQL, Chromium and the spawned CLIs left the other core idle.
    maxWorkers: '100%',
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          environment: 'node',
          // A worker keeps the modules it loaded from one file to the next (they hold no state a
          // test can change: only memo caches), instead of importing the app again for each file.
          isolate: false,
          // Property tests run 100 cases; on a loaded 2-core machine one took 6.6 s against the 5 s default.
          testTimeout: 20_000,
        },
      },
      {
        resolve,
        test: {
          name: 'db',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/postgres-cluster.ts'],
          setupFiles: ['test/setup/no-unhandled.ts'],
          // As for unit: importing the server (Fastify, every route, zod) cost ~1-2 s per file, more
          // than most files' tests. Each test still opens its own store and app.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/postgres-cluster.ts', 'test/setup/build-web.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file starts its own app, database and Chromium on free ports: two files at a time.
          // Run one at a time, the e2e files were a phase of their own after unit and db (~380 s).
        },
      },
    ],
  },
});

import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the "source"
// export condition, so unit tests never need a build first.
const resolve = { conditions: ['source', 'module', 'browser', 'default'] };
// What rollup.config.mjs puts in at build time: the version from package.json.
const cartliftVersion: string = JSON.parse(fs.readFileSync(new URL('packages/cartlift/package.json', import.meta.url), 'utf8')).version;
// A function: vitest deletes what it handles from the object it is given, so each config needs its own.
const define = () => ({ __CARTLIFT_VERSION__: JSON.stringify(cartliftVersion) });

export default defineConfig({
  resolve,
  define: define(),
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    projects: [
      {
        resolve,
        define: define(),
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'unit',
          // The PGlite and PostgreSQL suites run whole payments against the sandbox; on a shared 2-core
          // machine one takes about 5 s, vitest's default limit. Timing is never what these tests check.
          testTimeout: 20_000,
          // Opening a PGlite database and migrating it takes seconds on a loaded 2-core machine (a CI run timed out at 10 s).
          hookTimeout: 30_000,
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/src/**/*.test.tsx',
            'packages/server/console-app/**/*.test.ts',
            'test/architecture/**/*.test.ts',
            'test/contract/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: { name: 'size', include: ['test/size/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});

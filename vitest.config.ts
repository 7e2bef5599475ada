import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the "source"
// export condition, so unit tests never need a build first.
const resolve = { conditions: ['source', 'module', 'browser', 'default'] };

export default defineConfig({
  resolve,
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    projects: [
      {
        resolve,
        ssr: { resolve: { conditions: ['source'] } },
        test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'], environment: 'node' },
      },
      {
        test: { name: 'size', include: ['test/size/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});

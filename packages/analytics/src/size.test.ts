import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const BUDGET = 4608;

// What a storefront adds to its bundle for `analytics()`: @cartlift/core is
// already in the host bundle (the SDK itself), so it stays external.
it('keeps the analytics plugin within 4.5 KB gzip', async () => {
  const result = await build({
    stdin: { contents: "export { analytics } from '@cartlift/analytics';", resolveDir: path.dirname(import.meta.dirname), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target: 'es2022',
    conditions: ['source'],
    external: ['@cartlift/core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`@cartlift/analytics analytics(): ${code.length} B minified, ${gzip} B gzip of ${BUDGET} B budget (${Math.round((100 * gzip) / BUDGET)}%)`);
  expect(gzip).toBeLessThanOrEqual(BUDGET);

  // docs/analytics.md quotes the figure: within 2% of the measurement, budget exact.
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/analytics.md'), 'utf8');
  const quoted = /import \{ analytics \}`.*?\| (\d+) B of (\d+) B \|/.exec(doc);
  expect(quoted, 'docs/analytics.md no longer quotes the plugin size in its figures table: update the pattern here').not.toBeNull();
  expect(Math.abs(Number(quoted![1]) - gzip) <= 0.02 * gzip, `docs/analytics.md quotes ${quoted![1]} B for the plugin; the build measures ${gzip} B gzip`).toBe(
    true,
  );
  expect(Number(quoted![2]), 'docs/analytics.md quotes the budget this test enforces').toBe(BUDGET);
});

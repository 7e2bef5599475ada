import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const BUDGET = 4096;

// What a storefront adds to its bundle for `analytics()`: @cartlift/core is
// already in the host bundle (the SDK itself), so it stays external.
it('keeps the analytics plugin within 4 KB gzip', async () => {
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
});

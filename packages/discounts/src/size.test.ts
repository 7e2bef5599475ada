import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const BUDGET = 6144;

async function gzipSize(contents: string): Promise<number> {
  const out = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    conditions: ['source'],
    logLevel: 'silent',
  });
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
}

it(`the engine (evaluate, core included, no zod) stays within ${BUDGET} bytes gzip`, async () => {
  const evaluateOnly = await gzipSize(`export { evaluate } from './index';`);
  const whole = await gzipSize(`export * from './index';`);
  console.log(`@cartlift/discounts gzip: evaluate ${evaluateOnly} B, whole main entry ${whole} B (budget ${BUDGET} B)`);
  expect(evaluateOnly).toBeLessThanOrEqual(BUDGET);
  expect(whole).toBeLessThanOrEqual(BUDGET);
});

it('the main entry never pulls in zod', async () => {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    conditions: ['source'],
    logLevel: 'silent',
  });
  expect(Object.keys(out.metafile.inputs).filter((f) => f.includes('zod'))).toEqual([]);
});

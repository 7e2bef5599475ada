import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { engineMangleOptions, newInternalNames } from '../build/internal-props.mjs';

// The budget: the engine without its schema <= 6 KB gzip, measured as a
// standalone npm user gets it: `evaluate` bundled, minified, ESM, gzip -9, with
// @cartlift/core inlined, its internal property names shortened as the build
// shortens them (../build/internal-props.mjs). The whole main entry adds the
// sentence builders (en, zh-CN) and Intl money formatting, which `evaluate` no
// longer carries.
const BUDGET = 6144;
const WHOLE_ENTRY = 8192;

async function bundle(contents: string, external: string[] = []) {
  const out = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    conditions: ['source'],
    external,
    logLevel: 'silent',
    ...engineMangleOptions(),
  });
  expect(newInternalNames(out.mangleCache), "internal names the build's fixed short names do not cover").toEqual([]);
  return out;
}

async function gzipSize(contents: string, external: string[] = []): Promise<number> {
  const out = await bundle(contents, external);
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
}

it(`the engine (evaluate, core included, no zod) stays within ${BUDGET} bytes gzip`, async () => {
  const evaluateOnly = await gzipSize(`export { evaluate } from './index.js';`);
  const whole = await gzipSize(`export * from './index.js';`);
  const ownOnly = await gzipSize(`export { evaluate } from './index.js';`, ['@cartlift/core']);
  console.log(
    `@cartlift/discounts gzip: evaluate ${evaluateOnly} B (without core ${ownOnly} B), whole main entry ${whole} B; budgets ${BUDGET} B and ${WHOLE_ENTRY} B`,
  );
  expect(evaluateOnly).toBeLessThanOrEqual(BUDGET);
  expect(whole).toBeLessThanOrEqual(WHOLE_ENTRY);

  // docs/discounts.md quotes these figures: within 2% of the measurement, budgets exact.
  const doc = fs.readFileSync(new URL('../../../docs/discounts.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const quoted =
    /alone ([\d,]+) B gzip with `@cartlift\/core` inlined .*?, ([\d,]+) B without core; the whole main entry .*? ([\d,]+) B\. The test enforces the 6 KB budget \(([\d,]+) B\) for `evaluate` and ([\d,]+) B for the whole/.exec(
      doc,
    );
  expect(quoted, 'docs/discounts.md no longer quotes the size figures this test checks: update the pattern here').not.toBeNull();
  const [evaluateDoc, ownDoc, wholeDoc, budgetDoc, wholeBudgetDoc] = quoted!.slice(1).map((n) => Number(n.replace(/,/g, '')));
  const near = (doc: number, measured: number) => Math.abs(doc - measured) <= 0.02 * measured;
  expect(
    near(evaluateDoc!, evaluateOnly) && near(ownDoc!, ownOnly) && near(wholeDoc!, whole),
    `docs/discounts.md quotes ${quoted![1]}, ${quoted![2]} and ${quoted![3]} B; the build measures ${evaluateOnly}, ${ownOnly} and ${whole} B`,
  ).toBe(true);
  expect([budgetDoc, wholeBudgetDoc], 'docs/discounts.md quotes the budgets this test enforces').toEqual([BUDGET, WHOLE_ENTRY]);
});

it('evaluate leaves sentences to describeReason: no sentence builder or money formatting in its bundle', async () => {
  const sentences = /reasons|sentence|names|core\/src\/format/;
  const used = async (contents: string) => {
    const [output] = Object.values((await bundle(contents)).metafile.outputs);
    return Object.entries(output!.inputs).flatMap(([file, v]) => (v.bytesInOutput > 0 && sentences.test(file) ? [file] : []));
  };
  expect(await used(`export { describeReason } from './index.js';`)).not.toEqual([]); // the check can see them
  expect(await used(`export { evaluate } from './index.js';`)).toEqual([]);
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

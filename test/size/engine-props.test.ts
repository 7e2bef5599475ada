// The build shortens the engine's internal property names (those ending in `_`;
// packages/discounts/build/internal-props.mjs). This checks what ships, after
// `npm run build`: no long internal name is left in the built engine, and the
// built engine prices generated carts exactly as its source does.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineMangleOptions } from '../../packages/discounts/build/internal-props.mjs';
import { evaluate as evaluateSource } from '../../packages/discounts/src/index.js';
import { type Generated, inputArb, promoArb, toInput } from '../../packages/discounts/test/arbitraries.js';

const root = path.resolve(import.meta.dirname, '../..');
const built = path.join(root, 'packages/discounts/dist/index.js');

function jsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));
}

/** Automatic promotions only (no codes), enough of them that the best-deal search goes heuristic. */
const crowdedArb = fc
  .tuple(
    inputArb,
    fc.integer({ min: 11, max: 16 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => promoArb(`M${i}`)))),
  )
  .map(([input, promotions]): Generated => ({ ...input, promotions: promotions.map(({ code: _code, ...promotion }) => promotion) }));

describe("the engine's internal property names, shortened by the build", () => {
  it('never touches a public name: none in the public types or the promotions schema ends in `_`', () => {
    const { mangleProps } = engineMangleOptions();
    // The engine's own types, and the promotion and quote shapes it shares with the wire contract.
    const types = ['packages/discounts/src/types.ts', 'packages/core/src/contract/promotions.ts', 'packages/core/src/contract/quote.ts']
      .map((file) => fs.readFileSync(path.join(root, file), 'utf8'))
      .join('\n');
    const declared = [...types.matchAll(/^\s*'?([\w$-]+)'?\??:/gm)].map((m) => m[1]!);
    const keys = (value: unknown): string[] =>
      value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)]) : [];
    const schema = keys(JSON.parse(fs.readFileSync(path.join(root, 'packages/discounts/promotions.schema.json'), 'utf8')));
    expect(declared.length).toBeGreaterThan(50);
    expect([...declared, ...schema].filter((name) => mangleProps.test(name))).toEqual([]);
  });

  it('leaves none of them in the built engine (npm and script tag)', () => {
    expect(fs.existsSync(built), 'run `npm run build` first').toBe(true);
    const names = Object.keys(engineMangleOptions().mangleCache);
    const files = [...jsFiles(path.join(root, 'packages/discounts/dist')), ...jsFiles(path.join(root, 'packages/cartlift/dist/cdn'))];
    const long = new RegExp(String.raw`\b(?:${names.join('|') || '(?!)'})\b`, 'g');
    const left = files.flatMap((file) => [...new Set(fs.readFileSync(file, 'utf8').match(long) ?? [])].map((name) => `${path.relative(root, file)}: ${name}`));
    expect(left).toEqual([]);
  });

  it('prices generated carts exactly as the source does', async () => {
    const { evaluate: evaluateBuilt } = (await import(pathToFileURL(built).href)) as { evaluate: typeof evaluateSource };
    const inputs = [...fc.sample(inputArb, { numRuns: 300, seed: 7 }), ...fc.sample(crowdedArb, { numRuns: 100, seed: 8 })].map(toInput);
    const modes = new Set<string>();
    for (const input of inputs) {
      const expected = evaluateSource(input);
      modes.add(expected.bestDeal.mode);
      expect(evaluateBuilt(input)).toEqual(expected);
    }
    expect(modes).toEqual(new Set(['exact', 'heuristic']));
  });
});

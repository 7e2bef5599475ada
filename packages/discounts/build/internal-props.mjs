// The engine's internal records (the compiled promotion, the candidate, the
// evaluation context, a priced combination, ...) never leave the engine: they
// are not returned, serialized, stored or read from a config. Their property
// names end in `_`, so the build can shorten them the way a minifier shortens
// local names: descriptive in the source, a byte or two in what ships.
// rollup.config.mjs and the engine's size test (packages/discounts/src/size.test.ts)
// both take their esbuild options from here, so the test measures what ships.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const src = path.join(import.meta.dirname, '../src');

/**
 * Property names the build shortens: a word starting lower-case and ending in
 * exactly one `_`. Never a name from the public API, the JSON wire format, the
 * promotions schema or the stored cart (none of them ends in `_`; keep it so).
 */
export const INTERNAL_PROPS = /^[a-z][A-Za-z0-9]*_$/;

/** The engine's published source files: the only ones whose properties the build shortens. */
export const isEngineFile = (id) => id.startsWith(src + path.sep) && /\.ts$/.test(id) && !/\.test\.ts$/.test(id);

let cache;

/**
 * esbuild options that shorten the internal properties, with a fixed name for
 * each. Rollup compiles file by file, and each file must give a property the
 * same short name, so the names are worked out once, over every engine file
 * bundled together (`mangleCache`), and every compile reuses them.
 *
 * @example
 * const result = await transform(code, { loader: 'js', ...engineMangleOptions() });
 * newInternalNames(result.mangleCache); // [] unless a file outside the engine's sources used the convention
 */
export function engineMangleOptions() {
  cache ??= buildSync({
    entryPoints: fs
      .readdirSync(src, { recursive: true, encoding: 'utf8' })
      .map((file) => path.join(src, file))
      .filter(isEngineFile),
    bundle: true,
    outdir: 'mangle-cache',
    write: false,
    format: 'esm',
    // Minified, as shipped: esbuild then orders the short names as it does a minified bundle's.
    minify: true,
    conditions: ['source'],
    external: ['@cartlift/core', 'zod'],
    mangleProps: INTERNAL_PROPS,
    mangleQuoted: true,
    mangleCache: {},
    logLevel: 'silent',
  }).mangleCache;
  // `mangleQuoted`: `'fail_' in outcome` narrows a union; it must be renamed with the property.
  return { mangleProps: INTERNAL_PROPS, mangleQuoted: true, mangleCache: { ...cache } };
}

/** Names a compile shortened that the fixed names do not cover (each would get a different short name per file). */
export function newInternalNames(mangleCache) {
  engineMangleOptions();
  return Object.keys(mangleCache ?? {}).filter((name) => !(name in cache));
}

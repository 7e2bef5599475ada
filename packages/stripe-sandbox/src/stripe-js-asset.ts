import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let cached: Promise<string> | null = null;

/**
 * The Stripe.js look-alike's source. From a build (`dist/`) it is the bundled
 * `dist/stripe-js.js`; when the sandbox itself runs from TypeScript sources
 * (unit tests, development) it is bundled on the fly from
 * `src/stripe-js/index.ts` with esbuild, so it always matches the sources.
 *
 * @example
 * const js = await stripeJsSource(); js.includes('Stripe') // true
 */
export function stripeJsSource(): Promise<string> {
  cached ??= load().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function load(): Promise<string> {
  const here = import.meta.url;
  if (/\/src\/[^/]+\.ts$/.test(here)) return bundleFromSource(fileURLToPath(new URL('./stripe-js/index.ts', here)));
  for (const candidate of ['./stripe-js.js', '../stripe-js.js']) {
    try {
      return await readFile(fileURLToPath(new URL(candidate, here)), 'utf8');
    } catch {
      // try the next layout (entry file or shared chunk)
    }
  }
  throw new Error('The Stripe sandbox could not find dist/stripe-js.js: run the build (npm run build) before serving Stripe.js.');
}

/** Minimal view of esbuild's build API (a development-only tool, not a dependency of this package). */
type EsbuildLike = {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
};

async function bundleFromSource(entry: string): Promise<string> {
  // The specifier is a variable so bundlers leave esbuild out of the built package.
  const specifier = 'esbuild';
  const esbuild = (await import(specifier)) as EsbuildLike;
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2022', write: false, minify: false, logLevel: 'silent' });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}.`);
  return file.text;
}

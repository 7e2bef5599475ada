// One build for every package (floating-ui style): each package's `exports`
// map names its entries through the "source" condition; dependencies stay
// external for npm users; the script-tag and sandbox browser bundles are the
// only ones that inline what they use.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';
import { engineMangleOptions, isEngineFile, newInternalNames } from './packages/discounts/build/internal-props.mjs';

const root = path.dirname(new URL(import.meta.url).pathname);
const only = process.env.CARTLIFT_PACKAGES?.split(',');
const packages = fs
  .readdirSync(path.join(root, 'packages'))
  .filter((dir) => !only || only.includes(dir))
  .map((dir) => ({ dir, pkg: JSON.parse(fs.readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8')) }));

// Versions come from package.json at build time (`__CARTLIFT_VERSION__` in the
// source); test/size/version.test.ts checks the built files carry it.
const CARTLIFT_VERSION = JSON.parse(fs.readFileSync(path.join(root, 'packages/cartlift/package.json'), 'utf8')).version;

const NODE_PACKAGES = new Set(['server', 'stripe-sandbox']);

// Script-tag chunking. The first chunk is what boot reaches through static
// imports (derived, so it can't drift; through a package's index that means the
// whole small package, e.g. all of core); the lazy checkout and analytics code
// each travel as one chunk (one request, better compression).
const CHECKOUT = /node_modules\/(preact|@stripe)\/|packages\/(discounts|checkout)\/src\//;
// The runtime lists of event names (core/event-names.ts): validators' data, read by the analytics chunk only.
const EVENT_NAMES = /packages\/core\/src\/event-names\.ts$/;
const ANALYTICS = /packages\/analytics\/src\/|packages\/cartlift\/src\/script-tag\/analytics\.ts$/;
// Landing (cart links, returns from redirect payments) runs only on a page
// opened with such parameters: a chunk of its own, so opening the drawer
// never downloads it.
const LANDING = /packages\/checkout\/src\/(landing|link-notice)\.ts$/;
// The drawer's payment views (sheet, wallets, thank-you screen and paying
// itself): fetched as the drawer opens, so the cart renders without them.
const PAYMENT =
  /packages\/checkout\/src\/(payment-views|sheet|fields|paid|pay|payment-text|price-change|express|express-slot|express-mount|wallet-options)\.tsx?$/;
// "Review later" on the thank-you screen: fetched only where the shop mails review links.
const REVIEW_LATER = /packages\/checkout\/src\/review-later\.tsx$/;
// The phone's "added" bar: fetched on the first add on a small screen, not with the drawer.
const ADDED_TOAST = /packages\/checkout\/src\/added-toast\.ts$/;
// The <cartlift-reviews> element: fetched only by pages that have one.
const REVIEWS = /packages\/reviews\/src\/widget\/|packages\/cartlift\/src\/script-tag\/reviews\.ts$/;
// The sheet's per-country address forms and libaddressinput's data behind them: fetched as the
// sheet opens, so neither the cart nor the payment views carry the data.
const ADDRESS = /packages\/core\/src\/address-[\w.-]+\.ts$|packages\/checkout\/src\/address-(fieldset|text)\.tsx?$/;
// The review form, opened by a review link (?cartlift-review=): fetched only then, with the shared validation.
const REVIEW_FORM = /packages\/reviews\/src\/(form\/[\w-]+|submission)\.ts$/;
// The reviews' words in en and zh-CN, shared by the widget and the form: a chunk of its own, so neither carries the other.
const REVIEWS_TEXT = /packages\/reviews\/src\/render-text\.ts$/;
// <cartlift-ar-button>, fetched by a page that has one; its QR dialog (and the QR encoder) only on a computer's click.
const AR_QR = /packages\/ar\/src\/qr-dialog\.ts$|node_modules\/uqr\//;
const AR = /packages\/ar\/src\/|packages\/cartlift\/src\/script-tag\/ar\.ts$/;
const AR_BUTTON_ENTRY = /packages\/cartlift\/src\/script-tag\/ar\.ts$/;
// Destinations a page names: each a small chunk of its own, fetched only then.
const DESTINATIONS = /packages\/analytics\/src\/(ga4|segment)\.ts$/;

/** Module ids reached from `entry` through static imports only. */
function staticallyReached(getModuleInfo, entry) {
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const next of getModuleInfo(id)?.importedIds ?? []) visit(next);
  };
  visit(entry);
  return seen;
}

function scriptTagChunks(entry) {
  let first;
  // Named chunks, because rollup would otherwise pull shared dependencies into
  // whichever manual chunk happens to use them.
  return (id, { getModuleInfo }) => {
    first ??= staticallyReached(getModuleInfo, entry);
    // Core's barrel reaches the event-name lists, but only the analytics chunk's validators read them.
    if (EVENT_NAMES.test(id)) return 'analytics';
    if (first.has(id)) return 'base';
    const destination = DESTINATIONS.exec(id)?.[1];
    if (destination) return destination;
    if (ANALYTICS.test(id)) return 'analytics';
    if (LANDING.test(id)) return 'landing';
    if (REVIEWS_TEXT.test(id)) return 'reviews-text';
    if (REVIEW_FORM.test(id)) return 'review';
    if (REVIEW_LATER.test(id)) return 'remind';
    if (AR_QR.test(id)) return 'qr';
    if (AR.test(id)) return 'ar';
    if (ADDED_TOAST.test(id)) return 'toast';
    if (REVIEWS.test(id)) return 'reviews';
    if (ADDRESS.test(id)) return 'address';
    if (PAYMENT.test(id)) return 'payment';
    if (CHECKOUT.test(id)) return 'checkout';
    return undefined;
  };
}

/**
 * Chromium keeps a failed module fetch in its module map (whatwg/html#6768):
 * `import()` of the same URL, and every static import of it from other
 * chunks, rejects again without a request, so "Try again" after a network
 * blip could never load the chunk. So each lazy chunk of the script tag is
 * first fetched with fetch(), whose failure nothing remembers, and imported
 * only once that succeeded; the import then reads the HTTP cache (chunks are
 * content-hashed and served immutable). A URL with a fresh query would load
 * too, but the chunks that import it statically would still name the failed
 * one. Costs: about 90 B gzip, and `connect-src` must allow the CDN's origin.
 */
const FETCHED_IMPORT =
  '((url)=>fetch(new URL(url,import.meta.url)).then((response)=>{if(!response.ok)throw new TypeError("Failed to fetch dynamically imported module: "+response.url);return import(url)}))(';
const fetchedImports = {
  name: 'cartlift-fetched-imports',
  // Except the phone's "added" bar: nothing retries it but the next add, the button and the live region have
  // said "added" already, and the first download can't spare the ~17 B gzip (a failed fetch means no bar until reload).
  // And the review form, imported from the first download too (the wrapper there costs ~90 B gzip it hasn't): a
  // failed fetch leaves the link in the address bar, so a reload opens the form.
  // And the reviews widget and the AR button: each fetched once, as the page starts (or the widget nears), with nothing to retry until the next page.
  renderDynamicImport: ({ targetModuleId }) =>
    [ADDED_TOAST, REVIEWS, REVIEW_FORM, AR_BUTTON_ENTRY].some((pattern) => pattern.test(targetModuleId ?? '')) ? null : { left: FETCHED_IMPORT, right: ')' },
};

/**
 * TypeScript to JavaScript (minified for browser bundles), then the engine's
 * internal property names shortened (packages/discounts/build/internal-props.mjs),
 * so every build of the engine, npm's and the script tag's, ships the same short names.
 */
function transpile({ minify = false, node = false } = {}) {
  return [typeScript({ minify, node }), shortenEngineProps()];
}

function typeScript({ minify, node }) {
  return esbuild({
    target: node ? 'node20' : 'es2022',
    minify,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: path.join(root, 'tsconfig.base.json'),
    define: {
      __CARTLIFT_VERSION__: JSON.stringify(CARTLIFT_VERSION),
      ...(node ? {} : { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'production') }),
    },
  });
}

/** Renames the engine's `_`-suffixed internal properties, file by file, to the one short name each has in every build. */
function shortenEngineProps() {
  return {
    name: 'shorten-engine-props',
    async transform(code, id) {
      if (!isEngineFile(id)) return null;
      const result = await transform(code, { loader: 'js', sourcemap: true, sourcefile: id, ...engineMangleOptions() });
      const unknown = newInternalNames(result.mangleCache);
      if (unknown.length) this.error(`${id} uses ${unknown.join(', ')}, which the engine's fixed short names do not cover.`);
      return { code: result.code, map: result.map };
    },
  };
}

/** Library build: ESM, one file per export, shared code in chunks, dependencies external. */
function libraryBuild({ dir, pkg }) {
  const input = {};
  for (const [key, value] of Object.entries(pkg.exports)) {
    if (typeof value !== 'object' || !value.source) continue;
    input[key === '.' ? 'index' : key.slice(2)] = path.join(root, 'packages', dir, value.source);
  }
  for (const [name, file] of Object.entries(pkg.bin ?? {})) {
    input[`bin/${name}`] = path.join(root, 'packages', dir, file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
  }
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const external = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const node = NODE_PACKAGES.has(dir);
  return {
    input,
    external,
    plugins: [nodeResolve({ exportConditions: ['source'], extensions: ['.ts', '.tsx', '.mjs', '.js'], preferBuiltins: node }), transpile({ node })],
    output: {
      dir: path.join(root, 'packages', dir, 'dist'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    onwarn,
  };
}

/**
 * Browser bundles that inline everything they use.
 * - The script tag: `cartlift.js` is a tiny classic-script loader (IIFE) that
 *   captures its own data attributes and the pre-init queue, then imports the
 *   ESM boot module; features are ESM chunks loaded with dynamic import(), so
 *   preact and core are shared by every chunk instead of copied into each.
 * - The sandbox's Stripe.js look-alike: a classic script defining window.Stripe.
 */
function browserBundles() {
  const pkgDir = (dir) => path.join(root, 'packages', dir);
  const browserResolve = () => nodeResolve({ exportConditions: ['source', 'browser'], extensions: ['.ts', '.tsx', '.mjs', '.js'], browser: true });
  const list = [];
  if (!only || only.includes('cartlift')) {
    list.push(
      {
        input: { 'cartlift-boot': path.join(pkgDir('cartlift'), 'src/script-tag/boot.ts') },
        // Hashed chunks from earlier builds would linger and be served (and measured): start clean.
        plugins: [clean(path.join(pkgDir('cartlift'), 'dist/cdn')), browserResolve(), transpile({ minify: true }), fetchedImports],
        output: {
          dir: path.join(pkgDir('cartlift'), 'dist/cdn'),
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          manualChunks: scriptTagChunks(path.join(pkgDir('cartlift'), 'src/script-tag/boot.ts')),
        },
        onwarn,
      },
      {
        input: path.join(pkgDir('cartlift'), 'src/script-tag/loader.ts'),
        // Last of the script tag's builds: the loader and boot files are final when it writes.
        plugins: [browserResolve(), transpile({ minify: true }), integrityFile(path.join(pkgDir('cartlift'), 'dist/cdn'), ['cartlift.js', 'cartlift-boot.js'])],
        // No "use strict" in the loader: it relies on nothing strict mode changes, and the first download has no bytes to spare.
        output: { file: path.join(pkgDir('cartlift'), 'dist/cdn/cartlift.js'), format: 'iife', strict: false },
        onwarn,
      },
    );
  }
  const stripeJs = path.join(pkgDir('stripe-sandbox'), 'src/stripe-js/index.ts');
  if ((!only || only.includes('stripe-sandbox')) && fs.existsSync(stripeJs)) {
    list.push({
      input: stripeJs,
      plugins: [browserResolve(), transpile({ minify: true })],
      output: { file: path.join(pkgDir('stripe-sandbox'), 'dist/stripe-js.js'), format: 'iife' },
      onwarn,
    });
  }
  const consoleEntry = path.join(pkgDir('server'), 'console-app/main.tsx');
  if (!only || only.includes('server')) {
    // The marketer console: one module and one stylesheet that @cartlift/server serves itself.
    list.push({
      input: consoleEntry,
      plugins: [browserResolve(), transpile({ minify: true }), copyAsset(path.join(pkgDir('server'), 'console-app/console.css'), 'console.css')],
      output: { dir: path.join(pkgDir('server'), 'dist/console'), format: 'es', entryFileNames: 'console.js', inlineDynamicImports: true },
      onwarn,
    });
  }
  return list;
}

/** Emits a file as it is beside the bundle (the console's stylesheet). */
function copyAsset(file, fileName) {
  return {
    name: 'copy-asset',
    buildStart() {
      this.addWatchFile(file);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: fs.readFileSync(file, 'utf8') });
    },
  };
}

/**
 * Writes `integrity.json` beside the script tag's entry files once they are
 * on disk: each file's Subresource Integrity hash (sha384 of the bytes
 * written), for a `<script integrity>` that loads them from a CDN mirroring npm.
 */
function integrityFile(dir, names) {
  return {
    name: 'integrity-file',
    writeBundle() {
      const sri = (name) =>
        `sha384-${createHash('sha384')
          .update(fs.readFileSync(path.join(dir, name)))
          .digest('base64')}`;
      const hashes = Object.fromEntries(names.map((name) => [name, sri(name)]));
      fs.writeFileSync(path.join(dir, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
    },
  };
}

/** Empties a folder once, when its build starts. */
function clean(dir) {
  return { name: 'clean', buildStart: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function onwarn(warning, warn) {
  // An unresolved import, or a circular import in our own code, is a bug, not a warning.
  const ours = !(warning.ids ?? []).some((id) => id.includes('node_modules'));
  if (warning.code === 'UNRESOLVED_IMPORT' || (warning.code === 'CIRCULAR_DEPENDENCY' && ours)) throw new Error(warning.message);
  if (warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
}

export default [...packages.map(libraryBuild), ...browserBundles()];

// One contract, one house: the import directions of ../shared/DESIGN.md's
// "Packages" table, no import cycles inside a package, and every package
// declaring exactly what its sources import. Reads packages/*/src; no build needed.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Which of our packages each package's published code may import (DESIGN.md, "Packages"). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  discounts: ['core'],
  checkout: ['core', 'discounts'],
  analytics: ['core'],
  reviews: ['core'],
  ar: ['core'],
  server: ['core', 'discounts', 'reviews'],
  'stripe-sandbox': [],
  // The umbrella: every browser package, never server or stripe-sandbox.
  cartlift: ['core', 'discounts', 'checkout', 'reviews', 'ar', 'analytics'],
};

/**
 * Cycles allowed, by their files (sorted), each with why: none today. A new
 * cycle, or a file joining one, fails; so does an entry for a cycle that is gone.
 */
const KNOWN_CYCLES: Record<string, string> = {};

/** Tests (their support lives outside src, in each package's test folder): free to import anything declared, even server and the sandbox. */
const isTestFile = (rel: string) => /\.test\.tsx?$/.test(rel);
/** DESIGN.md: nothing imports server or stripe-sandbox "except tests, examples and the CLI". */
const isCliFile = (rel: string) => /^(bin|cli)\//.test(rel);

interface Pkg {
  dir: string;
  name: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

interface Import {
  file: string; // relative to packages/<dir>/src
  spec: string;
  /**
   * `type`: `import type` / `export type`, erased by the build, so never part of a load-order cycle.
   * `file`: `require.resolve('pkg/…')`, a package's files read, not its code run (the server serving cartlift's build).
   */
  kind: 'static' | 'dynamic' | 'type' | 'file';
}

const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const packages: Pkg[] = fs
  .readdirSync(path.join(root, 'packages'))
  .filter((dir) => fs.existsSync(path.join(root, 'packages', dir, 'package.json')))
  .map((dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8'));
    return {
      dir,
      name: pkg.name,
      dependencies: pkg.dependencies ?? {},
      peerDependencies: pkg.peerDependencies ?? {},
      devDependencies: pkg.devDependencies ?? {},
    };
  });
const byName = new Map(packages.map((p) => [p.name, p]));

function sourceFiles(dir: string): string[] {
  const src = path.join(root, 'packages', dir, 'src');
  return fs
    .readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

// Import and export statements start a line (doc comments' examples start with " *");
// their clause holds only names, braces, commas, `type`, `as` and `*`.
const STATIC = /^[ \t]*(?:import|export)([ \t]+type)?[ \t]*(?:[\w$*{},\s]*?[ \t\n]from[ \t]*)?['"]([^'"\n]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
const RESOLVED = /\brequire\.resolve\(\s*['"]([^'"\n]+)['"]\s*\)/g;

function importsOf(dir: string, file: string): Import[] {
  const code = fs.readFileSync(path.join(root, 'packages', dir, 'src', file), 'utf8');
  return [
    ...[...code.matchAll(STATIC)].map((m) => ({ file, spec: m[2]!, kind: m[1] ? ('type' as const) : ('static' as const) })),
    ...[...code.matchAll(DYNAMIC)].map((m) => ({ file, spec: m[1]!, kind: 'dynamic' as const })),
    ...[...code.matchAll(RESOLVED)].map((m) => ({ file, spec: m[1]!, kind: 'file' as const })),
  ];
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(packageOf(spec));
const ours = (name: string) => byName.get(name)?.dir;

const all = packages.map((pkg) => ({ pkg, files: sourceFiles(pkg.dir), imports: sourceFiles(pkg.dir).flatMap((f) => importsOf(pkg.dir, f)) }));

describe('import directions (DESIGN.md, "Packages")', () => {
  it('reads the imports of every package', () => {
    expect(Object.keys(MAY_IMPORT).sort(), 'every folder in packages/ needs a row in MAY_IMPORT (and DESIGN.md)').toEqual(packages.map((p) => p.dir).sort());
    expect(all.reduce((n, p) => n + p.imports.length, 0)).toBeGreaterThan(100);
  });

  for (const { pkg, imports } of all) {
    it(`${pkg.name} imports only what its row allows`, () => {
      const problems: string[] = [];
      for (const { file, spec, kind } of imports) {
        const where = `packages/${pkg.dir}/src/${file}`;
        // Reading another package's built files runs none of its code: no import direction to keep.
        if (kind === 'file') continue;
        if (spec.startsWith('.')) {
          const target = path.resolve(root, 'packages', pkg.dir, 'src', path.dirname(file), spec);
          const inside = target.startsWith(path.join(root, 'packages', pkg.dir, 'src') + path.sep);
          if (!inside && !isTestFile(file))
            problems.push(`${where} imports "${spec}", outside packages/${pkg.dir}/src: import the other package by its npm name.`);
          continue;
        }
        const dir = ours(packageOf(spec));
        if (!dir || dir === pkg.dir) continue;
        if (isTestFile(file)) continue;
        if ((dir === 'server' || dir === 'stripe-sandbox') && isCliFile(file)) continue;
        if (!MAY_IMPORT[pkg.dir]!.includes(dir)) {
          const allowed = MAY_IMPORT[pkg.dir]!.map((d) => byName.get(packages.find((p) => p.dir === d)!.name)!.name);
          problems.push(
            `${where} imports "${spec}", but ${pkg.name} may import ${allowed.length ? `only ${allowed.join(', ')}` : 'none of our packages'} (DESIGN.md, "Packages").`,
          );
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

/** Strongly connected components (Tarjan) of a package's relative-import graph: its cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) connect(v);
  return found;
}

describe('no import cycles inside a package', () => {
  const seen = new Set<string>();
  for (const { pkg, files, imports } of all) {
    it(`${pkg.name} has no import cycle but the known ones`, () => {
      const set = new Set(files);
      const graph = new Map<string, string[]>(files.filter((f) => !isTestFile(f)).map((f) => [f, []]));
      for (const { file, spec, kind } of imports) {
        if (!spec.startsWith('.') || isTestFile(file) || kind === 'type' || kind === 'file') continue;
        const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '');
        const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((f) => set.has(f));
        if (target && !isTestFile(target)) graph.get(file)!.push(target);
      }
      const problems: string[] = [];
      for (const component of cycles(graph)) {
        const key = `${pkg.dir}: ${component.join(', ')}`;
        seen.add(key);
        if (!KNOWN_CYCLES[key])
          problems.push(
            `packages/${pkg.dir}/src has an import cycle through ${component.join(', ')}: break it (pass a function in, or move the shared part to a module both import).`,
          );
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
  it('lists no known cycle that is gone', () => {
    const gone = Object.keys(KNOWN_CYCLES).filter((key) => !seen.has(key));
    expect(gone, `remove from KNOWN_CYCLES (test/architecture/imports.test.ts) the cycles that no longer exist: ${gone.join('; ')}`).toEqual([]);
  });
});

describe('dependencies declared where used, removed where unused', () => {
  for (const { pkg, imports } of all) {
    it(`${pkg.name}'s package.json matches its imports`, () => {
      const runtime = { ...pkg.dependencies, ...pkg.peerDependencies };
      const forTests = { ...runtime, ...pkg.devDependencies, ...rootPkg.devDependencies };
      const used = new Set<string>();
      const problems: string[] = [];
      for (const { file, spec } of imports) {
        if (spec.startsWith('.') || isBuiltin(spec)) continue;
        const name = packageOf(spec);
        if (name === pkg.name) continue;
        const where = `packages/${pkg.dir}/src/${file}`;
        if (isTestFile(file)) {
          if (!(name in forTests))
            problems.push(
              `${where} (a test) imports "${spec}", but neither packages/${pkg.dir}/package.json nor the root package.json declares ${name}: add it to devDependencies.`,
            );
          continue;
        }
        used.add(name);
        if (!(name in runtime))
          problems.push(`${where} imports "${spec}", but packages/${pkg.dir}/package.json declares no ${name} in dependencies or peerDependencies.`);
      }
      for (const name of Object.keys(runtime)) {
        if (!used.has(name))
          problems.push(
            `packages/${pkg.dir}/package.json declares ${name}, but nothing in packages/${pkg.dir}/src outside the tests imports it: remove it (or move it to devDependencies).`,
          );
      }
      expect([...new Set(problems)], [...new Set(problems)].join('\n')).toEqual([]);
    });
  }
});

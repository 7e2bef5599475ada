import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The version is put in at build time from package.json (rollup.config.mjs,
// `__CARTLIFT_VERSION__`), never written by hand in the sources.
const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'packages/cartlift/package.json'), 'utf8')) as { version: string };

function jsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));
}

describe('version from package.json', () => {
  it("window.Cartlift.version in the built script tag is cartlift's package.json version", () => {
    const files = jsFiles(path.join(root, 'packages/cartlift/dist/cdn'));
    expect(files.length, 'run `npm run build` first').toBeGreaterThan(0);
    const carrying = files.filter((f) => fs.readFileSync(f, 'utf8').includes(`version:${JSON.stringify(pkg.version)}`));
    expect(
      carrying.map((f) => path.relative(root, f)),
      `one built script-tag file should carry version:"${pkg.version}"`,
    ).toHaveLength(1);
  });

  it('leaves no __CARTLIFT_VERSION__ placeholder in any built package', () => {
    const left = fs
      .readdirSync(path.join(root, 'packages'))
      .flatMap((dir) => jsFiles(path.join(root, 'packages', dir, 'dist')))
      .filter((f) => fs.readFileSync(f, 'utf8').includes('__CARTLIFT_VERSION__'));
    expect(
      left.map((f) => path.relative(root, f)),
      'the build must replace __CARTLIFT_VERSION__ (rollup.config.mjs define)',
    ).toEqual([]);
  });
});

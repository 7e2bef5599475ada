// The docs quote the script tag's sizes and budgets; this checks them against
// what the build measures (as nanostores does), so they can't drift. Byte
// figures must be within 2% of the measurement; KB figures must be the
// measurement rounded to the digits they show (or within 2%); quoted budgets
// must equal the budgets test/size/script-tag.test.ts enforces.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, type Budgeted, cdnBuilt, gzipSize, type Measured, scriptTagFiles } from './measure';

const root = path.resolve(import.meta.dirname, '../..');
const KB = 1024;

/** What a captured figure is: a size in KB or bytes, or a budget in KB. */
type Figure = [Measured, 'kb' | 'bytes'] | [Budgeted, 'budget'];

interface Claim {
  file: string;
  pattern: RegExp;
  /** One per capture group of `pattern`. */
  figures: Figure[];
}

const CLAIMS: Claim[] = [
  { file: 'README.md', pattern: /The first download is under ([\d.]+) KB gzip/, figures: [['first', 'budget']] },
  { file: 'docs/script-tag.md', pattern: /`cartlift\.js` is a ([\d.]+) KB loader/, figures: [['loader', 'kb']] },
  { file: 'docs/script-tag.md', pattern: /everything downloaded before the first interaction is at most ([\d.]+) KB gzip/, figures: [['first', 'budget']] },
  { file: 'docs/development.md', pattern: /half the ([\d.]+) KB budget/, figures: [['first', 'budget']] },
  {
    file: 'docs/checkout.md',
    pattern: /one lazy chunk of ([\d.]+) KB gzip \(([\d,]+) B\) against a ([\d.]+) KB budget/,
    figures: [
      ['checkout', 'kb'],
      ['checkout', 'bytes'],
      ['checkout', 'budget'],
    ],
  },
  {
    file: 'docs/checkout.md',
    pattern: /a chunk of their own \(([\d.]+) KB gzip, ([\d,]+) B, budget ([\d.]+) KB\)/,
    figures: [
      ['payment', 'kb'],
      ['payment', 'bytes'],
      ['payment', 'budget'],
    ],
  },
  {
    file: 'docs/checkout.md',
    pattern: /a chunk fetched as the sheet opens \(([\d.]+) KB gzip, ([\d,]+) B, budget ([\d.]+) KB\)/,
    figures: [
      ['address', 'kb'],
      ['address', 'bytes'],
      ['address', 'budget'],
    ],
  },
  {
    file: 'docs/checkout.md',
    pattern: /is a third chunk \(([\d.]+) KB gzip, budget ([\d.]+) KB\)/,
    figures: [
      ['landing', 'kb'],
      ['landing', 'budget'],
    ],
  },
  {
    file: 'docs/checkout.md',
    pattern: /"added" bar .* is a fourth \(([\d.]+) KB gzip, budget ([\d.]+) KB\)/,
    figures: [
      ['toast', 'kb'],
      ['toast', 'budget'],
    ],
  },
  {
    file: 'docs/checkout.md',
    pattern: /"Review later" button .* is a fifth \(([\d,]+) B gzip, budget ([\d.]+) KB\)/,
    figures: [
      ['reviewLater', 'bytes'],
      ['reviewLater', 'budget'],
    ],
  },
  {
    file: 'docs/reviews.md',
    pattern: /The form is a chunk of its own \(([\d.]+) KB gzip, ([\d,]+) B, budget ([\d.]+) KB;/,
    figures: [
      ['reviewForm', 'kb'],
      ['reviewForm', 'bytes'],
      ['reviewForm', 'budget'],
    ],
  },
  { file: 'docs/analytics.md', pattern: /it is not part of the ([\d.]+) KB first download/, figures: [['first', 'budget']] },
  {
    file: 'docs/analytics.md',
    pattern: /chunks of their own \(about ([\d.]+) KB and ([\d.]+) KB gzip\)/,
    figures: [
      ['ga4', 'kb'],
      ['segment', 'kb'],
    ],
  },
  { file: 'docs/analytics.md', pattern: /the plugin with the collector is about ([\d.]+) KB/, figures: [['analytics', 'kb']] },
  {
    file: 'docs/reviews.md',
    pattern: /the widget is a chunk of its own \(([\d.]+) KB gzip, ([\d,]+) B, budget ([\d.]+) KB\)/,
    figures: [
      ['reviews', 'kb'],
      ['reviews', 'bytes'],
      ['reviews', 'budget'],
    ],
  },
  {
    file: 'docs/ar.md',
    pattern: /one chunk\s+of about ([\d.]+) KB gzip \(([\d,]+) B, budget ([\d.]+) KB\)/,
    figures: [
      ['ar', 'kb'],
      ['ar', 'bytes'],
      ['ar', 'budget'],
    ],
  },
  {
    file: 'docs/ar.md',
    pattern: /\(about ([\d.]+) KB gzip, ([\d,]+) B, budget ([\d.]+) KB\) fetched only when clicked/,
    figures: [
      ['qr', 'kb'],
      ['qr', 'bytes'],
      ['qr', 'budget'],
    ],
  },
];

/** Does a quoted KB figure, shown with its digits, stand for `bytes`? */
function kbMatches(quoted: string, bytes: number): boolean {
  const decimals = quoted.split('.')[1]?.length ?? 0;
  const rounded = Number((bytes / KB).toFixed(decimals));
  return rounded === Number(quoted) || Math.abs(Number(quoted) * KB - bytes) <= 0.02 * bytes;
}

describe('docs quote the measured sizes and the enforced budgets', () => {
  it('every figure a doc quotes matches the build', () => {
    expect(cdnBuilt(), 'run `npm run build` first').toBe(true);
    const files = scriptTagFiles();
    const measured = Object.fromEntries(Object.entries(files).map(([key, list]) => [key, list.reduce((sum, f) => sum + gzipSize(f), 0)])) as Record<
      Measured,
      number
    >;
    const problems: string[] = [];
    for (const { file, pattern, figures } of CLAIMS) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const match = pattern.exec(text);
      if (!match) {
        problems.push(`${file} no longer says what ${pattern} looks for: update the claim in test/size/docs.test.ts with the new wording (and figure).`);
        continue;
      }
      figures.forEach(([key, kind], i) => {
        const quoted = match[i + 1]!;
        if (kind === 'budget') {
          const budget = BUDGETS[key as Budgeted];
          if (Number(quoted) * KB !== budget)
            problems.push(`${file} quotes a ${quoted} KB budget for ${key}, but the size test enforces ${budget / KB} KB (${budget} B).`);
        } else if (kind === 'bytes') {
          const bytes = Number(quoted.replace(/,/g, ''));
          if (Math.abs(bytes - measured[key]) > 0.02 * measured[key])
            problems.push(
              `${file} quotes ${quoted} B for ${key}, but the build measures ${measured[key].toLocaleString('en-US')} B gzip (more than 2% apart).`,
            );
        } else if (!kbMatches(quoted, measured[key])) {
          problems.push(`${file} quotes ${quoted} KB for ${key}, but the build measures ${measured[key]} B gzip = ${(measured[key] / KB).toFixed(2)} KB.`);
        }
      });
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

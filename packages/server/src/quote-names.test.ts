import { describe, expect, test } from 'vitest';
import { storeVariants, useHarness } from '../test/harness.js';
import { localName } from './catalog.js';

// The drawer shows each line's name from the quote, in the shopper's locale: the quote carries every locale's name.
describe.each(storeVariants().slice(0, 1))('POST /quote names each line in every catalog locale on $name', ({ open }) => {
  const h = useHarness(open);

  test("answers the catalog's names per locale for lines the page named in English, whatever name the page sent", async () => {
    const res = await h.call('POST', '/quote', {
      lines: [
        { sku: 'TEA-LJ-100', quantity: 1, name: 'West Lake Longjing tea 100 g' },
        { sku: 'CUP-CELADON', quantity: 2, name: 'A name the page made up' },
      ],
    });
    expect(res.status).toBe(200);
    const names = res.body.lines.map((line: { name: unknown }) => line.name);
    expect(names).toEqual([
      { en: 'West Lake Longjing tea 100 g', 'zh-CN': '西湖龙井 100克' },
      { en: 'Celadon tea cup', 'zh-CN': '青瓷茶杯' },
    ]);
    expect(names.map((name: Record<string, string>) => localName(name, 'zh-CN'))).toEqual(['西湖龙井 100克', '青瓷茶杯']);
    expect(names.map((name: Record<string, string>) => localName(name, 'en'))).toEqual(['West Lake Longjing tea 100 g', 'Celadon tea cup']);
  });
});

describe.each(storeVariants().slice(0, 1))('POST /quote with plain-string catalog names on $name', ({ open }) => {
  const h = useHarness(open, { catalog: [{ sku: 'PLAIN-1', name: 'Plain tea', price: 500, currency: 'USD' }] });

  test('a catalog name given as one string is the name in every locale', async () => {
    const res = await h.call('POST', '/quote', { lines: [{ sku: 'PLAIN-1', quantity: 1 }] });
    expect(res.status).toBe(200);
    expect(res.body.lines[0].name).toBe('Plain tea');
    expect(localName(res.body.lines[0].name, 'zh-CN')).toBe('Plain tea');
  });
});

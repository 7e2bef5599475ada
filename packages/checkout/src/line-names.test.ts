import { describe, expect, it } from 'vitest';
import { learnNames, lineName } from './line-names.js';

const cup = { sku: 'CUP-CELADON', name: 'Celadon tea cup' };
const quoted = { lines: [{ sku: 'CUP-CELADON', name: { en: 'Celadon tea cup', 'zh-CN': '青瓷茶杯' } }, { sku: 'NO-NAME' }] };

describe('line names', () => {
  it("shows the catalog's name in the shopper's locale once the server has named the line", () => {
    const names = learnNames(new Map(), quoted);
    expect(lineName(cup, names, 'zh-CN')).toBe('青瓷茶杯');
    expect(lineName({ sku: 'CUP-CELADON', name: '青瓷茶杯' }, names, 'en')).toBe('Celadon tea cup');
  });

  it("keeps the page's name, then the sku, for a line the server has not named", () => {
    const names = learnNames(new Map(), quoted);
    expect(lineName({ sku: 'NO-NAME', name: 'From the page' }, names, 'zh-CN')).toBe('From the page');
    expect(lineName({ sku: 'NO-NAME' }, names, 'zh-CN')).toBe('NO-NAME');
    expect(lineName(cup, new Map(), 'zh-CN')).toBe('Celadon tea cup');
  });

  it('keeps names across quotes, so a re-quoted cart does not flip back to the page name', () => {
    const names = learnNames(new Map(), quoted);
    learnNames(names, undefined);
    learnNames(names, { lines: [{ sku: 'TEA-LJ-100', name: '西湖龙井' }] });
    expect(lineName(cup, names, 'zh-CN')).toBe('青瓷茶杯');
    // A plain-string catalog name is the name in every locale.
    expect(lineName({ sku: 'TEA-LJ-100', name: 'Longjing' }, names, 'en')).toBe('西湖龙井');
  });
});

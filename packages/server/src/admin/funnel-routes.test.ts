import { describe, expect, test } from 'vitest';
import { wireEvent } from '../../test/analytics-harness.js';
import { storeVariants, unique, useHarness } from '../../test/harness.js';
import { addAdminUser } from './users.js';

const PASSWORD = 'tea-and-celadon-cups';
const DAY = Date.parse('2031-03-01T10:00:00Z');

/** 30 shoppers who filtered reviews and added to cart, 30 who only viewed. */
function events() {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < 30; i++) {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const filtered = { value: 0, items: [], product: 'TEA-LJ-100', filter: 'topic', filter_value: '回甘', total: 2 };
    out.push(wireEvent('view_item', { anonymous_id: a, cart_id: `c-${a}`, time: DAY }));
    out.push(wireEvent('review_filter_applied', { anonymous_id: a, cart_id: `c-${a}`, time: DAY + 1, ...filtered }));
    out.push(wireEvent('add_to_cart', { anonymous_id: a, cart_id: `c-${a}`, time: DAY + 2 }));
    out.push(wireEvent('view_item', { anonymous_id: b, cart_id: `c-${b}`, time: DAY }));
  }
  return out;
}

describe.each(storeVariants())("the console's reviews-filter comparison on $name", ({ open }) => {
  const h = useHarness(open);

  async function viewer() {
    const email = `${unique('viewer')}@example.com`;
    await addAdminUser(h.store, { email, role: 'viewer', password: PASSWORD, now: Date.now() });
    const res = await h.call('POST', '/admin/api/login', { email, password: PASSWORD }, { 'x-test-ip': unique('ip') });
    const token = /cartlift_admin=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    return (path: string) => h.call('GET', path, undefined, { cookie: `cartlift_admin=${token}` });
  }

  test('compares the range for any signed-in role', async () => {
    const posted = await h.call('POST', '/events', { events: events() });
    expect(posted.body).toMatchObject({ accepted: 120, invalid: [] });
    const read = await viewer();
    const res = await read('/admin/api/review-filters?from=2031-03-01&to=2031-03-01&by=day');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2031-03-01T00:00:00.000Z', to: '2031-03-02T00:00:00.000Z' });
    expect(res.body.reviewFilters).toMatchObject({ filteredShoppers: 30, unfilteredShoppers: 30 });
    expect(res.body.reviewFilters.rates.map((rate: { verdict: string }) => rate.verdict)).toEqual(['higher', 'no_clear_difference', 'no_clear_difference']);
  });

  test('answers nobody without a session, and names a bad range parameter', async () => {
    expect((await h.call('GET', '/admin/api/review-filters')).status).toBe(401);
    const read = await viewer();
    const bad = await read('/admin/api/review-filters?from=yesterday');
    expect([bad.status, bad.body.error.field]).toEqual([400, 'from']);
    expect(bad.body.error.message).toMatch(/^from must be a UTC date .*; received "yesterday"\.$/);
  });
});

import { describe, expect, test } from 'vitest';
import { storeVariants, useHarness } from '../../test/harness.js';
import { signedIn } from '../../test/console-session.js';

describe.each(storeVariants())('console pages on $name', ({ open }) => {
  const h = useHarness(open);

  const cookieOf = async () => (await signedIn(h, 'viewer')).headers.cookie;

  test('the console page sends anyone without a session to the sign-in page', async () => {
    const res = await h.call('GET', '/admin');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/api/cartlift/admin/login');
    const stale = await h.call('GET', '/admin', undefined, { cookie: 'cartlift_admin=not-a-session' });
    expect(stale.status).toBe(303);
  });

  test('signed in, the page is the app shell under a strict policy: no inline script or style, never framed', async () => {
    const res = await h.call('GET', '/admin', undefined, { cookie: await cookieOf() });
    expect(res.status).toBe(200);
    const policy = res.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = res.body as string;
    expect(page).toContain('<script type="module" src="/api/cartlift/admin/console.js"></script>');
    expect(page).toContain('data-base-path="/api/cartlift"');
    expect(page).not.toMatch(/<script>|<style|style="/);
  });

  test('the sign-in page answers without a session', async () => {
    const res = await h.call('GET', '/admin/login');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  test('the catalog route needs a session and lists products for the preview picker', async () => {
    expect((await h.call('GET', '/admin/api/catalog')).status).toBe(401);
    const res = await h.call('GET', '/admin/api/catalog', undefined, { cookie: await cookieOf() });
    expect(res.status).toBe(200);
    const body = res.body as { listed: boolean; products: { sku: string; price: number }[] };
    expect(body.listed).toBe(true);
    expect(body.products.length).toBeGreaterThan(0);
    expect(Object.keys(body.products[0]!).sort()).toEqual(['currency', 'name', 'price', 'sku', 'tags']);
  });
});

import type { Page } from '@playwright/test';
import { drawer, openCart, openStore } from './checkout-helpers';
import { booted, expect, test } from './fixtures';

/** Every POST /quote the page sends from now on, as the bodies it sent. */
function quotesSent(page: Page): { contact?: { email?: string } }[] {
  const bodies: { contact?: { email?: string } }[] = [];
  page.on('request', (r) => r.url().endsWith('/api/cartlift/quote') && r.method() === 'POST' && bodies.push(r.postDataJSON()));
  return bodies;
}

/** Saves a shopper profile the way "Remember me" does: Cartlift's IndexedDB, key "profile". */
async function saveProfile(page: Page, email: string): Promise<void> {
  await page.evaluate(
    (email) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cartlift');
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put({ email }, 'profile');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    email,
  );
}

/**
 * Opens the drawer on a cart of two and waits until it has settled: priced
 * by the server, its wallet button up (the wallet mounts with the drawer's
 * quote, instead of asking its own), and no quote pending. The drawer reads
 * the saved profile before its first quote, so none follows for the email.
 */
async function openPricedDrawer(page: Page): Promise<void> {
  await openCart(page);
  await expect(drawer(page).locator('dl .total dt')).toHaveText('Total');
  await expect(page.locator('cartlift-drawer > [slot=express]').getByRole('button', { name: 'Pay (test wallet)' })).toBeVisible();
  await expect(drawer(page).getByText('Updating prices')).toHaveCount(0);
}

for (const profile of [false, true]) {
  test(`opening the drawer ${profile ? 'with' : 'without'} a saved profile asks the server for one quote`, async ({ page, problems }) => {
    await openStore(page);
    await page.getByRole('button', { name: /Add two/ }).click();
    // Stored before the reload: add_to_cart (which the demo page marks on <html>) follows the write;
    // the badge is optimistic and updates before it.
    await expect(page.locator('html')).toHaveAttribute('data-last-added', 'SET-GIFT');
    if (profile) await saveProfile(page, 'quote.once@example.com');
    await page.reload();
    await booted(page);
    const bodies = quotesSent(page);
    await openPricedDrawer(page);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.contact?.email).toBe(profile ? 'quote.once@example.com' : undefined);
    expect(problems.uncaught).toEqual([]);
  });
}

test('a drawer chunk that failed to load is fetched again on the next click, and the drawer opens', async ({ page, problems }) => {
  await openStore(page);
  const errors: string[] = [];
  await page.exposeFunction('drawerError', (code: string) => errors.push(code));
  await page.evaluate(() =>
    (window as unknown as { Cartlift: { on(n: string, f: (e: { code: string }) => void): void } }).Cartlift.on('error', (e) =>
      (window as unknown as { drawerError(c: string): void }).drawerError(e.code),
    ),
  );
  await page.route('**/chunks/checkout-*.js', (route) => route.abort('internetdisconnected'));
  await openCart(page);
  await expect.poll(() => errors).toEqual(['chunk_load_failed']);
  await expect(page.getByRole('dialog', { name: /Your cart/ })).toHaveCount(0);
  await page.unroute('**/chunks/checkout-*.js');
  await openCart(page);
  await expect(page.getByRole('dialog', { name: /Your cart/ })).toBeVisible();
  expect(problems.uncaught).toEqual([]);
});

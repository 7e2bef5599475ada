import type { Locator, Page } from '@playwright/test';
import Stripe from 'stripe';
import { booted, expect } from './fixtures';

/** A unique shopper email per test, so first-purchase facts don't leak between tests. */
export const newEmail = (tag: string) => `${tag}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.com`;

/**
 * The real stripe client pointed at the demo server's sandbox (found through
 * /config's stripeJsUrl), to check what reached "Stripe". The sandbox accepts
 * only the key it was started with: playwright.config.ts picks it for the run.
 */
export async function stripeFor(page: Page): Promise<Stripe> {
  const config = await (await page.request.get('/api/cartlift/config')).json();
  const url = new URL(config.stripeJsUrl);
  const key = process.env.CARTLIFT_SANDBOX_SECRET_KEY;
  if (!key) throw new Error("CARTLIFT_SANDBOX_SECRET_KEY must be set (playwright.config.ts sets it) to the demo sandbox's secret key; received nothing.");
  return new Stripe(key, { host: url.hostname, port: Number(url.port), protocol: 'http', telemetry: false });
}

/** PaymentIntents the sandbox holds for one shopper email. */
export async function intentsFor(stripe: Stripe, email: string): Promise<Stripe.PaymentIntent[]> {
  const list = await stripe.paymentIntents.list({ limit: 100 });
  return list.data.filter((pi) => pi.receipt_email === email);
}

export function drawer(page: Page): Locator {
  return page.getByRole('dialog');
}

/** Counts the shopper's clicks and the fields they type into, for the report. */
export function effort() {
  const counts = { clicks: 0, fields: new Set<string>() };
  return {
    counts,
    click: async (target: Locator, options?: Parameters<Locator['click']>[0]) => {
      counts.clicks++;
      await target.click(options);
    },
    fill: async (target: Locator, value: string, label: string) => {
      counts.fields.add(label);
      await target.fill(value);
    },
  };
}

export async function openStore(page: Page): Promise<void> {
  await page.goto('/');
  await booted(page);
}

/** Opens the drawer from the header's <cartlift-cart> button. */
export async function openCart(page: Page): Promise<void> {
  await page.locator('cartlift-cart').getByRole('button').first().click();
}

const STRIPE_JS = '**/v3/**';

/** Makes Stripe.js unreachable, as an ad blocker or a dead network would, until `unblockStripeJs`. */
export const blockStripeJs = (page: Page) => page.route(STRIPE_JS, (route) => route.abort('blockedbyclient'));
export const unblockStripeJs = (page: Page) => page.unroute(STRIPE_JS);

/** Contact and a US address (the English store's default country) as a new shopper types them. */
export async function fillContact(page: Page, e: ReturnType<typeof effort>, email: string): Promise<void> {
  const d = drawer(page);
  await e.fill(d.getByLabel('Email'), email, 'email');
  await e.fill(d.getByLabel('Full name'), 'Li Wei', 'name');
  await e.fill(d.getByLabel('Address', { exact: true }), '1 Infinite Loop', 'address');
  await e.fill(d.getByLabel('City'), 'Cupertino', 'city');
  await d.getByLabel('State').selectOption('CA');
  e.counts.fields.add('state');
  await e.fill(d.getByLabel('ZIP code'), '95014', 'ZIP code');
}

export async function fillCard(page: Page, e: ReturnType<typeof effort>, number = '4242424242424242'): Promise<void> {
  await expect(page.getByLabel('Card number')).toBeVisible();
  await e.fill(page.getByLabel('Card number'), number, 'card number');
  await e.fill(page.getByLabel(/Expiration date/), '12/40', 'card expiry');
  await e.fill(page.getByLabel(/Security code/), '123', 'card cvc');
}

/** The celadon cup (the store's second product) added and the cart opened. */
export async function cupInCart(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: /Add to cart/ })
    .nth(1)
    .click();
  await openCart(page);
}

/** The celadon cup in the cart (`cupInCart`) and Checkout pressed (`checkout`: its name in the page's language). */
export async function cupAtCheckout(page: Page, checkout = 'Checkout'): Promise<void> {
  await cupInCart(page);
  await drawer(page).getByRole('button', { name: checkout, exact: true }).click();
}

/**
 * A first order paid by card with "Remember my details" ticked (the celadon
 * cup, with `codes` applied in the drawer first): later visits are a
 * returning shopper's.
 */
export async function payRemembered(page: Page, email: string, codes: string[] = []): Promise<void> {
  await openStore(page);
  await cupInCart(page);
  for (const code of codes) {
    await drawer(page).getByLabel('Coupon code').fill(code);
    await drawer(page).getByRole('button', { name: 'Apply' }).click();
    await expect(drawer(page).locator('dl')).toContainText(code);
  }
  await drawer(page).getByRole('button', { name: 'Checkout', exact: true }).click();
  await fillContact(page, effort(), email);
  await drawer(page)
    .getByLabel(/Remember my details/)
    .check();
  await fillCard(page, effort());
  await drawer(page).getByRole('button', { name: /^Pay / }).click();
  await paidIntentId(page);
}

/** The amount in "Pay $81.00", in minor units. */
export async function payAmount(page: Page): Promise<number> {
  const button = drawer(page).getByRole('button', { name: /^Pay / });
  // Enabled once the server has priced this cart for this shopper: the amount it will charge.
  await expect(button).toBeEnabled();
  const text = await button.innerText();
  return Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);
}

/**
 * The PaymentIntent of the order shown once paid: the thank-you screen shows
 * the order number, and the address bar keeps the intent id (`cartlift-order`)
 * so a reload shows the screen again.
 */
export async function paidIntentId(page: Page): Promise<string> {
  // The drawer also has its cart-change live region (role=status): pick the confirmation.
  const status = drawer(page)
    .getByRole('status')
    .filter({ hasText: /Your payment went through|支付已完成/ });
  await expect(status).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => new URL(page.url()).searchParams.get('cartlift-order')).toMatch(/^pi_/);
  const id = new URL(page.url()).searchParams.get('cartlift-order')!;
  expect(await status.innerText()).toContain(id.replace(/^pi_/, '').slice(-9).toUpperCase());
  return id;
}

/** Sum of layout shifts without recent input, as CLS counts them. */
export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // A measuring window, not a wait for a condition: the observer is called only if there are shifts.
        setTimeout(() => resolve(total), 300);
      }),
  );
}

/**
 * The shopper profile saved in Cartlift's IndexedDB (database "cartlift",
 * store "kv", key "profile"), read directly: undefined when none is saved.
 */
export async function savedProfile(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('cartlift');
        // A database this call creates gets the store idb-keyval would have made, so Cartlift can still use it.
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('kv').objectStore('kv').get('profile');
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => {
            db.close();
            reject(get.error);
          };
        };
      }),
  );
}

/** Starts recording the named Cartlift events (payloads with their `name`); read them with `recorded`. */
export async function recordEvents(page: Page, names: string[]): Promise<void> {
  await page.evaluate((names) => {
    const w = window as unknown as { recorded: unknown[]; Cartlift: { on(name: string, f: (e: object) => void): void } };
    w.recorded = [];
    for (const name of names) w.Cartlift.on(name, (e) => w.recorded.push({ name, ...e }));
  }, names);
}

type Recorded = { name: string; items: { item_id: string; quantity: number }[]; value: number; [key: string]: unknown };
export const recorded = (page: Page): Promise<Recorded[]> => page.evaluate(() => (window as unknown as { recorded: Recorded[] }).recorded);

/** Holds the drawer's POST /quote requests until `release()`: the server "thinks" as long as the test wants. */
export async function holdQuotes(page: Page): Promise<{ release(): void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/cartlift/quote', async (route) => {
    await held;
    await route.continue();
  });
  return { release };
}

/**
 * Opens the demo store with the script tag's data-locale set to `locale`, as
 * the parser inserts the tag. (Rewriting the page through a route would match
 * other URLs ending in "/", such as the sandbox's Stripe.js, and would take
 * the page out of the loopback address space, where Chromium then blocks the
 * local Stripe sandbox.)
 */
export async function openStoreIn(page: Page, locale: 'en' | 'zh-CN', search = ''): Promise<void> {
  await page.addInitScript((tag) => {
    new MutationObserver((_, observer) => {
      const script = document.querySelector('script[data-locale]');
      if (!script) return;
      script.setAttribute('data-locale', tag);
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, locale);
  await page.goto(`/${search}`);
  await booted(page);
}

/** The codes and cart id of every POST /quote the page sends, in order. */
export function quoteBodies(page: Page): { codes?: string[]; cartId?: string; lines?: { sku: string }[] }[] {
  const bodies: { codes?: string[]; cartId?: string }[] = [];
  page.on('request', (r) => r.url().endsWith('/api/cartlift/quote') && r.method() === 'POST' && bodies.push(r.postDataJSON()));
  return bodies;
}

/** The cart as the page's Cartlift store holds it. */
export const pageCart = (page: Page) =>
  page.evaluate(() => (window as any).Cartlift.cart.get() as { id: string; codes?: string[]; lines: { key: string; parent?: string }[] });

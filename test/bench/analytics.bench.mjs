// Main-thread cost of tracking one funnel event with @cartlift/analytics, in
// real Chromium, on the built packages (run `npm run build` first).
// Measures the synchronous emit → plugin path (persistence and sending are
// async and happen between samples). Target: ≤ 20 µs median. Prints figures only.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCollector } from '../e2e/analytics/collector.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const harness = path.join(root, 'test/e2e/analytics');
const GROUP = 1000; // emits per timed sample: performance.now() is coarse without cross-origin isolation
const SAMPLES = 21;

const collector = await startCollector({
  files: { '/page.html': path.join(harness, 'page.html'), '/page.mjs': path.join(harness, 'page.mjs') },
  dirs: {
    '/dist/core/': path.join(root, 'packages/core/dist'),
    '/dist/analytics/': path.join(root, 'packages/analytics/dist'),
    '/dist/idb-keyval/': path.join(root, 'node_modules/idb-keyval/dist'),
  },
});
const browser = await chromium.launch({
  executablePath: process.env.CARTLIFT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${collector.url}/page.html`);
  await page.waitForFunction(() => window.ready === true);
  const result = await page.evaluate(
    async ({ GROUP, SAMPLES }) => {
      const { createCartlift, funnelEvent } = window.core;
      const bare = createCartlift({ currency: 'USD' }); // the same emitter without the plugin
      const run = async (instance) => {
        const times = [];
        for (let s = 0; s < SAMPLES + 5; s++) {
          const payloads = Array.from({ length: GROUP }, (_, i) => funnelEvent(instance.cart.get(), [{ item_id: `SKU-${i}`, quantity: 1, price: 2400 }]));
          const t0 = performance.now();
          for (const p of payloads) instance.events.emit('add_to_cart', p);
          const t1 = performance.now();
          if (s >= 5) times.push(((t1 - t0) * 1000) / GROUP); // first 5 samples warm up the JIT
          await new Promise((r) => setTimeout(r, 50)); // let persistence and sending run, untimed
        }
        times.sort((a, b) => a - b);
        return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)] };
      };
      const withPlugin = await run(window.cartlift);
      const without = await run(bare);
      await window.analyticsPlugin.flush();
      return { withPlugin, without, counters: window.analyticsPlugin.counters };
    },
    { GROUP, SAMPLES },
  );
  const f = (n) => `${n.toFixed(2)} µs`.padStart(10);
  console.log(`@cartlift/analytics: main-thread cost of tracking one event (Chromium, ${SAMPLES} samples × ${GROUP} events)`);
  console.log('                                  median       p90');
  console.log(`emit with the analytics plugin  ${f(result.withPlugin.median)} ${f(result.withPlugin.p90)}`);
  console.log(`emit without it (baseline)      ${f(result.without.median)} ${f(result.without.p90)}`);
  console.log(`plugin's share                  ${f(result.withPlugin.median - result.without.median)}             target ≤ 20 µs per event`);
  console.log(`events tracked ${result.counters.tracked}, sent so far ${result.counters.sent}, dropped by the 1000-event queue bound ${result.counters.dropped}`);
} finally {
  await browser.close();
  await collector.close();
}

// Main-thread cost of tracking one funnel event with @cartlift/analytics, in
// real Chromium, on the built packages (run `npm run build` first; this file
// builds nothing). Two figures:
// 1. the synchronous emit → plugin path, timed with performance.now() (the
//    queued work runs between samples, untimed). Target: ≤ 20 µs median.
// 2. everything the plugin then does on the main thread too (the write, the
//    IndexedDB read-modify-write, JSON in chunkBodies, fetch and its reply):
//    Chromium's own TaskDuration / ScriptDuration (CDP Performance.getMetrics)
//    over a bounded run that awaits flush(), minus the same run without the
//    plugin, divided by the events. Prints figures only.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCollector } from '../e2e/analytics/collector.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const harness = path.join(root, 'test/e2e/analytics');
const GROUP = 1000; // emits per timed sample: performance.now() is coarse without cross-origin isolation
const SAMPLES = 21;
const RUNS = 5;
const SINGLES = 100; // one event, then flush() awaited: every event written, batched and sent alone
const BURSTS = 25; // 20 events, then flush(): one write and one batch per 20 events

/**
 * Figure 2: in a fresh context (empty IndexedDB), Chromium's cumulative main-thread
 * TaskDuration and ScriptDuration around a run that awaits flush() after each
 * step, with the plugin and then the same steps on a bare emitter.
 */
async function wholeCost() {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${collector.url}/page.html`);
    await page.waitForFunction(() => window.ready === true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const measure = async (plugin, steps, size) => {
      const before = await metrics();
      await page.evaluate(
        async ({ plugin, steps, size }) => {
          const { createCartlift, funnelEvent } = window.core;
          // The same bare instance on every run, so it costs nothing to make.
          window.bare ??= createCartlift({ currency: 'USD' });
          const instance = plugin ? window.cartlift : window.bare;
          for (let s = 0; s < steps; s++) {
            for (let i = 0; i < size; i++)
              instance.events.emit('add_to_cart', funnelEvent(instance.cart.get(), [{ item_id: `SKU-${i}`, quantity: 1, price: 2400 }]));
            // The bare emitter waits as long, so idle time and the evaluate itself cancel out.
            await (plugin ? window.analyticsPlugin.flush() : new Promise((r) => setTimeout(r, 2)));
          }
          // flush() returns early while a timer's send is in flight: wait until everything is sent (bounded).
          const c = window.analyticsPlugin.counters;
          for (let i = 0; plugin && c.sent + c.dropped < c.tracked && i < 500; i++) await new Promise((r) => setTimeout(r, 2));
        },
        { plugin, steps, size },
      );
      const after = await metrics();
      return { task: after.TaskDuration - before.TaskDuration, script: after.ScriptDuration - before.ScriptDuration };
    };
    const rows = [];
    for (const [label, steps, size] of [
      ['one event at a time, each flushed (written + sent)', SINGLES, 1],
      ['bursts of 20 events, flushed after each burst', BURSTS, 20],
    ]) {
      const task = [];
      const script = [];
      await measure(true, 5, size); // warm-up
      for (let r = 0; r < RUNS; r++) {
        const withPlugin = await measure(true, steps, size);
        const without = await measure(false, steps, size);
        task.push(((withPlugin.task - without.task) * 1e6) / (steps * size));
        script.push(((withPlugin.script - without.script) * 1e6) / (steps * size));
      }
      const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      rows.push({ label, task: median(task), script: median(script), events: steps * size });
    }
    const counters = await page.evaluate(() => window.analyticsPlugin.counters);
    if (counters.sent !== counters.tracked) console.log(`warning: ${counters.tracked} tracked but ${counters.sent} sent in the flushed runs`);
    return rows;
  } finally {
    await context.close();
  }
}

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
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-quic',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${collector.url}/page.html`);
  await page.waitForFunction(() => window.ready === true);
  const whole = await wholeCost();
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
  console.log(
    `events tracked ${result.counters.tracked}, sent so far ${result.counters.sent}, dropped by the 1000-event queue bound ${result.counters.dropped}`,
  );
  console.log('');
  console.log(`including the queued work (write, IndexedDB read-modify-write, chunkBodies JSON, fetch): main-thread time per event, median of ${RUNS} runs`);
  console.log('                                                   TaskDuration  ScriptDuration');
  for (const row of whole) console.log(`${row.label.padEnd(50)} ${f(row.task)}     ${f(row.script)}`);
  console.log(
    `(Chromium's TaskDuration and ScriptDuration with the plugin minus the same run without it; ${whole[0].events} and ${whole[1].events} events, flush() awaited,`,
  );
  console.log(' every event sent before the run ends. Both are wall time of main-thread tasks: they grow when other processes take the CPU.)');
} finally {
  await browser.close();
  await collector.close();
}

import { expect, test } from 'vitest';
import { startHarness, storeVariants } from './test-support';
test('quote notApplied carries message', async () => {
  const store = await storeVariants()[0]!.open();
  const h = await startHarness(store, {});
  const res = await h.call('POST', '/quote', { lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], codes: ['NOPE1'] });
  console.log(JSON.stringify(res.body.notApplied));
  expect(res.body.notApplied[0].message).toBe('Code NOPE1 is not valid.');
  await h.close(); await store.close();
}, 60000);

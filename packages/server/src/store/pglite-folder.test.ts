import { mkdtemp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CATALOG, PROMOTIONS } from '../../test/harness.js';
import { createCartliftHandler } from '../handler.js';
import { openStore } from './open-store.js';

// The embedded database's folder holds every past buyer: it is private to the
// server's user, and a folder that is not a database is refused, never emptied.
describe('the PGlite data folder', { timeout: 60_000 }, () => {
  const made: string[] = [];
  const scratch = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cartlift-folder-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

  /** Every entry under `dir` whose mode lets the group or others in, as "mode path". */
  async function notOwnerOnly(dir: string): Promise<string[]> {
    const found: string[] = [];
    const mode = async (file: string) => {
      const bits = (await stat(file)).mode & 0o777;
      if (bits & 0o077) found.push(`${bits.toString(8)} ${path.relative(dir, file) || '.'}`);
    };
    await mode(dir);
    for (const entry of await readdir(dir, { recursive: true })) await mode(path.join(dir, entry));
    return found;
  }

  test('a missing folder is created owner-only (0700), its files too', async () => {
    const dataDir = path.join(await scratch(), 'nested', '.cartlift');
    const store = await openStore({ kind: 'pglite', dataDir });
    await store.close();
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect(await notOwnerOnly(dataDir)).toEqual([]);
  });

  test('an empty folder is used as a fresh database; an existing one reopens with its data', async () => {
    const dataDir = await scratch();
    const first = await openStore({ kind: 'pglite', dataDir });
    expect(await first.migrate()).toEqual([]);
    await first.rememberStripeCustomer('kept@example.com', 'cus_kept', 1);
    await first.close();
    const again = await openStore({ kind: 'pglite', dataDir });
    // Nothing to migrate: the same cluster, not a new one.
    expect(await again.migrate()).toEqual([]);
    expect(await again.stripeCustomerFor('kept@example.com')).toBe('cus_kept');
    await again.close();
    expect(await readdir(dataDir)).toContain('PG_VERSION');
    expect(await notOwnerOnly(dataDir)).toEqual([]);
  });

  test('a folder that is not a PGlite database is refused with a sentence naming it, and left as it was', async () => {
    const dataDir = await scratch();
    await writeFile(path.join(dataDir, 'notes.txt'), 'not a database');
    await mkdir(path.join(dataDir, 'base'));
    const before = (await readdir(dataDir, { recursive: true })).sort();
    await expect(openStore({ kind: 'pglite', dataDir })).rejects.toThrow(
      `The embedded database folder ${dataDir} is not a PGlite database (PG_VERSION is missing); move it away or point --data-dir elsewhere — nothing was changed.`,
    );
    expect((await readdir(dataDir, { recursive: true })).sort()).toEqual(before);
  });

  test('a cluster that lost PG_VERSION is refused, not re-created empty', async () => {
    const dataDir = await scratch();
    const store = await openStore({ kind: 'pglite', dataDir });
    await store.close();
    await rm(path.join(dataDir, 'PG_VERSION'));
    const files = (await readdir(dataDir, { recursive: true })).length;
    await expect(openStore({ kind: 'pglite', dataDir })).rejects.toThrow(/is not a PGlite database \(PG_VERSION is missing\)/);
    expect((await readdir(dataDir, { recursive: true })).length).toBe(files);
  });

  test('a handler whose folder is refused answers 503, then opens it once it is fixed, without a restart', async () => {
    const dataDir = await scratch();
    await writeFile(path.join(dataDir, 'notes.txt'), 'not a database');
    const handler = createCartliftHandler({
      currency: 'USD',
      catalog: CATALOG,
      promotions: PROMOTIONS,
      stripe: { secretKey: 'sk_test_unused', publishableKey: 'pk_test_unused' },
      store: { kind: 'pglite', dataDir },
      logger: { error: () => {} },
    });
    const quote = () =>
      handler(
        new Request(`http://cartlift.test${handler.basePath}/quote`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ lines: [{ sku: 'TEA-LJ-100', quantity: 1 }], contact: { email: 'folder@example.com' } }),
        }),
        { clientIp: '203.0.113.8' },
      );
    const refused = await quote();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // The operator moves the stray folder away; the next request (after the short backoff) opens a fresh one.
    await rename(dataDir, `${dataDir}-moved`);
    made.push(`${dataDir}-moved`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await quote()).status).toBe(200);
    await handler.close();
  });
});

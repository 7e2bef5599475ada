import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storeVariants } from '../../test/harness.js';
import type { Store } from '../store/types.js';
import { parseArgs } from './args.js';
import { ensureDemoOwner } from './demo-owner.js';
import { startBanner } from './start-banner.js';
import { startFromArgs } from './start.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const config = path.join(root, 'examples/cartlift.config.json');
const DEMO = 'demo@cartlift.example';

test('--demo-owner takes an email, named when it is not one', () => {
  expect(parseArgs(['--demo-owner', 'Demo@Cartlift.example']).demoOwner).toBe('Demo@Cartlift.example');
  expect(parseArgs([]).demoOwner).toBeUndefined();
  expect(() => parseArgs(['--demo-owner', 'demo'])).toThrow('--demo-owner must be an email address such as "demo@cartlift.example"; received "demo".');
  expect(() => parseArgs(['--demo-owner'])).toThrow('--demo-owner needs a value; received nothing.');
});

describe.each(storeVariants())('cartlift-server --demo-owner on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(() => store?.close());

  /** Starts the CLI on the shared store, answers what it printed and what signing in with the printed password answers. */
  async function start(argv: string[]) {
    const running = await startFromArgs(parseArgs(['--config', config, '--sandbox', '--port', '0', ...argv]), { store });
    try {
      const lines = startBanner(running, { static: [] });
      const password = running.demoOwner?.password;
      const login = password
        ? await fetch(`${running.apiUrl}/admin/api/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: DEMO, password }),
          })
        : undefined;
      return { lines, password, apiUrl: running.apiUrl, login: login && { status: login.status, body: await login.json() } };
    } finally {
      await running.close();
    }
  }

  test('without the flag no account is made', async () => {
    const { lines } = await start([]);
    expect(lines.join('\n')).not.toContain('Console');
    expect(await store.listAdminUsers()).toEqual([]);
  }, 60_000);

  test('the first start on an empty store makes the owner and prints once how to sign in; the second start prints no password', async () => {
    const first = await start(['--demo-owner', DEMO]);
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const printed = first.lines.join('\n');
    expect(printed).toContain(`Console: ${first.apiUrl}/admin`);
    expect(printed).toMatch(/Console: http:\/\/127\.0\.0\.1:\d+\/api\/cartlift\/admin\n/);
    expect(printed).toContain(`sign in as ${DEMO} with the password ${first.password}`);
    expect(printed).toContain('shown only now, and only for this demo');
    expect(first.login).toEqual({ status: 200, body: { user: { email: DEMO, role: 'owner' }, csrfToken: expect.any(String) } });
    const [added] = await store.listAuditEntries({ action: 'user_added', limit: 1 });
    expect(added).toMatchObject({ subject: DEMO, userId: null, after: { email: DEMO, role: 'owner' } });

    const second = await start(['--demo-owner', DEMO]);
    expect(second.password).toBeUndefined();
    expect(second.lines.join('\n')).not.toMatch(/password|Console/i);
    expect(second.lines.join('\n')).not.toContain(first.password);
    expect((await store.listAdminUsers()).map((user) => user.email)).toEqual([DEMO]);
  }, 60_000);

  test('a store that has any account already gets no demo owner', async () => {
    expect(await ensureDemoOwner(store, 'another-demo@cartlift.example', Date.now())).toBeNull();
    expect(await store.findAdminUserByEmail('another-demo@cartlift.example')).toBeNull();
  });
});

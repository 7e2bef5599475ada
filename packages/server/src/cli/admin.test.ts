import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storeVariants, unique } from '../../test/harness.js';
import { verifyPassword } from '../admin/password.js';
import type { Store } from '../store/types.js';
import { parseAdminArgs, runAdminCommand } from './admin.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const config = path.join(root, 'examples/cartlift.config.json');

describe('parseAdminArgs', () => {
  test('reads EMAIL, --role, --config, --data-dir and --password-stdin', () => {
    expect(parseAdminArgs(['add', 'li.wei@example.com', '--role', 'owner'])).toEqual({
      command: 'add',
      email: 'li.wei@example.com',
      role: 'owner',
      config: 'cartlift.config.json',
      dataDir: undefined,
      passwordStdin: false,
    });
    expect(parseAdminArgs(['add', '--role=viewer', 'a@b.co', '--config', 'c.json', '--data-dir', 'd', '--password-stdin'])).toMatchObject({
      email: 'a@b.co',
      role: 'viewer',
      config: 'c.json',
      dataDir: 'd',
      passwordStdin: true,
    });
  });

  test('names the argument at fault', () => {
    expect(() => parseAdminArgs([])).toThrow('cartlift-server admin needs a command, "add"; received nothing.');
    expect(() => parseAdminArgs(['remove'])).toThrow('received "remove"');
    expect(() => parseAdminArgs(['add', '--role', 'owner'])).toThrow('admin add needs EMAIL');
    expect(() => parseAdminArgs(['add', 'a@b.co'])).toThrow('admin add needs --role, one of viewer, marketer, owner; received nothing.');
    expect(() => parseAdminArgs(['add', 'a@b.co', '--role', 'admin'])).toThrow('--role must be one of viewer, marketer, owner; received "admin".');
    expect(() => parseAdminArgs(['add', 'a@b.co', '--role'])).toThrow('--role needs a value; received nothing.');
    expect(() => parseAdminArgs(['add', 'a@b.co', 'b@c.co', '--role', 'owner'])).toThrow('Unknown argument "b@c.co"');
  });
});

describe.each(storeVariants())('cartlift-server admin add on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  }, 60_000);
  afterAll(() => store?.close());

  async function run(argv: string[], stdin = '') {
    const lines: string[] = [];
    // The command closes the store it opened; this one is shared by the tests, so its close waits for afterAll.
    await runAdminCommand(argv, {
      out: (line) => lines.push(line),
      readStdin: async () => stdin,
      openStore: async () => ({ ...store, close: async () => {} }),
    });
    return lines;
  }

  test('creates the account with a generated password printed once, and records user_added', async () => {
    const email = `${unique('Owner')}@Example.com`;
    const lines = await run(['add', email, '--role', 'owner', '--config', config]);
    const normalized = email.toLowerCase();
    expect(lines[0]).toBe(`Added ${normalized} as owner.`);
    const password = /: ([A-Za-z0-9_-]{32})$/.exec(lines[1]!)![1]!;
    const user = (await store.findAdminUserByEmail(normalized))!;
    expect(user.role).toBe('owner');
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    const [entry] = await store.listAuditEntries({ action: 'user_added', limit: 1 });
    expect(entry).toMatchObject({ subject: normalized, userId: null, after: { email: normalized, role: 'owner' } });
    expect(JSON.stringify(entry)).not.toContain(password);
  });

  test('--password-stdin sets the password read, printing none; an existing email and a short password are refused by name', async () => {
    const email = `${unique('viewer')}@example.com`;
    const lines = await run(['add', email, '--role', 'viewer', '--config', config, '--password-stdin'], 'a-long-enough-password\n');
    expect(lines).toEqual([`Added ${email} as viewer.`]);
    expect(await verifyPassword('a-long-enough-password', (await store.findAdminUserByEmail(email))!.passwordHash)).toBe(true);
    await expect(run(['add', email, '--role', 'owner', '--config', config])).rejects.toThrow(`${email} already has a console account.`);
    await expect(run(['add', `${unique('m')}@example.com`, '--role', 'marketer', '--config', config, '--password-stdin'], 'short\n')).rejects.toThrow(
      'The password must be 12 to 1024 characters long; received 5.',
    );
    await expect(run(['add', 'not-an-email', '--role', 'marketer', '--config', config])).rejects.toThrow('EMAIL must be an email address');
    await expect(run(['add', 'a@b.co', '--role', 'marketer', '--config', path.join(root, 'nope.json')])).rejects.toThrow(
      /Config file .*nope\.json cannot be read/,
    );
  });
});

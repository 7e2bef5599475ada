import { generatePassword } from '../admin/password.js';
import { AdminUserExistsError, addAdminUser } from '../admin/users.js';
import type { Store } from '../store/types.js';

/** The demo's owner account, created by this start: its password exists nowhere else. */
export interface DemoOwner {
  email: string;
  password: string;
}

/**
 * Creates an owner account `email` with a generated password when the store
 * has no console account yet (`--demo-owner`, for `npm start` only); null
 * when it already has one, so a second start never makes or prints another.
 *
 * @example
 * await ensureDemoOwner(store, 'demo@cartlift.example', Date.now()) // { email, password } on the first start, then null
 */
export async function ensureDemoOwner(store: Store, email: string, now: number): Promise<DemoOwner | null> {
  if ((await store.listAdminUsers()).length > 0) return null;
  const password = generatePassword();
  try {
    const user = await addAdminUser(store, { email, role: 'owner', password, now });
    return { email: user.email, password };
  } catch (error) {
    // Another process made the same account between the look and the insert: it printed the password.
    if (error instanceof AdminUserExistsError) return null;
    throw error;
  }
}

/**
 * What the terminal shows once about the demo's owner account: where the
 * console is, the email and the password, and that both are for the demo only.
 *
 * @example
 * demoOwnerNotice('http://127.0.0.1:5173/api/cartlift/admin', { email: 'demo@cartlift.example', password: 'q3T0…' })
 */
export function demoOwnerNotice(consoleUrl: string, owner: DemoOwner): string[] {
  return [
    `  Console: ${consoleUrl}`,
    `           sign in as ${owner.email} with the password ${owner.password}`,
    '           (shown only now, and only for this demo: the account was made because the store had none;',
    '            use "cartlift-server admin add" for real accounts, see docs/console.md)',
  ];
}

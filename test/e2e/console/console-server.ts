import { execFileSync } from 'node:child_process';
import { bin, root, startOwnServer } from '../own-server';

/** A console account the tests sign in with. */
export interface ConsoleAccount {
  email: string;
  password: string;
}

/** A demo server of its own: its own embedded database, managed promotions, an owner and a viewer. */
export interface ConsoleServer {
  url: string;
  owner: ConsoleAccount;
  marketer: ConsoleAccount;
  viewer: ConsoleAccount;
  stop(): Promise<void>;
}

function addAccount(config: string, email: string, role: string): ConsoleAccount {
  const password = `${role}-passphrase-for-e2e`;
  execFileSync(process.execPath, [bin, 'admin', 'add', email, '--role', role, '--password-stdin', '--config', config], { input: password, cwd: root });
  return { email, password };
}

/**
 * Starts `cartlift-server` as `npm start` does (script tag, demo storefront,
 * offline Stripe sandbox) on `port`, with promotions managed in the store and
 * three accounts created through the CLI first, then `prepare(config)` (to seed the store, say).
 */
export async function startConsoleServer(port: number, prepare?: (config: string) => void): Promise<ConsoleServer> {
  const accounts: Partial<Record<'owner' | 'marketer' | 'viewer', ConsoleAccount>> = {};
  const server = await startOwnServer(port, { managePromotions: true, timeZone: 'Asia/Shanghai' }, (config) => {
    accounts.owner = addAccount(config, 'owner@shop.example', 'owner');
    accounts.marketer = addAccount(config, 'marketer@shop.example', 'marketer');
    accounts.viewer = addAccount(config, 'viewer@shop.example', 'viewer');
    prepare?.(config);
  });
  return { url: server.url, owner: accounts.owner!, marketer: accounts.marketer!, viewer: accounts.viewer!, stop: server.stop };
}

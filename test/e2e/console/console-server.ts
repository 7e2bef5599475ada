import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'packages/server/dist/bin/cartlift-server.js');

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

async function waitUntilUp(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`The console's server exited with ${server.exitCode} before it answered.`);
    try {
      if ((await fetch(`${url}/api/cartlift/config`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The console's server did not answer at ${url} within 30 s.`);
}

/**
 * Starts `cartlift-server` as `npm start` does (script tag, demo storefront,
 * offline Stripe sandbox) on `port`, with promotions managed in the store and
 * three accounts created through the CLI first.
 */
export async function startConsoleServer(port: number): Promise<ConsoleServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartlift-console-e2e-'));
  const demo = JSON.parse(fs.readFileSync(path.join(root, 'examples/cartlift.config.json'), 'utf8'));
  const config = path.join(dir, 'cartlift.config.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      ...demo,
      catalog: path.join(root, 'examples/catalog.json'),
      store: { kind: 'pglite', dataDir: path.join(dir, 'data') },
      managePromotions: true,
      timeZone: 'Asia/Shanghai',
    }),
  );
  const owner = addAccount(config, 'owner@shop.example', 'owner');
  const marketer = addAccount(config, 'marketer@shop.example', 'marketer');
  const viewer = addAccount(config, 'viewer@shop.example', 'viewer');
  const args = [bin, '--config', config, '--static', 'examples/script-tag', '--sandbox', '--port', String(port), '--strict-port'];
  const server = spawn(process.execPath, args, { cwd: root, env: { ...process.env, STRIPE_SECRET_KEY: '' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, server);
  return {
    url,
    owner,
    marketer,
    viewer,
    async stop() {
      server.kill();
      await new Promise((resolve) => server.once('exit', resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

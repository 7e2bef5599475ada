import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = path.join(root, 'packages/server/dist/bin/cartlift-server.js');

/** A `cartlift-server` of a test's own: its own config file and embedded database. */
export interface OwnServer {
  url: string;
  /** The config file it runs with (the CLI's `admin` commands take it too). */
  config: string;
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`cartlift-server exited with ${server.exitCode} before it answered at ${url}.`);
    try {
      if ((await fetch(`${url}/api/cartlift/config`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`cartlift-server did not answer at ${url} within 30 s.`);
}

/**
 * Starts `cartlift-server` as `npm start` does (the demo's config, catalog and
 * storefront, the script tag, the offline Stripe sandbox) on `port`, with
 * `overrides` merged into the demo's config and a fresh embedded database.
 * `prepare(config)` runs before the start (to add console accounts, say);
 * `cli.args` are more CLI flags (`--demo-reviews`), `cli.output` reads what it prints.
 *
 * @example
 * const server = await startOwnServer(4185, { allowedOrigins: ['http://127.0.0.1:4186'] })
 */
export async function startOwnServer(
  port: number,
  overrides: Record<string, unknown>,
  prepare?: (config: string) => void,
  cli: { args?: string[]; output?: (text: string) => void } = {},
): Promise<OwnServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartlift-own-e2e-'));
  const demo = JSON.parse(fs.readFileSync(path.join(root, 'examples/cartlift.config.json'), 'utf8'));
  const config = path.join(dir, 'cartlift.config.json');
  const store = { kind: 'pglite', dataDir: path.join(dir, 'data') };
  fs.writeFileSync(config, JSON.stringify({ ...demo, catalog: path.join(root, 'examples/catalog.json'), store, ...overrides }));
  prepare?.(config);
  const args = [bin, '--config', config, '--static', 'examples/script-tag', '--sandbox', '--port', String(port), '--strict-port', ...(cli.args ?? [])];
  const stdio = ['ignore', cli.output ? 'pipe' : 'ignore', 'ignore'] as const;
  const server = spawn(process.execPath, args, { cwd: root, env: { ...process.env, STRIPE_SECRET_KEY: '' }, stdio: [...stdio] });
  server.stdout?.setEncoding('utf8').on('data', (text: string) => cli.output?.(text));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, server);
  return {
    url,
    config,
    async stop() {
      server.kill();
      await new Promise((resolve) => server.once('exit', resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

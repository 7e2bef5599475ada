/**
 * Shared set-up for the sandbox's own tests: a sandbox on a free loopback
 * port and the real `stripe` client pointed at it — the production path.
 */
import Stripe from 'stripe';
import { startStripeSandbox, type StripeSandbox } from '../src/server.js';

/** The real `stripe` client for a sandbox, without retries so every request is visible to the test. */
export function clientFor(sandbox: StripeSandbox, secretKey = sandbox.secretKey): Stripe {
  return new Stripe(secretKey, { ...sandbox.stripeClientOptions, maxNetworkRetries: 0, telemetry: false });
}

/** Starts a sandbox and its client; close the sandbox in `afterAll`. */
export async function startSandboxWithClient(): Promise<{ sandbox: StripeSandbox; stripe: Stripe }> {
  const sandbox = await startStripeSandbox();
  return { sandbox, stripe: clientFor(sandbox) };
}

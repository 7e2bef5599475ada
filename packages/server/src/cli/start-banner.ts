import type { CliArgs } from './args.js';
import { demoOwnerNotice } from './demo-owner.js';
import type { Running } from './start.js';

/**
 * The lines the CLI prints once the server listens: its URL, the API, the
 * script tag to paste into a shop's page, which Stripe (and the sandbox's
 * secret key), the static folders and, on a demo's first start, how to sign
 * in to the console (the only time that password is shown).
 *
 * @example
 * for (const line of startBanner(running, args)) console.log(line);
 */
export function startBanner(running: Running, args: Pick<CliArgs, 'static'>): string[] {
  const stripe = running.sandbox ? `offline sandbox at ${running.sandbox.url} (test mode, no real payments)` : 'api.stripe.com (STRIPE_SECRET_KEY)';
  return [
    `Cartlift server: ${running.url}`,
    `  API:     ${running.apiUrl}`,
    `  Script tag: <script src="${running.url}/cartlift.js" data-endpoint="${running.apiUrl}" defer></script>`,
    `  Stripe:  ${stripe}`,
    // The sandbox's API takes only this key (never from a browser): scripts that check what reached "Stripe" need it.
    ...(running.sandbox ? [`  Sandbox key: ${running.sandbox.secretKey} (server-side calls only; browsers are refused)`] : []),
    ...(args.static.length ? [`  Static:  ${args.static.join(', ')}`] : []),
    ...(running.demoOwner ? demoOwnerNotice(`${running.apiUrl}/admin`, running.demoOwner) : []),
  ];
}

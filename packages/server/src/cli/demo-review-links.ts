import type { OnReviewInvitation } from '../reviews/invitations.js';

/**
 * The demo's review mailer: there is no mail, so each paid order's review
 * links are printed to the terminal, made absolute against the demo's own
 * address (the default `invitationUrl` is `/`), for a person to open.
 *
 * @example
 * const hook = printedReviewLinks(() => 'http://localhost:5173', console.log);
 */
export function printedReviewLinks(origin: () => string, print: (line: string) => void): OnReviewInvitation {
  return (order, links) => {
    const lines = links.map((link) => `  ${link.productName}: ${new URL(link.url, origin()).href}`);
    print(`cartlift-server: review links for order ${order.paymentIntentId} (the demo's "email"):\n${lines.join('\n')}`);
  };
}

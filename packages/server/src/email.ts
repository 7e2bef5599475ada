const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * The key that decides "first purchase": lower-cased, trimmed, `+tag`
 * removed, and for Gmail dots removed, so `Li.Wei+promo@GMail.com` and
 * `liwei@gmail.com` are one shopper and cannot each claim a first-order offer.
 *
 * @example
 * normalizeEmail(' Li.Wei+promo@GoogleMail.com ') // "liwei@gmail.com"
 * normalizeEmail('ann+x@example.com') // "ann@example.com"
 */
export function normalizeEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) {
    domain = 'gmail.com';
    local = local.replace(/\./g, '');
  }
  return `${local}@${domain}`;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);
// Invisible characters a paste or an input method leaves in a field: zero-width space, non-joiner, joiner, word joiner, BOM.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// RFC 5322 dot-atom: what a local part can be without quotes, so `"li.wei"` and `li.wei` are one mailbox.
const DOT_ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** A quoted local part without its quotes when what they hold needs none; otherwise as typed (another mailbox). */
function unquoted(local: string): string {
  if (local.length < 2 || !local.startsWith('"') || !local.endsWith('"')) return local;
  const inside = local.slice(1, -1);
  return DOT_ATOM.test(inside) ? inside : local;
}

/**
 * The key that decides "first purchase", so one shopper typing their email
 * another way cannot claim a first-order offer again. In order: NFKC
 * (full-width letters, digits, `＠` and `．` become ASCII), zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF) removed, trimmed, lower-cased;
 * then the domain loses trailing dots (`example.com.` is the same name), a
 * quoted local part loses its quotes when it is a plain dot-atom, a `+tag` is
 * removed, and for Gmail dots are removed and googlemail.com becomes gmail.com.
 *
 * @example
 * normalizeEmail(' Li.Wei+promo@GoogleMail.com ') // "liwei@gmail.com"
 * normalizeEmail('ann+x@example.com') // "ann@example.com"
 * normalizeEmail('"ｌｉ.ｗｅｉ"@Example.com.') // "li.wei@example.com"
 */
export function normalizeEmail(email: string): string {
  const trimmed = email.normalize('NFKC').replace(ZERO_WIDTH, '').trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return trimmed;
  let local = unquoted(trimmed.slice(0, at));
  let domain = trimmed.slice(at + 1).replace(/\.+$/, '');
  const plus = local.indexOf('+');
  if (plus > 0 && !local.startsWith('"')) local = local.slice(0, plus);
  if (GMAIL.has(domain)) {
    domain = 'gmail.com';
    if (!local.startsWith('"')) local = local.replace(/\./g, '');
  }
  return `${local}@${domain}`;
}

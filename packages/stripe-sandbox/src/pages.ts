import { currencyDigits } from './currencies.js';
import type { PaymentIntent, PendingAction } from './types.js';

/**
 * The sandbox's hosted test pages (Stripe's "Authorize test payment" page
 * stand-in). Plain HTML forms: no script, styles from a same-origin sheet, so
 * the pages work under the strict CSP they are served with.
 */

export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' http: https:; frame-ancestors *; base-uri 'none'";

export const PAGE_CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
body{margin:0;background:#f6f8fa;color:#1a1f36}
main{max-width:28rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 2px 12px rgba(0,0,0,.08)}
.badge{display:inline-block;padding:.25rem .6rem;border-radius:1rem;background:#fff4e5;color:#7a4100;font-weight:600;font-size:.85rem}
h1{font-size:1.3rem;margin:.8rem 0}
.amount{font-size:2rem;font-weight:700;margin:.5rem 0 1rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.25rem}
button{font:inherit;padding:.7rem 1.1rem;border-radius:.5rem;border:1px solid #1a1f36;cursor:pointer}
button.ok{background:#0a7c42;border-color:#0a7c42;color:#fff}
button.fail{background:#fff;color:#a4000f;border-color:#a4000f}
button:focus-visible{outline:3px solid #635bff;outline-offset:2px}
img{display:block;margin:1rem auto;width:200px;height:200px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;font-size:.9rem;color:#4f566b}
`;

const TITLES: Record<PendingAction['kind'], [string, string]> = {
  alipay: ['Alipay test payment', '支付宝测试付款'],
  wechat_pay: ['WeChat Pay test payment', '微信支付测试付款'],
  three_d_secure: ['3D Secure test authentication', '3D Secure 测试验证'],
};

/**
 * HTML for the authorize page of a waiting PaymentIntent.
 *
 * @example
 * authorizePage(intent, action, '/sandbox/authorize/pi_1')
 */
export function authorizePage(intent: PaymentIntent, action: PendingAction, formAction: string): string {
  const [en, zh] = TITLES[action.kind];
  const digits = currencyDigits(intent.currency);
  const amount = new Intl.NumberFormat('en', { style: 'currency', currency: intent.currency.toUpperCase(), minimumFractionDigits: digits }).format(
    intent.amount / 10 ** digits,
  );
  const qr =
    action.kind === 'wechat_pay' ? (intent.next_action?.wechat_pay_display_qr_code as { image_data_url?: string } | undefined)?.image_data_url : undefined;
  return page(
    `${en} · ${zh}`,
    `<p class="badge">Test mode — no real payment / 测试模式 — 不会真实扣款</p>
<h1>${escapeHtml(en)}<br><span lang="zh-CN">${escapeHtml(zh)}</span></h1>
<p class="amount">${escapeHtml(amount)}</p>
${qr ? `<img src="${escapeHtml(qr)}" alt="Test QR code (not scannable) / 测试二维码（不可扫描）">` : ''}
<dl><dt>PaymentIntent</dt><dd>${escapeHtml(intent.id)}</dd></dl>
<form method="post" action="${escapeHtml(formAction)}">
<input type="hidden" name="token" value="${escapeHtml(action.token)}">
<div class="actions">
<button class="ok" type="submit" name="result" value="succeed">Authorize test payment / 授权测试付款</button>
<button class="fail" type="submit" name="result" value="fail">Fail test payment / 测试付款失败</button>
</div>
</form>`,
  );
}

/**
 * A small message page (finished action, unknown token, …).
 *
 * @example
 * messagePage('Payment authorized', 'You can close this window.')
 */
export function messagePage(title: string, text: string): string {
  return page(title, `<p class="badge">Test mode — no real payment / 测试模式 — 不会真实扣款</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Stripe sandbox</title><link rel="stylesheet" href="/sandbox/page.css"></head>
<body><main>${body}</main></body></html>`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * escapeHtml('<b>') // "&lt;b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

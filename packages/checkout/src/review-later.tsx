import { CartliftError } from '@cartlift/core';
import { useState } from 'preact/hooks';
import type { Locale, Localized } from './i18n.js';

// Kept beside the button (the payment chunk), not in drawer-text: the cart's chunk need not carry them.
const text: Localized<Record<'ask' | 'sending' | 'sent' | 'again' | 'none' | 'failed', string>> = {
  en: {
    ask: 'Email me a link to review this later',
    sending: 'Sending…',
    sent: 'Sent: the review links are on their way to your email.',
    again: 'The review links were already sent today.',
    none: 'There is nothing left to review from this order.',
    failed: 'The email could not be sent; please try again.',
  },
  'zh-CN': {
    ask: '发邮件给我，稍后再评价',
    sending: '正在发送…',
    sent: '已发送：评价链接会发到您的邮箱。',
    again: '今天已经发送过评价链接了。',
    none: '这个订单没有可评价的商品了。',
    failed: '邮件未能发送，请重试。',
  },
};

/**
 * "Review later" on the thank-you screen: asks the shop to email this
 * order's review links, then says what happened in place of the button.
 * Shown only where the shop mails review links (`/config`'s `reviewEmails`).
 *
 * @example
 * <ReviewLater locale="en" remind={() => api.remind(checkoutId)} />
 */
export function ReviewLater({ locale, remind }: { locale: Locale; remind(): Promise<{ sent: boolean; reason?: string }> }) {
  const [state, setState] = useState<keyof (typeof text)['en']>('ask');
  const t = text[locale];
  const ask = () => {
    setState('sending');
    remind().then(
      // Not sent: already today, or nothing left to review (the server's reason says which).
      (answer) => setState(answer.sent ? 'sent' : /today/.test(answer.reason ?? '') ? 'again' : 'none'),
      // 404: no unused links for this order; 409: the shop stopped mailing them. Either way there is nothing to retry.
      (error: unknown) => setState(error instanceof CartliftError && (error.status === 404 || error.status === 409) ? 'none' : 'failed'),
    );
  };
  return (
    <p class="review-later" aria-live="polite">
      {state === 'ask' || state === 'failed' || state === 'sending' ? (
        <>
          {state === 'failed' && <span role="alert">{t.failed} </span>}
          <button type="button" onClick={ask} disabled={state === 'sending'}>
            {state === 'sending' ? t.sending : t.ask}
          </button>
        </>
      ) : (
        t[state]
      )}
    </p>
  );
}

// The demo's language: ?lang=zh-CN shows the page and the Cartlift drawer in
// Simplified Chinese, anything else English. A shop sets the drawer's language
// with the script tag's data-locale; this page runs before that tag is parsed,
// so it sets <html lang> now (the CSS shows that language's text, with no flash)
// and data-locale once the page is parsed, before the deferred cartlift.js runs.
var askedLang = new URLSearchParams(location.search).get('lang');
var demoLang = /^zh\b/i.test(askedLang || '') ? 'zh-CN' : 'en';
document.documentElement.lang = demoLang;
if (demoLang === 'zh-CN') document.title = '荷叶茶舍 — Cartlift 演示';
document.addEventListener('readystatechange', () => {
  // "interactive" comes after parsing and before deferred scripts run.
  if (document.readyState !== 'interactive') return;
  // Without ?lang the tag's own data-locale stands (tests may have set it).
  if (askedLang) document.querySelector('script[data-locale]')?.setAttribute('data-locale', demoLang);
  document.querySelector(`.languages [hreflang="${demoLang}"]`)?.setAttribute('aria-current', 'true');
  // Product pages open in the language chosen here.
  if (askedLang) for (const link of document.querySelectorAll('a[href^="/product.html"]')) link.href += `&lang=${demoLang}`;
});

// Calls made before cartlift.js has loaded are queued, then replayed in order.
window.Cartlift = window.Cartlift || [];
window.Cartlift.push([
  'on',
  'add_to_cart',
  (event) => {
    document.documentElement.dataset.lastAdded = event.items[0].item_id;
  },
]);

// Analytics loads once the shopper has answered the footer's question (remembered
// for the next visit), so the first download stays the script tag's alone; events
// from before it loaded are replayed to it. With "Allow", the funnel shows up at
// /api/cartlift/funnel/report.
var consentText = {
  en: ['Thank you: this visit is counted.', 'Nothing from this visit is counted.'],
  'zh-CN': ['谢谢：本次访问会被统计。', '本次访问不会被统计。'],
};
function answerConsent(choice) {
  var status = document.getElementById('consent-status');
  window.Cartlift.push([
    'ready',
    (api) => {
      // The first call creates the plugin with the answer; a changed answer goes through consent().
      api.use('analytics', { consent: choice }).then((plugin) => {
        plugin.consent(choice);
        if (status) status.textContent = consentText[demoLang][choice === 'granted' ? 0 : 1];
      });
    },
  ]);
}
document.addEventListener('click', (event) => {
  var button = event.target.closest?.('[data-consent]');
  if (!button) return;
  var choice = button.getAttribute('data-consent');
  try {
    localStorage.setItem('cartlift-demo-consent', choice);
  } catch (_e) {
    /* private mode: ask again next time */
  }
  answerConsent(choice);
});
try {
  const saved = localStorage.getItem('cartlift-demo-consent');
  if (saved === 'granted' || saved === 'denied')
    document.addEventListener('DOMContentLoaded', () => {
      answerConsent(saved);
    });
} catch (_e) {
  /* storage blocked: ask */
}

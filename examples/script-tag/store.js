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
function answerConsent(choice) {
  var status = document.getElementById('consent-status');
  window.Cartlift.push([
    'ready',
    (api) => {
      // The first call creates the plugin with the answer; a changed answer goes through consent().
      api.use('analytics', { consent: choice }).then((plugin) => {
        plugin.consent(choice);
        if (status) status.textContent = choice === 'granted' ? 'Thank you: this visit is counted.' : 'Nothing from this visit is counted.';
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

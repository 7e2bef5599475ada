import http from 'node:http';

/** A shop's own web server on another origin than Cartlift's: one page, one script, and the shop's CSP. */
export interface ShopServer {
  url: string;
  close(): Promise<void>;
}

/** The shop's page: Cartlift's script tag pointing at the Cartlift server's origin, as the README shows. */
function page(cartlift: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Cross-origin tea shop</title>
  <script src="/shop.js"></script>
  <script src="${cartlift}/cartlift.js" data-endpoint="${cartlift}/api/cartlift" data-currency="USD" data-locale="en" defer></script>
</head>
<body>
  <header><cartlift-cart></cartlift-cart></header>
  <main>
    <h1>A shop on its own origin</h1>
    <button type="button" data-cartlift-add="CUP-CELADON" data-cartlift-name="Celadon tea cup" data-cartlift-price="1800">Add to cart</button>
    <button type="button" id="host-button">The shop's own button</button>
    <output id="host-output"></output>
  </main>
</body>
</html>`;
}

// A file, not inline: the shop's CSP allows no inline script. It records CSP violations for the test,
// proves the host page's own script keeps working, and turns on analytics before Cartlift loads.
const SHOP_SCRIPT = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
document.addEventListener('click', (e) => {
  if (e.target.id === 'host-button') document.getElementById('host-output').textContent = 'The shop still works.';
});
window.Cartlift = window.Cartlift || [];
window.Cartlift.push(['use', 'analytics', { consent: 'granted', batch: { wait: 50 } }]);
`;

/**
 * Serves the shop on `port` (loopback), with `policy` as its Content-Security-Policy header.
 *
 * @example
 * const shop = await startShopServer(4186, 'http://127.0.0.1:4185', "default-src 'self'")
 */
export async function startShopServer(port: number, cartlift: string, policy: string): Promise<ShopServer> {
  const server = http.createServer((req, res) => {
    if (req.url === '/shop.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(SHOP_SCRIPT);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy, 'cache-control': 'no-store' });
    res.end(page(cartlift));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { render } from 'preact';
import { App } from './app.js';

// The server's page names its base path on <body>: no inline script needed under the strict policy.
const root = document.getElementById('console');
if (root) {
  root.textContent = '';
  render(<App basePath={document.body.dataset.basePath ?? '/api/cartlift'} />, root);
}

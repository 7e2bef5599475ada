import { describe, expect, test } from 'vitest';
import { startBanner } from './start-banner.js';
import type { Running } from './start.js';

describe('startBanner', () => {
  test('prints the sandbox’s secret key: the only key its API accepts, for scripts that check what reached "Stripe"', () => {
    const running = {
      url: 'http://127.0.0.1:5173',
      apiUrl: 'http://127.0.0.1:5173/api/cartlift',
      sandbox: { url: 'http://127.0.0.1:40001', secretKey: 'sk_test_sandbox_abc' },
    };
    const lines = startBanner(running as unknown as Running, { static: [] });
    expect(lines).toContain('  Stripe:  offline sandbox at http://127.0.0.1:40001 (test mode, no real payments)');
    expect(lines).toContain('  Sandbox key: sk_test_sandbox_abc (server-side calls only; browsers are refused)');
  });
  test('prints the script tag a shop on any origin pastes, with absolute URLs', () => {
    const running = { url: 'http://127.0.0.1:5173', apiUrl: 'http://127.0.0.1:5173/api/cartlift', sandbox: undefined };
    expect(startBanner(running as unknown as Running, { static: [] })).toContain(
      '  Script tag: <script src="http://127.0.0.1:5173/cartlift.js" data-endpoint="http://127.0.0.1:5173/api/cartlift" defer></script>',
    );
  });
});

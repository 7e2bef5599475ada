import { describe, expect, test } from 'vitest';
import { storeVariants, useStore } from '../../test/harness.js';
import { analyticsHandler, send } from '../../test/analytics-harness.js';
import { REPORT_TOKEN_FAILURES_PER_ADDRESS } from './token-throttle.js';

const ROUTES = ['/funnel', '/funnel/report', '/events/stats'];
const TOKEN = 'r3port-t0ken-0123456789';

describe.each(storeVariants())('local-only access and report tokens on $name', ({ open }) => {
  const store = useStore(open);

  test.each(ROUTES)("%s without a token needs a loopback Host too (DNS rebinding reaches loopback with the attacker's name)", async (path) => {
    const handler = analyticsHandler(store);
    for (const host of ['rebind.attacker.example:8787', 'shop.example', '127.0.0.1.nip.io:8787']) {
      // The page's name resolved to 127.0.0.1: the socket is loopback, the Host header is not.
      const byHeader = await send(handler, 'GET', path, { ip: '127.0.0.1', headers: { host } });
      expect(byHeader.status, `${path} with Host ${host}`).toBe(403);
      const byUrl = await send(handler, 'GET', path, { ip: '127.0.0.1', host });
      expect(byUrl.status, `${path} at ${host}`).toBe(403);
    }
    const refused = await send(handler, 'GET', path, { ip: '127.0.0.1', headers: { host: 'rebind.attacker.example' } });
    expect(refused.text).toContain('localhost, 127.0.0.1 or [::1]');
    for (const host of ['localhost:8787', '127.0.0.1', '[::1]:8787', 'LOCALHOST']) {
      expect((await send(handler, 'GET', path, { ip: '127.0.0.1', host, headers: { host } })).status, `${path} with Host ${host}`).toBe(200);
    }
  });

  test('report-token guesses are throttled per address: 429 with Retry-After, even for the right token, until the window ends', async () => {
    let now = Date.parse('2030-02-01T00:00:00Z');
    const handler = analyticsHandler(store, { reportToken: TOKEN }, () => now);
    const guesser = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    for (let i = 0; i < REPORT_TOKEN_FAILURES_PER_ADDRESS; i++) {
      const path = ROUTES[i % ROUTES.length]!;
      const reply = await send(handler, 'GET', path, {
        ip: guesser,
        headers: i % 3 === 1 ? { authorization: `Basic ${btoa(`x:guess-${i}`)}` } : bearer(`guess-${i}`),
      });
      expect(reply.status, `guess ${i} at ${path}`).toBe(401);
    }
    const throttled = await send(handler, 'GET', '/funnel', { ip: guesser, headers: bearer('guess-next') });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error).toMatchObject({ code: 'too_many_token_attempts', field: 'authorization' });
    expect(throttled.body.error.message).toMatch(/^Too many wrong report tokens from this address; wait \d+ seconds and try again\.$/);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right token gets the same answer, so a guesser cannot tell it found it.
    expect((await send(handler, 'GET', '/events/stats', { ip: guesser, headers: bearer(TOKEN) })).status).toBe(429);
    expect((await send(handler, 'GET', '/funnel/report', { ip: guesser, headers: bearer(TOKEN) })).status).toBe(429);
    // Other addresses are not locked out.
    expect((await send(handler, 'GET', '/funnel', { ip: '192.0.2.8', headers: bearer(TOKEN) })).status).toBe(200);
    now += 60_000;
    expect((await send(handler, 'GET', '/funnel', { ip: guesser, headers: bearer(TOKEN) })).status).toBe(200);
  });

  test('the right token never counts, and asking without one (a browser before its password prompt) does not either', async () => {
    const handler = analyticsHandler(store, { reportToken: TOKEN });
    const reader = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < REPORT_TOKEN_FAILURES_PER_ADDRESS + 5; i++) {
      expect((await send(handler, 'GET', '/funnel/report', { ip: reader })).status).toBe(401);
      expect((await send(handler, 'GET', '/funnel', { ip: reader, headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    }
  });
});

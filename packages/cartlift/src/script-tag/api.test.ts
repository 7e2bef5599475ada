import fs from 'node:fs';
import { createCartlift } from '@cartlift/core';
import { describe, expect, it, vi } from 'vitest';
import { createScriptApi } from './api.js';

describe('window.Cartlift after load', () => {
  it('runs late push() calls like the queued ones, reporting unknown methods', async () => {
    const instance = createCartlift({ currency: 'USD' });
    const onError = vi.fn();
    const api = createScriptApi(instance, { endpoint: '/api/cartlift', currency: 'USD', locale: 'en' }, () => {}, onError);
    api.push(['add', { sku: 'TEA' }]);
    api.push(['nope']);
    await instance.cart.ready;
    await vi.waitFor(() => expect(instance.cart.get().lines.map((l) => l.sku)).toEqual(['TEA']));
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![0] as Error).message).toMatch(/^Cartlift\.nope is not a method; expected one of /);
  });

  it("reports cartlift's package.json version", () => {
    const { version } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const api = createScriptApi(
      createCartlift({ currency: 'USD' }),
      { endpoint: '/api/cartlift', currency: 'USD', locale: 'en' },
      () => {},
      () => {},
    );
    expect(api.version).toBe(version);
  });
});

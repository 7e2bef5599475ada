import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadIdentity, pageIdentity, refresh, saveIdentity } from './identity.js';
import { webStorage } from '../test/web-storage.js';

afterEach(() => vi.unstubAllGlobals());

describe('identity', () => {
  it("reads the stored identity, merges other tabs' exposures when saving, and forgets it", () => {
    const local = webStorage();
    vi.stubGlobal('localStorage', local);
    local.setItem('cartlift-analytics', JSON.stringify({ id: 'shopper-1', x: { 'checkout-button': 'control' } }));
    const identity = loadIdentity();
    expect(identity).toEqual({ id: 'shopper-1', exposures: { 'checkout-button': 'control' } });
    // Another tab exposes the same id to a second experiment meanwhile.
    local.setItem('cartlift-analytics', JSON.stringify({ id: 'shopper-1', x: { 'checkout-button': 'control', offer: 'on' } }));
    identity.exposures.shipping = 'free';
    saveIdentity(identity);
    expect(JSON.parse(local.getItem('cartlift-analytics')!)).toEqual({ id: 'shopper-1', x: { 'checkout-button': 'control', offer: 'on', shipping: 'free' } });
    expect(refresh({ id: 'someone-else', exposures: {} }).exposures).toEqual({});
    saveIdentity(null);
    expect(local.getItem('cartlift-analytics')).toBeNull();
  });

  it("keeps this page's identity only while storage is allowed, and keepOnce() only the first time", () => {
    const local = webStorage();
    vi.stubGlobal('localStorage', local);
    let allowed = false;
    const identity = pageIdentity(() => allowed);
    const { id } = identity.current();
    identity.keep();
    expect(local.getItem('cartlift-analytics')).toBeNull();
    allowed = true;
    identity.keepOnce();
    expect(JSON.parse(local.getItem('cartlift-analytics')!).id).toBe(id);
    local.clear();
    identity.keepOnce();
    expect(local.getItem('cartlift-analytics')).toBeNull();
    identity.keep();
    expect(identity.current().id).toBe(id);
    expect(JSON.parse(local.getItem('cartlift-analytics')!).id).toBe(id);
  });
});

import type { StoragePort } from '@cartlift/core';

/** Contact and shipping details a shopper chose to keep on this device. */
export interface ShopperProfile {
  email: string;
  name?: string;
  phone?: string;
  address?: { line1: string; line2?: string; city: string; state?: string; postal_code: string; country: string };
}

const KEY = 'profile';

const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** True for a well-formed saved profile (storage may hold anything). */
function isProfile(value: unknown): value is ShopperProfile {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  if (!text(p.email, 254) || (p.name !== undefined && !text(p.name, 200)) || (p.phone !== undefined && !text(p.phone, 40))) return false;
  if (p.address === undefined) return true;
  const a = p.address as Record<string, unknown>;
  return typeof a === 'object' && a !== null && ['line1', 'city', 'postal_code', 'country'].every((k) => text(a[k], 200));
}

/**
 * The saved profile, if the shopper consented earlier; undefined otherwise or
 * when storage is unavailable.
 *
 * @example
 * const profile = await loadProfile(idbStorage());
 */
export async function loadProfile(storage: StoragePort): Promise<ShopperProfile | undefined> {
  try {
    const value = await storage.get<unknown>(KEY);
    return isProfile(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves the profile — call only after the shopper ticked the consent box.
 *
 * @example
 * if (consent) await saveProfile(storage, { email, name, address });
 */
export async function saveProfile(storage: StoragePort, profile: ShopperProfile): Promise<void> {
  await storage.update(KEY, () => profile).catch(() => undefined);
}

/**
 * "Forget me": erases the saved profile from this device.
 *
 * @example
 * await forgetProfile(storage);
 */
export async function forgetProfile(storage: StoragePort): Promise<void> {
  await storage.del(KEY).catch(() => undefined);
}

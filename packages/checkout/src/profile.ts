import type { StoragePort } from '@cartlift/core';
import type { AddressRequest } from '@cartlift/core/contract';

/** A saved address: the fields its country's form shows; China's district as `district` (sent to Stripe as `line2`). */
export interface SavedAddress {
  line1: string;
  line2?: string;
  district?: string;
  city?: string;
  state?: string;
  postal_code?: string;
  country: string;
}

/** The Payment Element tabs a profile can remember as the last one paid with. */
export const PAYMENT_METHODS = ['card', 'alipay', 'wechat_pay'] as const;

/** Contact and shipping details a shopper chose to keep on this device, and the payment method they last paid with. */
export interface ShopperProfile {
  email: string;
  name?: string;
  phone?: string;
  address?: SavedAddress;
  paymentMethod?: (typeof PAYMENT_METHODS)[number];
}

const KEY = 'profile';

const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** True for a well-formed saved profile (storage may hold anything). */
function isProfile(value: unknown): value is ShopperProfile {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  if (!text(p.email, 254) || (p.name !== undefined && !text(p.name, 200)) || (p.phone !== undefined && !text(p.phone, 40))) return false;
  if (p.paymentMethod !== undefined && !PAYMENT_METHODS.includes(p.paymentMethod as 'card')) return false;
  if (p.address === undefined) return true;
  const a = p.address as Record<string, unknown>;
  // Which of city, state and postcode an address has depends on its country (a Chinese one has no postcode);
  // profiles saved before that have them all, and still pass.
  const optional = ['line2', 'district', 'city', 'state', 'postal_code'];
  return typeof a === 'object' && a !== null && text(a.line1, 200) && text(a.country, 2) && optional.every((k) => a[k] === undefined || text(a[k], 200));
}

/**
 * A saved address as `/checkout` and Stripe take it: China's district as `line2`.
 *
 * @example
 * shippingAddress({ line1: '文三路 1 号', district: '西湖区', city: '杭州市', state: '浙江省', country: 'CN' })
 * // { line1: "文三路 1 号", line2: "西湖区", city: "杭州市", state: "浙江省", country: "CN" }
 */
export function shippingAddress({ district, ...address }: SavedAddress): AddressRequest {
  return district ? { ...address, line2: district } : address;
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

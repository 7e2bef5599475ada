import { localStore } from './local-storage.js';
import { decodeIdentity, encodeIdentity, type Identity } from './stored-format.js';

export type { Identity } from './stored-format.js';

const KEY = 'cartlift-analytics';

/**
 * The persisted identity, or a fresh one (crypto.randomUUID) when there is none.
 *
 * @example
 * loadIdentity().id // "6f9619ff-8b86-4d01-b42d-00cf4fc964ff", the same on every page
 */
export function loadIdentity(): Identity {
  try {
    const saved = decodeIdentity(JSON.parse(localStore()?.getItem(KEY) ?? 'null'));
    if (saved) return saved;
  } catch {}
  return { id: globalThis.crypto.randomUUID(), exposures: {} };
}

/**
 * Adds to `identity.exposures` the variants other tabs stored for the same id since this
 * page read it, so an exposure is sent once per id, not once per tab.
 *
 * @example
 * refresh(identity).exposures // { 'checkout-button': 'one-click', … } including other tabs' exposures
 */
export function refresh(identity: Identity): Identity {
  const saved = loadIdentity();
  if (saved.id === identity.id) identity.exposures = { ...saved.exposures, ...identity.exposures };
  return identity;
}

/**
 * Keeps (or, with null, forgets) the identity, merged with what other tabs stored
 * for it; quota and blocked storage are ignored.
 *
 * @example
 * saveIdentity(identity); saveIdentity(null) // after consent is denied
 */
export function saveIdentity(identity: Identity | null): void {
  try {
    if (identity) localStore()?.setItem(KEY, JSON.stringify(encodeIdentity(refresh(identity))));
    else localStore()?.removeItem(KEY);
  } catch {}
}

/** This page's copy of the shopper's identity. */
export interface PageIdentity {
  /** The identity, read from storage when first needed. */
  current(): Identity;
  /** Saves it, if storage is allowed. */
  keep(): void;
  /** Saves it unless this page already did: the first write once Consent Mode allows storage. */
  keepOnce(): void;
}

/**
 * This page's identity, saved only while `storageAllowed()`.
 *
 * @example
 * const identity = pageIdentity(() => storageAllowed(choice));
 * identity.current().id // the anonymous id events carry
 */
export function pageIdentity(storageAllowed: () => boolean): PageIdentity {
  let identity: Identity | undefined;
  let kept = false;
  const current = () => {
    identity ??= loadIdentity();
    return identity;
  };
  const keep = () => {
    if (!storageAllowed()) return;
    kept = true;
    saveIdentity(current());
  };
  return {
    current,
    keep,
    keepOnce: () => {
      if (!kept) keep();
    },
  };
}

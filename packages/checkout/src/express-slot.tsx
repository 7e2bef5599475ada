import type { CartState, CartliftInstance } from '@cartlift/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { storage } from './session';
import { mountExpressCheckout } from './express';
import type { Locale } from './i18n';
import type { PaymentOutcome } from './pay';
import type { ServerApi } from './server-api';

export interface ExpressSlotProps {
  instance: CartliftInstance;
  api: ServerApi;
  host: HTMLElement;
  locale: Locale;
  cart: CartState;
  total?: number;
  onPaid(outcome: PaymentOutcome, cart: CartState): void;
}

/**
 * Wallet buttons inside the drawer. Stripe's iframe lives in the host's light
 * DOM, projected here through a named slot; the box's height is reserved so
 * mounting shifts nothing.
 */
export function ExpressSlot({ instance, api, host, locale, cart, total, onPaid }: ExpressSlotProps) {
  const [error, setError] = useState('');
  const latest = useRef(cart);
  latest.current = cart;
  const express = useRef<{ destroy(): void; setAmount(amount: number): void }>(undefined);

  useEffect(() => {
    const target = Object.assign(document.createElement('div'), { slot: 'express' });
    host.append(target);
    let live = true;
    mountExpressCheckout(target, { instance, api, locale, storage, cart: () => latest.current, onPaid, onError: setError }).then(
      (mounted) => (live ? (express.current = mounted) : mounted.destroy()),
      () => {},
    );
    return () => {
      live = false;
      express.current?.destroy();
      target.remove();
    };
  }, []);

  useEffect(() => {
    if (total !== undefined) express.current?.setAmount(total);
  }, [total]);

  return (
    <div class="express" part="express">
      <slot name="express" />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

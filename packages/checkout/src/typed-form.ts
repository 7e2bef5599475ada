/**
 * What the shopper typed in the checkout sheet — contact, address and the
 * "Remember" box, never payment data — kept in `sessionStorage` as they type,
 * so a reload during checkout doesn't lose it. Gone when they pay, empty the
 * cart or press "Forget me", and with the tab. Storage that is full or
 * disabled only means nothing is kept: checkout goes on.
 */

const KEY = 'cartlift:checkout-form';

/** The sheet's fields as typed, and the Remember box. */
export interface TypedForm {
  form: Record<string, string>;
  remember: boolean;
}

// Reading `sessionStorage` itself throws where storage is disabled (sandboxed frames, some privacy modes).
function store(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** A well-formed typed form (sessionStorage may hold anything another script wrote). */
function isTypedForm(value: unknown): value is TypedForm {
  const v = value as TypedForm | null;
  if (typeof v !== 'object' || v === null || typeof v.remember !== 'boolean' || typeof v.form !== 'object' || v.form === null) return false;
  return Object.values(v.form).every((field) => typeof field === 'string' && field.length <= 254);
}

/**
 * Keeps what the shopper typed; a full or disabled storage keeps nothing.
 *
 * @example
 * keepTypedForm({ form: { email: 'li.wei@example.com' }, remember: false });
 */
export function keepTypedForm(typed: TypedForm): void {
  try {
    store()?.setItem(KEY, JSON.stringify(typed));
  } catch {
    // Quota or disabled storage: a reload will start from the saved profile, as before.
  }
}

/**
 * What the shopper typed before a reload in this tab, if anything.
 *
 * @example
 * const typed = typedForm(); if (typed) setForm({ ...form, ...typed.form });
 */
export function typedForm(): TypedForm | undefined {
  try {
    const value: unknown = JSON.parse(store()?.getItem(KEY) ?? 'null');
    return isTypedForm(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Forgets what was typed: after a payment, an emptied cart or "Forget me".
 *
 * @example
 * forgetTypedForm();
 */
export function forgetTypedForm(): void {
  try {
    store()?.removeItem(KEY);
  } catch {
    // Nothing was kept where storage is disabled.
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import { forgetTypedForm, keepTypedForm, typedForm } from './typed-form.js';

/** A sessionStorage stand-in with the Web Storage API's behaviour, including a full quota. */
class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  };
  removeItem = (key: string) => void this.items.delete(key);
}

const g = globalThis as { sessionStorage?: unknown };
afterEach(() => void delete g.sessionStorage);

/** Installs a fresh stand-in as `sessionStorage` and returns it. */
function freshStorage(): MemoryStorage {
  const storage = new MemoryStorage();
  g.sessionStorage = storage;
  return storage;
}

describe('typed form in sessionStorage', () => {
  it('keeps, reads back and forgets what was typed, under a namespaced key', () => {
    const storage = freshStorage();
    keepTypedForm({ form: { email: 'li.wei@example.com', city: '杭州市' }, remember: true });
    expect([...storage.items.keys()]).toEqual(['cartlift:checkout-form']);
    expect(typedForm()).toEqual({ form: { email: 'li.wei@example.com', city: '杭州市' }, remember: true });
    forgetTypedForm();
    expect(typedForm()).toBeUndefined();
  });

  it('ignores what is not a typed form', () => {
    const storage = freshStorage();
    for (const junk of ['{', '[]', '{"form":{"email":1},"remember":false}', '{"form":{}}']) {
      storage.items.set('cartlift:checkout-form', junk);
      expect(typedForm()).toBeUndefined();
    }
  });

  it('never throws when storage is full, disabled or missing', () => {
    const storage = freshStorage();
    storage.full = true;
    expect(() => keepTypedForm({ form: {}, remember: false })).not.toThrow();
    Object.defineProperty(g, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    expect(() => keepTypedForm({ form: {}, remember: false })).not.toThrow();
    expect(typedForm()).toBeUndefined();
    expect(() => forgetTypedForm()).not.toThrow();
  });
});

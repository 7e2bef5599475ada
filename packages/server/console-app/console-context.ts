import { roleAtLeast } from '../src/admin/roles.js';
import type { AdminRole } from '../src/store/types.js';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleApi } from './api.js';
import type { Locale, Translate } from './text.js';

/** A console role, as the server names them. */
export type Role = AdminRole;

/** Who is signed in, as `GET /admin/api/session` answers. */
export interface ConsoleUser {
  email: string;
  role: Role;
}

/** What every page of the console shares: the API, the words, the user, and the live region. */
export interface ConsoleContext {
  api: ConsoleApi;
  t: Translate;
  locale: Locale;
  user: ConsoleUser;
  /** Says a result in the page's polite live region (saved, published…). */
  announce(message: string): void;
  /** Goes to a console route, such as "#/promotions". */
  go(route: string): void;
}

export const Console = createContext<ConsoleContext | null>(null);

/** The console context; pages are only ever rendered inside it. */
export function useConsole(): ConsoleContext {
  const context = useContext(Console);
  if (!context) throw new Error('useConsole() must be called inside <Console.Provider>.');
  return context;
}

/** True when `user` has `role` or a role above it: the server's own rule, so a screen never offers what the server refuses. */
export const can = (user: ConsoleUser, role: Role) => roleAtLeast(user.role, role);

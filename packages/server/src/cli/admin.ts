import path from 'node:path';
import { generatePassword } from '../admin/password.js';
import { ADMIN_ROLES, isAdminRole } from '../admin/roles.js';
import { addAdminUser } from '../admin/users.js';
import { openStore, type StoreOptions } from '../store/open-store.js';
import type { AdminRole, Store } from '../store/types.js';
import { loadConfigFile } from './config-file.js';

export const ADMIN_USAGE = `Usage: cartlift-server admin add EMAIL --role owner|marketer|viewer [--config cartlift.config.json] [--data-dir <dir>] [--password-stdin]

  EMAIL             the account's email (its sign-in name)
  --role            owner (users, settings), marketer (promotions, codes, publish) or viewer (read only)
  --config          the server's JSON config: its store is where the account is created (default cartlift.config.json)
  --data-dir        folder of the embedded database (PGlite), overriding the config's store.dataDir
  --password-stdin  read the password from standard input instead of generating one`;

export interface AdminAddArgs {
  command: 'add';
  email: string;
  role: AdminRole;
  config: string;
  dataDir: string | undefined;
  passwordStdin: boolean;
}

/**
 * Parses `admin add EMAIL --role ROLE [...]` (the words after `admin`);
 * throws a sentence naming the argument at fault.
 *
 * @example
 * parseAdminArgs(['add', 'li.wei@example.com', '--role', 'owner']) // { command: 'add', email: 'li.wei@example.com', role: 'owner', ... }
 */
export function parseAdminArgs(argv: readonly string[]): AdminAddArgs {
  const [command, ...rest] = argv;
  if (command !== 'add') {
    throw new Error(`cartlift-server admin needs a command, "add"; received ${command === undefined ? 'nothing' : JSON.stringify(command)}.\n${ADMIN_USAGE}`);
  }
  let email: string | undefined;
  let role: string | undefined;
  let config = 'cartlift.config.json';
  let dataDir: string | undefined;
  let passwordStdin = false;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    const [name, inline] =
      word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const value = () => {
      const next = inline ?? rest[++i];
      if (next === undefined || (inline === undefined && next.startsWith('--'))) throw new Error(`${name} needs a value; received nothing.`);
      return next;
    };
    if (name === '--role') role = value();
    else if (name === '--config') config = value();
    else if (name === '--data-dir') dataDir = value();
    else if (name === '--password-stdin') passwordStdin = true;
    else if (!name.startsWith('-') && email === undefined) email = name;
    else throw new Error(`Unknown argument ${JSON.stringify(word)} for admin add.\n${ADMIN_USAGE}`);
  }
  if (email === undefined) throw new Error(`admin add needs EMAIL, the new account's email; received nothing.\n${ADMIN_USAGE}`);
  if (role === undefined) throw new Error(`admin add needs --role, one of ${ADMIN_ROLES.join(', ')}; received nothing.`);
  if (!isAdminRole(role)) throw new Error(`--role must be one of ${ADMIN_ROLES.join(', ')}; received ${JSON.stringify(role)}.`);
  return { command: 'add', email, role, config, dataDir, passwordStdin };
}

/** What the command reads and writes, so tests can give their own. */
export interface AdminCommandIo {
  out(line: string): void;
  /** All of standard input (for --password-stdin). */
  readStdin(): Promise<string>;
  /** Opens the store the config names (default: `openStore`). */
  openStore?: (options: StoreOptions | undefined) => Promise<Store>;
  now?: () => number;
}

/**
 * Runs `cartlift-server admin add`: opens the store the config names (the
 * same one the server uses), creates the account with a generated password
 * printed once (or one read from stdin), and records `user_added`.
 *
 * @example
 * await runAdminCommand(['add', 'li.wei@example.com', '--role', 'owner', '--config', 'cartlift.config.json'], { out: console.log, readStdin })
 */
export async function runAdminCommand(argv: readonly string[], io: AdminCommandIo): Promise<void> {
  const args = parseAdminArgs(argv);
  const { options } = await loadConfigFile(args.config);
  const storeOptions: StoreOptions | undefined = args.dataDir
    ? { kind: 'pglite', dataDir: path.resolve(args.dataDir) }
    : (options.store as StoreOptions | undefined);
  // Read before opening the store, so a missing password never leaves a half-done run behind.
  const given = args.passwordStdin ? (await io.readStdin()).replace(/\r?\n$/, '') : undefined;
  if (given !== undefined && given.length === 0)
    throw new Error('--password-stdin read an empty password; pipe one in, such as: printf %s "$PASSWORD" | cartlift-server admin add ...');
  const password = given ?? generatePassword();
  const store = await (io.openStore ?? openStore)(storeOptions);
  try {
    const user = await addAdminUser(store, { email: args.email, role: args.role, password, now: (io.now ?? Date.now)() });
    io.out(`Added ${user.email} as ${user.role}.`);
    if (given === undefined) io.out(`Password (shown only now; keep it in a password manager): ${password}`);
  } finally {
    await store.close();
  }
}

import { ADMIN_EMAIL_PATTERN } from '../admin/roles.js';

export interface CliArgs {
  config: string;
  port: number | undefined;
  host: string;
  static: string[];
  sandbox: boolean;
  /** Fail when the port is taken instead of moving to the next one. */
  strictPort: boolean;
  /** Overrides the config's embedded-database folder (PGlite). */
  dataDir: string | undefined;
  /** `--demo-owner EMAIL`: on a store without console accounts, make this owner and print its password once (the demo only). */
  demoOwner: string | undefined;
  /** `--demo-reviews`: add the demo's reviews of every catalog product the store lacks (the demo only). */
  demoReviews: boolean;
  help: boolean;
}

export const USAGE = `Usage: cartlift-server --config cartlift.config.json [--port 5173] [--strict-port] [--data-dir <dir>] [--host 127.0.0.1] [--static <dir>]... [--sandbox] [--demo-owner EMAIL] [--demo-reviews]

  --config   JSON config: currency, catalog, promotions, stripe.publishableKey (see docs/server.md)
  --port     port to listen on (default: PORT, else 5173; the next free port is used if it is taken)
  --strict-port  exit instead of moving to the next free port
  --data-dir     folder of the embedded database (PGlite), overriding the config's store.dataDir
  --host     interface to bind (default 127.0.0.1)
  --static   directory served at / for paths outside the API (repeatable; first match wins)
  --sandbox  use the offline Stripe sandbox (also the default when STRIPE_SECRET_KEY is unset)
  --demo-owner EMAIL  demo only: when the store has no console account yet, make EMAIL an owner
             and print the console's address and a generated password once (npm start uses it)
  --demo-reviews  demo only: write about 40 reviews per catalog product (en and zh-CN, some with
             photos and fit answers) and 2 pending ones for the console's queue, once (npm start uses it)

       cartlift-server admin add EMAIL --role owner|marketer|viewer [--config FILE] [--password-stdin]
  creates a console account in the config's store (see docs/console.md)`;

function parsePort(text: string, name: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`${name} must be a whole number from 0 to 65535; received ${JSON.stringify(text)}.`);
  return port;
}

function demoOwnerEmail(text: string): string {
  if (text.trim().length > 254 || !ADMIN_EMAIL_PATTERN.test(text.trim())) {
    throw new Error(`--demo-owner must be an email address such as "demo@cartlift.example"; received ${JSON.stringify(text)}.`);
  }
  return text;
}

/**
 * Parses the command line (and PORT from `environment`); throws a sentence naming the flag on mistakes.
 *
 * @example
 * parseArgs(['--config', 'c.json', '--static', 'a', '--static', 'b'])
 */
export function parseArgs(argv: readonly string[], environment: Record<string, string | undefined> = {}): CliArgs {
  const args: CliArgs = {
    config: 'cartlift.config.json',
    port: undefined,
    host: '127.0.0.1',
    static: [],
    sandbox: false,
    strictPort: false,
    dataDir: undefined,
    demoOwner: undefined,
    demoReviews: false,
    help: false,
  };
  if (environment.PORT !== undefined) args.port = parsePort(environment.PORT, 'PORT');
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] =
      flag.startsWith('--') && flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || (inline === undefined && next.startsWith('--'))) throw new Error(`${name} needs a value; received nothing.`);
      return next;
    };
    switch (name) {
      case '--config':
        args.config = value();
        break;
      case '--port':
        args.port = parsePort(value(), '--port');
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--strict-port':
        args.strictPort = true;
        break;
      case '--host':
        args.host = value();
        break;
      case '--static':
        args.static.push(value());
        break;
      case '--sandbox':
        args.sandbox = true;
        break;
      case '--demo-owner':
        args.demoOwner = demoOwnerEmail(value());
        break;
      case '--demo-reviews':
        args.demoReviews = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`Unknown option ${JSON.stringify(flag)}.\n${USAGE}`);
    }
  }
  return args;
}

#!/usr/bin/env node
import { runAdminCommand } from '../cli/admin.js';
import { parseArgs, USAGE } from '../cli/args.js';
import { startFromArgs } from '../cli/start.js';
import { startBanner } from '../cli/start-banner.js';

/** All of standard input, for `admin add --password-stdin`. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  if (process.argv[2] === 'admin') {
    await runAdminCommand(process.argv.slice(3), { out: (line) => console.log(line), readStdin });
    return;
  }
  const args = parseArgs(process.argv.slice(2), process.env);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const running = await startFromArgs(args);
  for (const line of startBanner(running, args)) console.log(line);
  const stop = () => {
    running.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`cartlift-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

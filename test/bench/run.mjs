// `npm run bench`: runs every test/bench/*.bench.mjs (against the built
// packages) one after another and lets each print its own table. Benchmarks
// report figures; they never fail on time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [path.join(here, file)], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} benchmark(s) could not run.`);
  process.exit(1);
}

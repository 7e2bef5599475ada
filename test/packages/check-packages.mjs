#!/usr/bin/env node
// Lints what npm would publish, after `npm run build`: every non-private
// package in packages/* is packed once (`npm pack`), then checked by
// - publint (exports, files, types, sideEffects: does package.json match the tarball?)
// - @arethetypeswrong/cli with the `esm-only` profile: our packages are ESM
//   only ("type": "module", no `require` condition) on purpose, so the profile
//   skips the node10 and node16-from-CJS resolutions; everything an ESM user can
//   hit (node16 from ESM, bundler) must resolve to JavaScript with types.
// Fails with one sentence per problem. Usage: node test/packages/check-packages.mjs [dir…]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const attwBin = path.join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');

const only = process.argv.slice(2);
const packages = fs
  .readdirSync(path.join(root, 'packages'))
  .filter((dir) => !only.length || only.includes(dir))
  .map((dir) => ({ dir, pkg: JSON.parse(fs.readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private);

const failures = [];
const started = Date.now();

for (const { dir } of packages) {
  if (!fs.existsSync(path.join(root, 'packages', dir, 'dist'))) {
    console.error(`packages/${dir} has no dist/: run \`npm run build\` before this check.`);
    process.exit(1);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cartlift-pack-'));
try {
  // One npm process packs them all (what `npm publish` would upload).
  const workspaces = packages.flatMap(({ dir }) => ['--workspace', `packages/${dir}`]);
  const { stdout } = await run('npm', ['pack', ...workspaces, '--json', '--ignore-scripts', '--pack-destination', tmp], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const packed = new Map(JSON.parse(stdout).map((entry) => [entry.name, path.join(tmp, entry.filename)]));

  const check = async ({ dir, pkg }) => {
    const tarball = packed.get(pkg.name);
    if (!tarball) return [`packages/${dir} (${pkg.name}) was not packed by npm pack.`];
    const problems = [];

    const data = fs.readFileSync(tarball);
    const lint = await publint({ level: 'suggestion', strict: true, pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) } });
    for (const message of lint.messages) {
      problems.push(`publint found in packages/${dir}/package.json (${pkg.name}): ${formatMessage(message, pkg, { color: false }) ?? message.code}`);
    }

    try {
      await run(process.execPath, [attwBin, tarball, '--profile', 'esm-only', '--format', 'json'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      let report;
      try {
        report = JSON.parse(error.stdout);
      } catch {
        problems.push(`attw could not check ${pkg.name}: ${String(error.stderr || error.message).trim()}`);
      }
      const ignored = new Set(['node10', 'node16-cjs']); // the esm-only profile
      for (const p of report?.analysis?.problems ?? []) {
        const kind = p.resolutionKind ?? p.resolutionOption;
        if (ignored.has(kind)) continue;
        const where = [
          p.entrypoint && `"${p.entrypoint === '.' ? pkg.name : `${pkg.name}/${p.entrypoint.replace(/^\.\//, '')}`}"`,
          kind && `under ${kind} resolution`,
          p.fileName && `in ${p.fileName.replace(/^\/node_modules\//, '')}`,
          p.moduleSpecifier && `importing "${p.moduleSpecifier}"`,
        ]
          .filter(Boolean)
          .join(' ');
        problems.push(`arethetypeswrong found ${p.kind} for ${where || pkg.name}; see \`npx attw --pack packages/${dir} --profile esm-only\`.`);
      }
      if (report && !problems.some((line) => line.startsWith('arethetypeswrong')))
        problems.push(`attw failed for ${pkg.name}; see \`npx attw --pack packages/${dir} --profile esm-only\`.`);
    }
    return problems;
  };

  // Two at a time: the machine has two cores.
  const queue = [...packages];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) failures.push(...(await check(next)));
  };
  await Promise.all([worker(), worker()]);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(failures.join('\n'));
  console.error(`\n${failures.length} packaging problem(s) in ${packages.length} packages (publint + attw, ${seconds} s).`);
  process.exit(1);
}
console.log(`publint and attw (esm-only): ${packages.length} packages clean in ${seconds} s: ${packages.map(({ pkg }) => pkg.name).join(', ')}.`);

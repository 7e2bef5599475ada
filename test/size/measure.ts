import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size (level 9, as CDNs serve) of a file. */
export function gzipSize(file: string): number {
  return gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/**
 * A JS module and every module it imports statically, transitively: what the
 * browser must download before the module runs. Dynamic import() is excluded.
 */
export function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["']([^"']+)["']/g)) {
      const spec = match[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
    }
  };
  visit(entry);
  return [...seen];
}

/** Prints a size table row and returns the total. */
export function report(label: string, files: string[], budget: number): number {
  const sizes = files.map((f) => [path.basename(f), gzipSize(f)] as const);
  const total = sizes.reduce((sum, [, s]) => sum + s, 0);
  const detail = sizes.map(([f, s]) => `${f} ${s} B`).join(' + ');
  console.log(`${label}: ${total} B gzip of ${budget} B budget (${((100 * total) / budget).toFixed(0)}%) = ${detail}`);
  return total;
}

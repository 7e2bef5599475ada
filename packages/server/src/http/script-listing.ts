import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type EncodedFile, encodedFile } from './encoded-file.js';

/** The entry files' fixed names; everything else the build writes is a content-hashed chunk. */
export const ENTRY_FILES = ['cartlift.js', 'cartlift-boot.js'] as const;
// A URL path naming no listed file re-reads the folder (a rebuild's new chunks) at most this often.
const RELIST_MS = 1000;

/** URL path (`/cartlift.js`, `/chunks/base-Ab12Cd34.js`) → file, for the files the folder holds now. */
async function list(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const names = async (folder: string) =>
    (await readdir(folder, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile()).map((entry) => entry.name);
  for (const name of await names(dir)) if ((ENTRY_FILES as readonly string[]).includes(name)) files.set(`/${name}`, path.join(dir, name));
  for (const name of await names(path.join(dir, 'chunks'))) if (name.endsWith('.js')) files.set(`/chunks/${name}`, path.join(dir, 'chunks', name));
  return files;
}

/**
 * The script build's files by URL path. Only names read from the folder are
 * ever opened, so no URL can reach outside it; the listing is read on first
 * use and again when a listed file has gone or an unknown name is asked for
 * (at most once a second), which is how a rebuild shows.
 *
 * @example
 * const files = scriptListing('packages/cartlift/dist/cdn')
 * const file = await files.find('/cartlift.js') // null when the folder has no such file
 */
export function scriptListing(dir: string) {
  let listing: Promise<Map<string, string>> | undefined;
  let listedAt = 0;
  const cache = new Map<string, EncodedFile>();
  const relist = () => {
    listedAt = Date.now();
    listing = list(dir).then((files) => {
      for (const urlPath of cache.keys()) if (!files.has(urlPath)) cache.delete(urlPath);
      return files;
    });
    return listing;
  };
  const find = async (urlPath: string, mayRelist = true): Promise<EncodedFile | null> => {
    const file = (await (listing ?? relist())).get(urlPath);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      // Unknown (perhaps a new build's chunk) or gone since the listing was read: read the folder again, once.
      const relisting = mayRelist && (file !== undefined || Date.now() - listedAt >= RELIST_MS);
      if (!relisting) return null;
      await relist();
      return find(urlPath, false);
    }
    const version = `${info.size}:${info.mtimeMs}`;
    const cached = cache.get(urlPath);
    if (cached?.version === version) return cached;
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) return null;
    const fresh = encodedFile(bytes, version);
    cache.set(urlPath, fresh);
    return fresh;
  };
  return { find: (urlPath: string) => find(urlPath) };
}

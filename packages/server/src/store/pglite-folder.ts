import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { StoreUnavailableError } from './outage.js';

// Every past buyer is in this folder: only the server's user may read it.
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * False for PGlite's URL-like locations (`memory://`, `idb://`), which are no
 * folder on this disk and so are neither checked nor tightened.
 *
 * @example
 * isFolderPath('./.cartlift') // true
 * isFolderPath('memory://') // false
 */
export const isFolderPath = (dataDir: string) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir);

/**
 * Makes `dataDir` ready for PGlite without ever discarding data: a missing
 * folder is created owner-only (0700, parents as needed), an empty one is
 * used as it is, and an existing one must already be a cluster (hold
 * `PG_VERSION`). PGlite would otherwise initialise a fresh, empty database
 * over whatever is there, and every past buyer would count as new again.
 * Throws a `StoreUnavailableError` naming the folder and what is wrong.
 *
 * @example
 * await prepareDataFolder('/srv/shop/.cartlift') // then PGlite.create({ dataDir })
 */
export async function prepareDataFolder(dataDir: string): Promise<void> {
  const refuse = (what: string) =>
    new StoreUnavailableError(
      `The embedded database folder ${path.resolve(dataDir)} is not a PGlite database (${what}); move it away or point --data-dir elsewhere — nothing was changed.`,
    );
  const found = await lstat(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new StoreUnavailableError(
      `The embedded database folder ${path.resolve(dataDir)} cannot be read (${error.code ?? error.message}); nothing was changed.`,
      {
        cause: error,
      },
    );
  });
  if (!found) {
    await mkdir(dataDir, { recursive: true, mode: FOLDER_MODE });
    // mkdir's mode passes through the umask, which only ever removes bits: set it exactly.
    await chmod(dataDir, FOLDER_MODE);
    return;
  }
  if (!found.isDirectory()) throw refuse('it is a file, not a folder');
  const entries = await readdir(dataDir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) throw refuse('PG_VERSION is missing');
  await chmod(dataDir, FOLDER_MODE);
}

/**
 * Makes every folder under `dataDir` 0700 and every file 0600. PGlite writes
 * its files world-writable (0666) whatever the umask, so this runs after it
 * opens and after it closes; between the two, the folder's own 0700 already
 * keeps everyone else out. Symbolic links are left alone.
 *
 * @example
 * await tightenDataFolder('/srv/shop/.cartlift')
 */
export async function tightenDataFolder(dataDir: string): Promise<void> {
  await chmod(dataDir, FOLDER_MODE);
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    const full = path.join(dataDir, entry.name);
    if (entry.isDirectory()) await tightenDataFolder(full);
    else if (entry.isFile()) await chmod(full, FILE_MODE);
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeListener } from '../http/node.js';
import { isScriptPath, type ScriptFilesHandler } from '../http/script-files.js';
import { urlOrNull } from '../http/url.js';
import { staticFiles } from './static-files.js';

/**
 * What the CLI serves outside the API: the script build first (its own
 * headers: CORS, compression, caching), then the `--static` folders. Only
 * script paths go through the fetch conversion, so a shop page is served as
 * before whatever its request looks like.
 *
 * @example
 * serve(handler, { fallback: publicFiles(scriptFiles(), ['examples/script-tag']) })
 */
export function publicFiles(scripts: ScriptFilesHandler, dirs: readonly string[]) {
  const statics = staticFiles(dirs);
  const scriptsFirst = toNodeListener(scripts, statics);
  return (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = urlOrNull(req.url ?? '/', 'http://localhost')?.pathname;
    return pathname !== undefined && isScriptPath(pathname) ? scriptsFirst(req, res) : statics(req, res);
  };
}

/**
 * Reads an environment variable where there is one: edge runtimes may have no
 * `process` at all.
 *
 * @example
 * env('DATABASE_URL') // "postgres://..." or undefined
 */
export function env(name: string): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env?.[name];
}

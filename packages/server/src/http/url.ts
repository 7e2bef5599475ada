/**
 * `new URL(target, base)`, or null for what no URL can hold (a request
 * target like "//a:99999", a Host like "a:99999"): client input, never a throw.
 *
 * @example
 * urlOrNull('/api/cartlift/quote', 'http://shop.example')?.pathname // "/api/cartlift/quote"
 */
export function urlOrNull(target: string, base: string): URL | null {
  try {
    return new URL(target, base);
  } catch {
    return null;
  }
}

/**
 * The URL a request line and Host header name, or null when the Host is not
 * a plain `name[:port]`: credentials (`user:pass@shop.example`), a path or a
 * query in it are client mistakes fetch's Request would throw on (a 500).
 *
 * @example
 * requestUrlFrom('/api/cartlift/config', 'shop.example:8080')?.href // "http://shop.example:8080/api/cartlift/config"
 * requestUrlFrom('/', 'user:pass@shop.example') // null
 */
export function requestUrlFrom(target: string, host: string | undefined): URL | null {
  const name = host || 'localhost';
  if (/[@/\\?#\s]/.test(name)) return null;
  const url = urlOrNull(target, `http://${name}`);
  if (!url || url.username || url.password) return null;
  return url;
}

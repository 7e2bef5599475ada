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

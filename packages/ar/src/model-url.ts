/**
 * Checks a model attribute (`usdz` or `glb`): an absolute https URL, or in
 * development (an http://localhost-style page) a same-origin one. Returns the
 * absolute URL; throws the one sentence the console shows (expected vs received).
 *
 * @example
 * modelUrl('glb', '/models/teapot.glb', 'https://shop.example/pot') // 'https://shop.example/models/teapot.glb'
 * modelUrl('glb', 'http://cdn.example/t.glb', 'https://shop.example/')
 * // throws 'Cartlift: <cartlift-ar-button> glb must be an https URL (or same-origin in development), not "http://cdn.example/t.glb"; the button is hidden.'
 */
export function modelUrl(attribute: 'usdz' | 'glb', value: string | null, page: string): string {
  const pageUrl = new URL(page);
  let url: URL | null = null;
  try {
    if (value) url = new URL(value, pageUrl);
  } catch {}
  if (url && (url.protocol === 'https:' || url.origin === pageUrl.origin)) return url.href;
  throw new Error(badAttribute(attribute, 'an https URL (or same-origin in development)', value));
}

/**
 * The console's one sentence for a bad attribute: which, what was expected, what was received.
 *
 * @example
 * badAttribute('sku', 'a product SKU such as "POT-YIXING"', null)
 * // 'Cartlift: <cartlift-ar-button> sku must be a product SKU such as "POT-YIXING", not null; the button is hidden.'
 */
export function badAttribute(attribute: string, expected: string, received: string | null): string {
  return `Cartlift: <cartlift-ar-button> ${attribute} must be ${expected}, not ${JSON.stringify(received)}; the button is hidden.`;
}

/**
 * Checks a model attribute (`usdz` or `glb`): an absolute https URL, or in
 * development (an http://localhost-style page) a same-origin one. Returns the
 * absolute URL, or the one sentence the console shows (expected vs received).
 *
 * @example
 * checkModelUrl('glb', '/models/teapot.glb', 'https://shop.example/pot') // { url: 'https://shop.example/models/teapot.glb' }
 * checkModelUrl('glb', 'http://cdn.example/t.glb', 'https://shop.example/') // { error: 'Cartlift: <cartlift-ar-button> glb must be an https URL …' }
 */
export function checkModelUrl(attribute: 'usdz' | 'glb', value: string | null, page: string): { url: string } | { error: string } {
  const pageUrl = new URL(page);
  let url: URL | null = null;
  try {
    if (value) url = new URL(value, pageUrl);
  } catch {}
  if (url && (url.protocol === 'https:' || url.origin === pageUrl.origin)) return { url: url.href };
  const received = value === null ? 'nothing' : JSON.stringify(value);
  return {
    error: `Cartlift: <cartlift-ar-button> ${attribute} must be an https URL of the ${attribute.toUpperCase()} model (or a same-origin one in development), but received ${received}; the AR button is hidden.`,
  };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML, in element content and in quoted attribute values alike:
 * `&`, `<`, `>`, `"` and `'` become entities, so untrusted text is only ever text.
 *
 * @example
 * escapeHtml('"><img src=x onerror=alert(1)>') // "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A photo URL fit for `<img src>`, or undefined: only http(s) and relative URLs
 * pass. Any whitespace or control character refuses it, because browsers drop
 * tabs and newlines from URLs and would read `java\nscript:` as a scheme.
 *
 * @example
 * safePhotoUrl('https://cdn.shop.example/r/1.webp') // "https://cdn.shop.example/r/1.webp"
 * safePhotoUrl('/api/cartlift/reviews/photos/1')   // "/api/cartlift/reviews/photos/1"
 * safePhotoUrl('javascript:alert(1)')              // undefined
 * safePhotoUrl('data:image/png;base64,AAAA')       // undefined
 */
export function safePhotoUrl(url: string): string | undefined {
  if (url === '' || /[\p{Cc}\s]/u.test(url)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' ? url : undefined;
}

/**
 * Serializes a value for a `<script type="application/ld+json">` element: JSON
 * with `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes, so no
 * `</script>` or `<!--` in a review can end the element early. `JSON.parse`
 * reads back the original strings.
 *
 * @example
 * serializeJsonLd({ name: '</script><script>alert(1)</script>' })
 * // '{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

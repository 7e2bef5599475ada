const isoFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of a time, as "YYYY-MM-DD", in a time zone (UTC by
 * default): what `<time datetime>` and JSON-LD's `datePublished` carry.
 * Undefined for a time that isn't one.
 *
 * @example
 * isoDate(Date.UTC(2025, 3, 1, 23, 30))                  // "2025-04-01"
 * isoDate(Date.UTC(2025, 3, 1, 23, 30), 'Asia/Shanghai') // "2025-04-02"
 */
export function isoDate(ms: number, timeZone = 'UTC'): string | undefined {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  let format = isoFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    isoFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year');
  if (!/^\d{4}$/.test(year)) return undefined;
  return `${year}-${part('month')}-${part('day')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    const numeric = 'numeric';
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: numeric,
      month: numeric,
      day: numeric,
      hour: numeric,
      minute: numeric,
      second: numeric,
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Milliseconds the zone's wall clock is ahead of UTC at instant `epoch`. */
function offsetAt(epoch: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epoch)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(epoch / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DAY = 864e5;

/**
 * Epoch ms of a config time. Strings with `Z` or an offset are absolute; plain
 * wall-clock strings ("2025-04-01" = midnight, "2025-04-01T10:00") are read in
 * `timeZone` (IANA) through Intl. A wall time skipped by a DST jump moves forward.
 *
 * @example
 * toEpoch('2025-04-01', 'Asia/Shanghai') // Date.parse('2025-03-31T16:00:00Z')
 */
export function toEpoch(text: string, timeZone = 'UTC'): number {
  const match = WALL.exec(text);
  if (!match) return Date.parse(text);
  const [, year, month, day, hour, minute, second] = match;
  const wall = Date.UTC(+year!, +month! - 1, +day!, +(hour ?? 0), +(minute ?? 0), +(second ?? 0));
  // Candidates from the offsets on either side of a DST change: in an overlap
  // both are valid and the first wins; in a gap neither is, and the later one
  // (the wall time pushed forward) wins.
  const withOffsetBefore = wall - offsetAt(wall - DAY, timeZone);
  const withOffsetAfter = wall - offsetAt(wall + DAY, timeZone);
  const valid = [withOffsetBefore, withOffsetAfter].filter((epoch) => wall - offsetAt(epoch, timeZone) === epoch);
  return valid.length ? Math.min(...valid) : Math.max(withOffsetBefore, withOffsetAfter);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    const n = 'numeric';
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: n, month: n, day: n, hour: n, minute: n, second: n });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds the zone's wall clock is ahead of UTC at instant `epoch`. */
function offsetAt(epoch: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epoch)) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(epoch / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Epoch ms of a config time. Strings with `Z` or an offset are absolute; plain
 * wall-clock strings ("2025-04-01" = midnight, "2025-04-01T10:00") are read in
 * `timeZone` (IANA) through Intl. A wall time skipped by a DST jump moves forward.
 *
 * @example
 * toEpoch('2025-04-01', 'Asia/Shanghai') // Date.parse('2025-03-31T16:00:00Z')
 */
export function toEpoch(text: string, timeZone = 'UTC'): number {
  const m = WALL.exec(text);
  if (!m) return Date.parse(text);
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  // Candidates from the offsets on either side of a DST change: in an overlap
  // both are valid and the first wins; in a gap neither is, and the later one
  // (the wall time pushed forward) wins.
  const a = wall - offsetAt(wall - 864e5, timeZone);
  const b = wall - offsetAt(wall + 864e5, timeZone);
  const valid = [a, b].filter((e) => wall - offsetAt(e, timeZone) === e);
  return valid.length ? Math.min(...valid) : Math.max(a, b);
}

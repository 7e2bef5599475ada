import { HttpError } from '../http/errors.js';
import type { FunnelRow } from '../store/types.js';

/** The funnel's steps, in order (GA4 names, docs/analytics.md). */
export const FUNNEL_STEPS = ['view_item', 'add_to_cart', 'view_cart', 'begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase'] as const;

const DAY = 86_400_000;
const MAX_DAYS = 366;

export interface FunnelQuery {
  from: number;
  to: number;
  by: 'variant' | 'day' | null;
  experiment: string | null;
}

export interface FunnelStep {
  name: (typeof FUNNEL_STEPS)[number];
  /** Shoppers who reached this step or a later one. */
  shoppers: number;
  /** Shoppers lost since the previous step. */
  dropOff: number;
  /** This step over the previous one, in basis points (10000 = 100%); null for the first step or when the previous is 0. */
  conversionBp: number | null;
  /** This step over the first, in basis points. */
  fromFirstBp: number | null;
  /**
   * Where the count comes from: `browser` when only browser events say so (anyone
   * can post them: not verified), `paid_orders` for purchases of orders the ledger holds as paid.
   */
  source: StepSource;
}

/** `browser`: reported by browsers, not verified; `paid_orders`: backed by the payment ledger. */
export type StepSource = 'browser' | 'paid_orders';

/**
 * Where a step's count comes from: the funnel store counts a purchase only for a
 * paid order, every other step on the browser's word.
 *
 * @example
 * stepSource('begin_checkout') // 'browser'
 */
export function stepSource(step: (typeof FUNNEL_STEPS)[number]): StepSource {
  return step === 'purchase' ? 'paid_orders' : 'browser';
}

export interface FunnelGroup {
  /** "all", a UTC date ("2026-01-31") or a variant name. */
  key: string;
  /** Shoppers with any event in the range (also those who reached no step). */
  shoppers: number;
  steps: FunnelStep[];
  /** Paid orders from the ledger in this group (see ledger-totals.ts). */
  orders?: number;
  revenue?: Record<string, number>;
  collectionCoverageBp?: number | null;
}

/**
 * `n / d` in basis points, rounded half up, in integers.
 *
 * @example
 * basisPoints(1, 3) // 3333
 */
export function basisPoints(n: number, d: number): number | null {
  return d === 0 ? null : Math.floor((20_000 * n + d) / (2 * d));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseTime(name: 'from' | 'to', text: string): number {
  const invalid = () =>
    new HttpError(
      400,
      'invalid_request',
      `${name} must be a UTC date such as "2026-01-31", an ISO time with a zone such as "2026-01-31T08:00:00Z", or milliseconds since 1970; received ${JSON.stringify(text.slice(0, 40))}.`,
      name,
    );
  let ms: number;
  if (/^\d{1,13}$/.test(text)) ms = Number(text);
  else if (DATE.test(text))
    ms = Date.parse(`${text}T00:00:00Z`) + (name === 'to' ? DAY : 0); // a date `to` includes that day
  else if (INSTANT.test(text)) ms = Date.parse(text);
  else throw invalid();
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 1e13) throw invalid();
  return ms;
}

/**
 * Reads `from`, `to`, `by` and `experiment` (defaults: the 30 days before now, no grouping).
 *
 * @example
 * parseFunnelQuery(new URLSearchParams('from=2026-01-01&to=2026-01-07&by=day'), Date.now())
 */
export function parseFunnelQuery(params: URLSearchParams, now: number): FunnelQuery {
  const to = params.has('to') ? parseTime('to', params.get('to')!) : now;
  const from = params.has('from') ? parseTime('from', params.get('from')!) : to - 30 * DAY;
  if (from >= to)
    throw new HttpError(
      400,
      'invalid_request',
      `from must be before to; received from ${new Date(from).toISOString()} and to ${new Date(to).toISOString()}.`,
      'from',
    );
  const byText = params.get('by');
  if (byText !== null && byText !== 'variant' && byText !== 'day') {
    throw new HttpError(400, 'invalid_request', `by must be "variant" or "day"; received ${JSON.stringify(byText.slice(0, 40))}.`, 'by');
  }
  const by = byText as FunnelQuery['by'];
  const experiment = params.get('experiment');
  // NUL and unpaired surrogates cannot reach PostgreSQL as text; no stored key holds them anyway.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL text refuses, so it is what this looks for
  const storable = experiment !== null && !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(experiment);
  if (by === 'variant' && (experiment === null || !storable || experiment.length === 0 || experiment.length > 100)) {
    throw new HttpError(
      400,
      'invalid_request',
      `experiment must name the experiment (1 to 100 characters of text) when by is "variant"; received ${experiment === null ? 'nothing' : JSON.stringify(experiment.slice(0, 40))}.`,
      'experiment',
    );
  }
  if (by !== 'variant' && experiment !== null) {
    throw new HttpError(
      400,
      'invalid_request',
      `experiment is only read with by=variant; received experiment ${JSON.stringify(experiment.slice(0, 40))} with by ${by === null ? 'missing' : `"${by}"`}.`,
      'experiment',
    );
  }
  if (by === 'day' && to - from > MAX_DAYS * DAY) {
    throw new HttpError(
      400,
      'invalid_request',
      `from and to must be at most ${MAX_DAYS} days apart when by is "day"; received ${Math.ceil((to - from) / DAY)} days.`,
      'from',
    );
  }
  return { from, to, by, experiment: by === 'variant' ? experiment : null };
}

function toSteps(byFurthest: Map<number, number>): FunnelStep[] {
  const reached = FUNNEL_STEPS.map((_, i) => {
    let n = 0;
    for (const [furthest, shoppers] of byFurthest) if (furthest >= i + 1) n += shoppers;
    return n;
  });
  return FUNNEL_STEPS.map((name, i) => {
    const previous = i === 0 ? null : reached[i - 1]!;
    const shoppers = reached[i]!;
    return {
      name,
      shoppers,
      dropOff: previous === null ? 0 : previous - shoppers,
      conversionBp: previous === null ? null : basisPoints(shoppers, previous),
      fromFirstBp: basisPoints(shoppers, reached[0]!),
      source: stepSource(name),
    };
  });
}

const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Groups the store's rows into funnels: one (`all`), one per UTC day in the
 * range (empty days included), or one per variant.
 *
 * @example
 * buildFunnel([{ day: null, variant: null, furthest: 7, shoppers: 2 }], query).groups[0].steps[6].shoppers // 2
 */
export function buildFunnel(rows: readonly FunnelRow[], query: FunnelQuery): FunnelGroup[] {
  const keyOf = (row: FunnelRow) => (query.by === 'day' ? isoDay(row.day ?? 0) : query.by === 'variant' ? (row.variant ?? '') : 'all');
  const groups = new Map<string, Map<number, number>>();
  if (query.by === 'day') {
    for (let day = Math.floor(query.from / DAY); day * DAY < query.to; day++) groups.set(isoDay(day), new Map());
  } else if (query.by === null) groups.set('all', new Map());
  for (const row of rows) {
    const key = keyOf(row);
    const byFurthest = groups.get(key) ?? new Map<number, number>();
    byFurthest.set(row.furthest, (byFurthest.get(row.furthest) ?? 0) + row.shoppers);
    groups.set(key, byFurthest);
  }
  const keys = [...groups.keys()];
  if (query.by === 'variant') keys.sort();
  return keys.map((key) => {
    const byFurthest = groups.get(key)!;
    return { key, shoppers: [...byFurthest.values()].reduce((a, b) => a + b, 0), steps: toSteps(byFurthest) };
  });
}

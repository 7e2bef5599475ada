export interface CollectorStats {
  requests: number;
  failed: number;
  received: number;
  duplicates: number;
  invalid: number;
  beaconLike: number;
}
export interface Collector {
  url: string;
  stats: CollectorStats;
  settings: { failRate: number; retryAfter: number };
  /** Each POST /events: when it arrived (ms since epoch) and the status it got. */
  log: { at: number; status: number }[];
  stored(): Record<string, unknown>[];
  close(): Promise<void>;
}
export function startCollector(options?: {
  failRate?: number;
  retryAfter?: number;
  seed?: number;
  files?: Record<string, string>;
  dirs?: Record<string, string>;
  basePath?: string;
  /** The first n requests fail with failStatus (default 429; 429 and 503 carry Retry-After). */
  failFirst?: number;
  failStatus?: 500 | 503 | 429;
}): Promise<Collector>;

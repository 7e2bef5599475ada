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
}): Promise<Collector>;

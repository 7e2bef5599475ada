export const BASE_PATH: string;
export interface RealCollector {
  url: string;
  endpoint: string;
  proxy: { requests: number; failed: number; beaconLike: number; beacons: number };
  /** Each event of each request the real server answered 2xx: its event_id, harness seq, the sending page (?page=), the arrival time (ms), whether it was a beacon. */
  deliveries: { id: string; seq?: string; page: string | null; at: number; beacon: boolean }[];
  /** Harness sequence ids seen in requests the proxy failed on purpose. */
  failedSeqs: Set<string>;
  serverStats(): Promise<{ batches: number; accepted: number; duplicates: number; invalid: number; refused: number; throttled: number; stored: number }>;
  storedSeqs(): Promise<(string | null)[]>;
  close(): Promise<void>;
}
export function startRealCollector(options?: {
  failRate?: number;
  retryAfter?: number;
  seed?: number;
  files?: Record<string, string>;
  dirs?: Record<string, string>;
}): Promise<RealCollector>;

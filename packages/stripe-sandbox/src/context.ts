import type { SandboxState } from './state.js';

/** What every API operation receives: the state, a clock, event emission and the public URL. */
export interface OperationContext {
  state: SandboxState;
  /** Unix seconds. */
  now: number;
  /** The sandbox's own origin, for hosted test pages (Alipay authorize, WeChat Pay QR). */
  baseUrl: string;
  emit(type: string, object: unknown, previousAttributes?: Record<string, unknown>): void;
}

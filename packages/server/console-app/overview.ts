import type { PromotionStatus } from '../src/promotions/status.js';
import type { PromotionsConfig } from '@cartlift/core/contract';
import { useConsole } from './console-context.js';
import { type Loaded, useLoad } from './use-load.js';

export type { PromotionStatus };

/** One promotion of the working draft as the list shows it. */
export interface PromotionRow {
  id: string;
  name: PromotionsConfig['promotions'][number]['name'];
  code: string | null;
  status: PromotionStatus;
  redemptions?: number;
  discountGiven?: number;
  budget?: number | null;
}

/** `GET /admin/api/promotions`: the draft, the live version number, the shop's currency and time zone. */
export interface Overview {
  version: number;
  currency: string;
  timeZone: string;
  draft: { config: PromotionsConfig; rev: number; updatedAt: number | null; updatedBy: string | null };
  promotions: PromotionRow[];
}

/** The draft and statuses, loaded for a page. */
export function useOverview(keys: readonly unknown[] = []): Loaded<Overview> {
  const { api } = useConsole();
  return useLoad(() => api.get<Overview>('/promotions'), keys);
}

/**
 * Promotions config schema (zod): filled in with the promotions engine.
 */
export {};

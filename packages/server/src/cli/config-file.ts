import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { loadCatalogFile } from '../catalog.js';
import type { CartliftHandlerOptions } from '../options.js';

const fileSchema = z.object({
  currency: z.string(),
  basePath: z.string().optional(),
  // Checked as origins by the handler, whose error names the option.
  allowedOrigins: z.union([z.literal('*'), z.array(z.string())]).optional(),
  catalog: z.union([z.string(), z.array(z.unknown()), z.object({ products: z.array(z.unknown()) })]),
  promotions: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  managePromotions: z.boolean().optional(),
  timeZone: z.string().optional(),
  shippingOptions: z
    .array(z.object({ id: z.string(), name: z.union([z.string(), z.record(z.string(), z.string())]), amount: z.number().int().min(0) }))
    .optional(),
  stripe: z.object({ publishableKey: z.string().optional() }).optional(),
  store: z
    .union([
      z.object({ kind: z.literal('pglite'), dataDir: z.string().optional() }),
      z.object({ kind: z.literal('postgres'), connectionString: z.string().optional() }),
    ])
    .optional(),
  rateLimit: z
    .union([
      z.literal(false),
      z.object({
        windowMs: z.number().optional(),
        perCart: z.number().optional(),
        perEmail: z.number().optional(),
        perIpCeiling: z.number().optional(),
        perIp: z.number().optional(),
      }),
    ])
    .optional(),
  // Checked by the handler (reviewOptions), whose errors name the option. The signing secret is not read from here: CARTLIFT_REVIEW_SECRET.
  reviews: z
    .strictObject({
      invitationUrl: z.string().optional(),
      acceptUnverified: z.boolean().optional(),
      moderation: z.enum(['all', 'flagged']).optional(),
      attributes: z.record(z.string(), z.array(z.string())).optional(),
      photoFolder: z.string().optional(),
    })
    .optional(),
  // The report token is a secret: it comes from CARTLIFT_REPORT_TOKEN, never from this file.
  analytics: z
    .strictObject({
      allowedOrigins: z.union([z.literal('*'), z.array(z.string())]).optional(),
      eventsPerMinute: z.union([z.literal(false), z.number().int().positive()]).optional(),
      storedBytesPerDay: z.union([z.literal(false), z.number().int().positive()]).optional(),
      retentionDays: z.number().int().min(1).max(36_500).optional(),
    })
    .optional(),
});

export type ConfigFile = z.infer<typeof fileSchema>;

async function readJson(file: string, what: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new Error(`${what} ${file} cannot be read: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Reads `cartlift.config.json`; `catalog` and `promotions` may be inline or
 * paths relative to the config file.
 *
 * @example
 * const { options, file } = await loadConfigFile('examples/cartlift.config.json')
 */
export async function loadConfigFile(file: string): Promise<{ file: ConfigFile; options: Omit<CartliftHandlerOptions, 'stripe'> }> {
  const absolute = path.resolve(file);
  const parsed = fileSchema.safeParse(await readJson(absolute, 'Config file'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Config file ${absolute}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  const config = parsed.data;
  const dir = path.dirname(absolute);
  const catalog =
    typeof config.catalog === 'string' ? await loadCatalogFile(path.resolve(dir, config.catalog)) : (config.catalog as CartliftHandlerOptions['catalog']);
  const promotions = typeof config.promotions === 'string' ? await readJson(path.resolve(dir, config.promotions), 'Promotions file') : config.promotions;
  const store = config.store?.kind === 'pglite' && config.store.dataDir ? { ...config.store, dataDir: path.resolve(dir, config.store.dataDir) } : config.store;
  return {
    file: config,
    options: {
      currency: config.currency,
      catalog,
      ...(config.basePath ? { basePath: config.basePath } : {}),
      ...(config.allowedOrigins !== undefined ? { allowedOrigins: config.allowedOrigins } : {}),
      ...(promotions !== undefined ? { promotions } : {}),
      ...(config.managePromotions !== undefined ? { managePromotions: config.managePromotions } : {}),
      ...(config.timeZone !== undefined ? { timeZone: config.timeZone } : {}),
      ...(config.shippingOptions ? { shippingOptions: config.shippingOptions } : {}),
      ...(store ? { store } : {}),
      ...(config.rateLimit !== undefined ? { rateLimit: config.rateLimit } : {}),
      ...(config.analytics ? { analytics: config.analytics } : {}),
      ...(config.reviews
        ? { reviews: { ...config.reviews, ...(config.reviews.photoFolder ? { photoFolder: path.resolve(dir, config.reviews.photoFolder) } : {}) } }
        : {}),
    },
  };
}

import { z } from 'zod';
import { CartliftError, isCurrency, localizedName } from '@cartlift/core';
import { skuField } from './requests.js';
import { parseWith } from './http/validation.js';
import { HttpError } from './http/errors.js';

const localized = z.union([z.string().min(1), z.record(z.string(), z.string().min(1)).refine((names) => Object.keys(names).length > 0)], {
  error: 'must be a non-empty string or an object of names by locale such as {"en": "Tea", "zh-CN": "茶"}',
});
const minorUnits = z
  .number({ error: 'must be a whole number of minor units (1999 for 19.99)' })
  .int({ error: 'must be a whole number of minor units (1999 for 19.99)' })
  .min(0, { error: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER);

const IMAGE_RULE = 'must be an image URL such as "https://shop.example/img/tea.jpg" or a path from the site root such as "/img/tea.svg"';

/** An http(s) URL, or a path from the site root (not "//host", which leaves the site). */
function isImageUrl(value: string): boolean {
  if (/^\/(?!\/)\S*$/.test(value)) return true;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A product image: shown in the drawer, so only web addresses a page may load. */
const imageUrl = z.string({ error: IMAGE_RULE }).max(2048, { error: 'must be at most 2048 characters' }).refine(isImageUrl, { error: IMAGE_RULE });

export const addOnSchema = z.object({
  sku: skuField,
  kind: z.string({ error: 'must name the kind of add-on, such as "gift_wrap", "warranty" or "express_shipping"' }).min(1),
  price: minorUnits,
  name: localized,
});

export const productSchema = z.object({
  // The browser cart's rule, checked at load: a SKU it could never hold would be a product nobody can buy.
  sku: skuField,
  name: localized,
  price: minorUnits,
  currency: z.string().refine(isCurrency, { error: 'must be an ISO 4217 code in capitals such as "USD"' }),
  tags: z.array(z.string()).optional(),
  image: imageUrl.optional(),
  addOns: z.array(addOnSchema).optional(),
});

/** A product as the catalog defines it; its `price` is the only price the server uses. */
export type Product = z.infer<typeof productSchema>;
export type AddOnOffer = z.infer<typeof addOnSchema>;

/** Add-on offers by the sku of the product that offers them, as `GET /config` lists them. */
export type AddOnOffers = Record<string, AddOnOffer[]>;

/** A catalog in your own system, looked up per request. */
export interface ProductSource {
  getProducts(skus: string[]): Promise<Product[]> | Product[];
  /**
   * Every add-on offer, by the sku of the product offering it, so `GET /config`
   * can show them before the cart is priced (a callback catalog cannot be
   * listed otherwise). Called at most once a minute. Without it `/config`
   * lists no add-ons; they still sell at the price `getProducts` gives.
   *
   * @example
   * listAddOns: async () => ({ 'POT-YIXING': [{ sku: 'ADDON-WARRANTY-1Y', kind: 'warranty', price: 900, name: { en: '1-year warranty', 'zh-CN': '一年保修' } }] })
   */
  listAddOns?(): Promise<AddOnOffers> | AddOnOffers;
}

/**
 * Where products come from: a list (or a JSON file's contents), or callbacks
 * looking skus (and add-on offers) up in your own system.
 */
export type CatalogSource = Product[] | { products: Product[] } | ProductSource;

export interface Catalog {
  /** Products for these skus (unknown skus are simply missing). */
  lookup(skus: string[]): Promise<Map<string, Product>>;
  /** Every product, when the catalog is a list (used for `GET /config`'s add-on offers). */
  all(): Product[] | null;
  /** Add-on offers for `GET /config` when the catalog cannot be listed (a callback catalog with `listAddOns`). */
  addOnOffers?(): Promise<AddOnOffers>;
}

const addOnOffersSchema = z.record(skuField, z.array(addOnSchema));

/** Calls `listAddOns` and checks its answer; a bad one is the integrator's bug, named in the error. */
async function listAddOnOffers(listAddOns: () => Promise<AddOnOffers> | AddOnOffers): Promise<AddOnOffers> {
  const found = await listAddOns();
  const parsed = addOnOffersSchema.safeParse(found);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(String(key))}]`)).join('');
  throw new Error(
    `listAddOns must return add-on offers by product sku, such as {"POT-YIXING": [{"sku": "ADDON-WARRANTY-1Y", "kind": "warranty", "price": 900, "name": "1-year warranty"}]}; at result${path}: ${issue.message}.`,
  );
}

const catalogFile = z.union([z.array(productSchema), z.object({ products: z.array(productSchema) })]);

/**
 * Makes a catalog from a product list or a `getProducts(skus)` callback,
 * validating listed products up front so a bad catalog fails at start.
 *
 * @example
 * const catalog = createCatalog([{ sku: 'TEA-LJ-100', name: 'Longjing', price: 2400, currency: 'USD' }])
 * const catalog = createCatalog({ getProducts: (skus) => db.products.whereIn('sku', skus) })
 * const catalog = createCatalog({ getProducts: (skus) => db.products.whereIn('sku', skus), listAddOns: () => db.addOnOffers() })
 */
export function createCatalog(source: CatalogSource): Catalog {
  if (!Array.isArray(source) && 'getProducts' in source) {
    const getProducts = source.getProducts;
    if (source.listAddOns !== undefined && typeof source.listAddOns !== 'function') {
      throw new CartliftError(
        'invalid_option',
        `catalog.listAddOns must be a function returning add-on offers by product sku; received ${typeof source.listAddOns}.`,
        'catalog.listAddOns',
      );
    }
    const listAddOns = source.listAddOns?.bind(source);
    return {
      ...(listAddOns ? { addOnOffers: () => listAddOnOffers(listAddOns) } : {}),
      async lookup(skus) {
        const found = await getProducts(skus);
        const map = new Map<string, Product>();
        for (const product of Array.isArray(found) ? found : []) {
          const parsed = productSchema.safeParse(product);
          // A malformed product from the integrator's system is their bug, not the shopper's.
          if (!parsed.success)
            throw new Error(
              `getProducts returned an invalid product for sku ${JSON.stringify((product as { sku?: unknown })?.sku)}: ${parsed.error.issues[0]?.message}`,
            );
          map.set(parsed.data.sku, parsed.data);
        }
        return map;
      },
      all: () => null,
    };
  }
  let products: Product[];
  try {
    const parsed = parseWith(catalogFile, source);
    products = Array.isArray(parsed) ? parsed : parsed.products;
  } catch (error) {
    throw new CartliftError(
      'invalid_option',
      `catalog is invalid: ${error instanceof HttpError ? error.message : String(error)}`,
      error instanceof HttpError && error.field ? `catalog.${error.field}` : 'catalog',
    );
  }
  const bySku = new Map(products.map((product) => [product.sku, product]));
  return {
    async lookup(skus) {
      const map = new Map<string, Product>();
      for (const sku of skus) {
        const product = bySku.get(sku);
        if (product) map.set(sku, product);
      }
      return map;
    },
    all: () => products,
  };
}

/**
 * Reads a catalog JSON file (`[...]` or `{ "products": [...] }`).
 *
 * @example
 * const catalog = await loadCatalogFile('./catalog.json')
 */
export async function loadCatalogFile(file: string): Promise<Catalog> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CartliftError('invalid_option', `catalog file ${file} is not valid JSON: ${(error as Error).message}`, 'catalog');
  }
  return createCatalog(data as CatalogSource);
}

/** The product's name in `locale`: core's one rule for names by locale. */
export const localName = localizedName;

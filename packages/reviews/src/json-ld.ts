import { isoDate } from './dates.js';
import type { Review, ReviewSummary } from './model.js';

/** The product the reviews are about, as the shop's page names it. */
export interface ReviewProduct {
  readonly sku: string;
  readonly name: string;
  /** The product page's URL. */
  readonly url?: string;
  readonly image?: string | readonly string[];
  readonly brand?: string;
  /**
   * The `@id` of the shop's own Product markup, so search engines merge the two
   * into one product. Without it, `url` + "#product" when there is a url.
   */
  readonly '@id'?: string;
}

/** A schema.org Product carrying the reviews: what `productJsonLd` returns. */
export interface ProductJsonLd {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'Product';
  readonly '@id'?: string;
  readonly name: string;
  readonly sku: string;
  readonly url?: string;
  readonly image?: string | readonly string[];
  readonly brand?: { readonly '@type': 'Brand'; readonly name: string };
  readonly aggregateRating?: {
    readonly '@type': 'AggregateRating';
    readonly ratingValue: number;
    readonly reviewCount: number;
    readonly bestRating: 5;
    readonly worstRating: 1;
  };
  readonly review?: readonly {
    readonly '@type': 'Review';
    readonly author: { readonly '@type': 'Person'; readonly name: string };
    readonly reviewRating: { readonly '@type': 'Rating'; readonly ratingValue: number; readonly bestRating: 5; readonly worstRating: 1 };
    readonly datePublished?: string;
    readonly name?: string;
    readonly reviewBody: string;
    readonly inLanguage?: string;
  }[];
}

/**
 * The schema.org `Product` for a product's reviews: `aggregateRating` from the
 * summary (all published reviews; its mean to 2 decimals) and one `Review` per
 * published review given, with the reviewer's display name as a `Person`.
 * With no published reviews it carries neither, since a rating of 0 reviews
 * is invalid markup. Serialize it with `serializeJsonLd`.
 *
 * @example
 * productJsonLd({ product: { sku: 'TEA', name: 'Longjing tea', '@id': 'https://shop.example/tea#product' },
 *                 summary: { count: 2, average: 4.5, rankingScore: 2.46 }, reviews })
 * // { '@context': 'https://schema.org', '@type': 'Product', '@id': 'https://shop.example/tea#product', …,
 * //   aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 2, bestRating: 5, worstRating: 1 }, review: [ … ] }
 */
export function productJsonLd(
  data: { readonly product: ReviewProduct; readonly summary: ReviewSummary; readonly reviews: readonly Review[] },
  timeZone = 'UTC',
): ProductJsonLd {
  const { product, summary } = data;
  const id = product['@id'] ?? (product.url ? `${product.url}#product` : undefined);
  const published = data.reviews.filter((r) => r.status === 'published');
  const rated = summary.count > 0;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    ...(id !== undefined && { '@id': id }),
    name: product.name,
    sku: product.sku,
    ...(product.url !== undefined && { url: product.url }),
    ...(product.image !== undefined && { image: product.image }),
    ...(product.brand !== undefined && { brand: { '@type': 'Brand', name: product.brand } }),
    ...(rated && {
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: Math.round(summary.average * 100) / 100,
        reviewCount: summary.count,
        bestRating: 5,
        worstRating: 1,
      },
    }),
    ...(rated &&
      published.length > 0 && {
        review: published.map((r) => {
          const date = isoDate(r.createdAt, timeZone);
          return {
            '@type': 'Review',
            author: { '@type': 'Person', name: r.author },
            reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
            ...(date !== undefined && { datePublished: date }),
            ...(r.title !== '' && { name: r.title }),
            reviewBody: r.body,
            ...(r.language !== '' && { inLanguage: r.language }),
          } as const;
        }),
      }),
  };
}

import type { ReviewSort } from '@cartlift/reviews';
import type { Row } from '../sql-rows.js';

/** The compact columns the index reads of a review row (never titles or bodies). */
export const INDEX_COLUMNS = 'id, rating, has_photos, verified, variant, created_at, helpful_score, attributes, topics, search_terms';

/** A product whose reviews the index cannot answer exactly (an attribute answer that is not a string): the SQL path serves it. */
export class NotIndexableError extends Error {}

/** Strings stored once, referred to by number. */
class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

const NONE = -1;
/** Bitmaps kept per product: 100 KB each at 100,000 reviews. */
const MAX_BITMAPS = 64;
const EMPTY = new Int32Array(0);

/**
 * One product's published reviews as columns, position = rank of the id in
 * the database's own `ORDER BY id` (its collation), so ties break exactly as
 * the SQL path's `id ASC`. Rows are updated in place; a review the index has
 * never seen means a rebuild (its rank is unknown). Orders are sorted lazily.
 *
 * @example
 * const index = new ProductReviewIndex(rowsInIdOrder)
 * index.order('helpful') // positions, most helpful first
 */
export class ProductReviewIndex {
  readonly size: number;
  readonly ids: string[];
  readonly positions = new Map<string, number>();
  readonly alive: Uint8Array;
  readonly rating: Uint8Array;
  readonly hasPhotos: Uint8Array;
  readonly verified: Uint8Array;
  readonly variant: Int32Array;
  readonly createdAt: Float64Array;
  readonly helpfulScore: Float64Array;
  /** Per row: ids in `pairs` ("name\0answer"), in `topicNames`, in `terms`. */
  readonly attributes: Int32Array[];
  readonly topics: Int32Array[];
  readonly terms: Int32Array[];
  readonly variants = new Dictionary();
  readonly pairs = new Dictionary();
  readonly topicNames = new Dictionary();
  readonly termNames = new Dictionary();
  private readonly orders = new Map<ReviewSort, number[]>();
  /** Orders from before the last change: where the next sort starts. */
  private readonly stale = new Map<ReviewSort, number[]>();
  /** Rows holding one attribute answer, topic or search term (by "kind:id"), made on first use; at most MAX_BITMAPS. */
  private readonly bitmaps = new Map<string, Uint8Array>();

  constructor(rows: readonly Row[]) {
    const n = rows.length;
    this.size = n;
    this.ids = new Array(n);
    this.alive = new Uint8Array(n);
    this.rating = new Uint8Array(n);
    this.hasPhotos = new Uint8Array(n);
    this.verified = new Uint8Array(n);
    this.variant = new Int32Array(n);
    this.createdAt = new Float64Array(n);
    this.helpfulScore = new Float64Array(n);
    this.attributes = new Array(n);
    this.topics = new Array(n);
    this.terms = new Array(n);
    rows.forEach((row, position) => {
      this.ids[position] = String(row.id);
      this.positions.set(String(row.id), position);
      this.set(position, row);
    });
  }

  /** Writes a published row's columns at its position. Throws NotIndexableError for a non-string attribute answer. */
  set(position: number, row: Row): void {
    this.alive[position] = 1;
    this.rating[position] = Number(row.rating);
    this.hasPhotos[position] = row.has_photos ? 1 : 0;
    this.verified[position] = row.verified ? 1 : 0;
    this.variant[position] = row.variant == null ? NONE : this.variants.id(String(row.variant));
    this.createdAt[position] = Number(row.created_at);
    this.helpfulScore[position] = Number(row.helpful_score);
    const answers = Object.entries((row.attributes as Record<string, unknown> | null) ?? {});
    if (answers.some(([, answer]) => typeof answer !== 'string')) throw new NotIndexableError();
    this.attributes[position] = answers.length ? Int32Array.from(answers, ([name, answer]) => this.pairs.id(`${name}\0${answer}`)) : EMPTY;
    this.topics[position] = this.ids32(this.topicNames, row.topics);
    this.terms[position] = this.ids32(this.termNames, row.search_terms);
    this.changed();
  }

  /** A review no longer published (or deleted): out of every answer. */
  remove(position: number): void {
    this.alive[position] = 0;
    this.changed();
  }

  private changed(): void {
    for (const [sort, order] of this.orders) this.stale.set(sort, order);
    this.orders.clear();
    this.bitmaps.clear();
  }

  /**
   * One byte per row: 1 where the row's list (`attributes`, `topics` or `terms`) holds `id`.
   * Kept until a row changes, so a filter costs one lookup per row after its first use.
   */
  bitmap(kind: 'attributes' | 'topics' | 'terms', id: number): Uint8Array {
    const key = `${kind}:${id}`;
    let bitmap = this.bitmaps.get(key);
    if (!bitmap) {
      bitmap = new Uint8Array(this.size);
      const lists = this[kind];
      for (let i = 0; i < this.size; i++) if (lists[i]!.includes(id)) bitmap[i] = 1;
      if (this.bitmaps.size >= MAX_BITMAPS) this.bitmaps.clear();
      this.bitmaps.set(key, bitmap);
    }
    return bitmap;
  }

  private ids32(dictionary: Dictionary, values: unknown): Int32Array {
    const list = Array.isArray(values) ? [...new Set(values.map(String))] : [];
    return list.length ? Int32Array.from(list, (value) => dictionary.id(value)) : EMPTY;
  }

  /**
   * Live positions in a sort's order (as REVIEW_ORDERS: keys, then created_at desc, then id asc).
   * After a change the previous order is re-sorted: nearly in order already, so the sort (TimSort)
   * takes about one pass instead of n log n comparisons.
   */
  order(sort: ReviewSort): number[] {
    let order = this.orders.get(sort);
    if (order) return order;
    const previous = this.stale.get(sort) ?? [];
    const listed = new Uint8Array(this.size);
    order = [];
    for (const position of previous) {
      if (this.alive[position]) order.push(position);
      listed[position] = 1;
    }
    for (let i = 0; i < this.size; i++) if (this.alive[i] && !listed[i]) order.push(i);
    order.sort(this.comparator(sort));
    this.orders.set(sort, order);
    this.stale.delete(sort);
    return order;
  }

  /** The order's comparison on the columns themselves (no arrays made per comparison). */
  private comparator(sort: ReviewSort): (a: number, b: number) => number {
    const created = this.createdAt;
    const first = sort === 'helpful' ? this.helpfulScore : sort === 'photos' ? this.hasPhotos : sort === 'newest' ? undefined : this.rating;
    const ascending = sort === 'lowest';
    return (a, b) => {
      if (first !== undefined && first[a] !== first[b]) return (first[a]! < first[b]! ? -1 : 1) * (ascending ? 1 : -1);
      if (created[a] !== created[b]) return created[a]! < created[b]! ? 1 : -1;
      return a - b;
    };
  }

  /** The sort keys of a position, in REVIEW_ORDERS's order (what a cursor carries). */
  keys(sort: ReviewSort, position: number): number[] {
    const created = this.createdAt[position]!;
    switch (sort) {
      case 'helpful':
        return [this.helpfulScore[position]!, created];
      case 'newest':
        return [created];
      case 'highest':
      case 'lowest':
        return [this.rating[position]!, created];
      case 'photos':
        return [this.hasPhotos[position]!, created];
    }
  }

  /** Rough bytes held: typed columns, per-row lists, ids and dictionaries. */
  bytes(): number {
    const perRow = 1 + 1 + 1 + 1 + 4 + 8 + 8 + 3 * 64 + 50 + 5 * 8;
    let lists = 0;
    for (let i = 0; i < this.size; i++) lists += (this.attributes[i]!.length + this.topics[i]!.length + this.terms[i]!.length) * 4;
    const words = [this.variants, this.pairs, this.topicNames, this.termNames].reduce((sum, d) => sum + d.values.length * 60, 0);
    return this.size * perRow + lists + words;
  }
}

/**
 * Compares two rows of an order given their keys and id ranks: negative when
 * the first comes first. Keys as `ProductReviewIndex.keys`.
 *
 * @example
 * compareKeys('newest', [2], 0, [1], 1) // -1: the later review first
 */
export function compareKeys(sort: ReviewSort, a: readonly number[], aRank: number, b: readonly number[], bRank: number): number {
  for (let i = 0; i < a.length; i++) {
    // Every key descends (created_at last, newest first) but the rating of "lowest".
    const desc = !(sort === 'lowest' && i === 0);
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
  }
  return aRank - bRank;
}

import { invalidRequest } from './errors.js';

/** One `field:'value'` clause of Stripe's search query language. */
export interface SearchClause {
  field: string;
  metadataKey?: string;
  value: string;
}

const CLAUSE = /^\s*(metadata\[(?:'([^']*)'|"([^"]*)")\]|[a-z_]+)\s*:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*/;

/**
 * Parses the subset of Stripe's search syntax the sandbox supports: exact
 * `field:'value'` and `metadata['key']:'value'` clauses joined by AND.
 *
 * @example
 * parseSearch("metadata['checkout_id']:'c1' AND status:'succeeded'")
 * // [{ field: 'metadata', metadataKey: 'checkout_id', value: 'c1' }, { field: 'status', value: 'succeeded' }]
 */
export function parseSearch(query: string): SearchClause[] {
  const clauses: SearchClause[] = [];
  let rest = query;
  while (rest.trim() !== '') {
    const match = CLAUSE.exec(rest);
    if (!match) {
      throw invalidRequest(
        'query',
        `Invalid search query near ${JSON.stringify(rest.trim().slice(0, 30))}: the sandbox supports field:'value' and metadata['key']:'value' clauses joined by AND.`,
      );
    }
    const value = (match[4] ?? match[5] ?? '').replace(/\\(.)/g, '$1');
    const key = match[2] ?? match[3];
    clauses.push(key !== undefined ? { field: 'metadata', metadataKey: key, value } : { field: match[1] ?? '', value });
    rest = rest.slice(match[0].length);
    const and = /^AND\s+/.exec(rest);
    if (and) rest = rest.slice(and[0].length);
    else if (rest.trim() !== '')
      throw invalidRequest('query', `Invalid search query: only AND joins clauses in the sandbox, found ${JSON.stringify(rest.trim().slice(0, 30))}.`);
  }
  return clauses;
}

/**
 * Whether an object matches every clause.
 *
 * @example
 * matchesSearch({ email: 'a@b.c', metadata: {} }, [{ field: 'email', value: 'a@b.c' }]) // true
 */
export function matchesSearch(object: { metadata: Record<string, string> } & Record<string, unknown>, clauses: SearchClause[]): boolean {
  return clauses.every((clause) =>
    clause.metadataKey !== undefined ? object.metadata[clause.metadataKey] === clause.value : String(object[clause.field] ?? '') === clause.value,
  );
}

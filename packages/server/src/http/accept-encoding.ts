/** The encodings the script files are kept in, best first; identity is always available. */
export type ContentEncoding = 'br' | 'gzip' | 'identity';

const COMPRESSED = ['br', 'gzip'] as const;
// RFC 9110 §12.4.2: "0" to "1" with up to three decimals; anything else leaves the entry out.
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** Each coding's q-value as the header states it (`*` under its own name); entries with a malformed q are left out. */
function qValues(header: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [name, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q =
      params
        .find((param) => param.startsWith('q='))
        ?.slice(2)
        .trim() ?? '1';
    if (QVALUE.test(q)) values.set(name, Number(q));
  }
  return values;
}

/**
 * The encoding to answer with for an `Accept-Encoding` header: the compressed
 * coding with the highest q-value above zero (br on a tie, it is smaller),
 * else identity. A coding not named takes the q of `*`; `q=0` refuses it.
 * Identity is sent even when refused: an uncompressed file beats a 406.
 *
 * @example
 * chooseEncoding('gzip, deflate, br, zstd') // "br"
 * chooseEncoding('br;q=0, gzip') // "gzip"
 * chooseEncoding(null) // "identity"
 */
export function chooseEncoding(header: string | null): ContentEncoding {
  if (!header) return 'identity';
  const values = qValues(header);
  let best: ContentEncoding = 'identity';
  let bestQ = 0;
  for (const coding of COMPRESSED) {
    const q = values.get(coding) ?? values.get('*') ?? 0;
    if (q > bestQ) [best, bestQ] = [coding, q];
  }
  return best;
}

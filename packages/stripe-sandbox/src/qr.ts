/**
 * A QR-code-looking SVG (finder squares plus a pattern seeded by `seed`). It is
 * deliberately not a scannable code: the sandbox's "scan" is a button.
 *
 * @example
 * qrLikeSvg('act_abc').startsWith('<svg') // true
 */
export function qrLikeSvg(seed: string, size = 25): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const rects: string[] = [];
  const finder = (x: number, y: number) =>
    rects.push(
      `<rect x="${x}" y="${y}" width="7" height="7"/><rect x="${x + 1}" y="${y + 1}" width="5" height="5" fill="#fff"/><rect x="${x + 2}" y="${y + 2}" width="3" height="3"/>`,
    );
  finder(0, 0);
  finder(size - 7, 0);
  finder(0, size - 7);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inFinder = (x < 8 && y < 8) || (x >= size - 8 && y < 8) || (x < 8 && y >= size - 8);
      h = Math.imul(h ^ (x * 31 + y), 2654435761) >>> 0;
      if (!inFinder && (h & 3) === 0) rects.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 ${size + 4} ${size + 4}" width="200" height="200" shape-rendering="crispEdges"><rect x="-2" y="-2" width="${size + 4}" height="${size + 4}" fill="#fff"/>${rects.join('')}</svg>`;
}

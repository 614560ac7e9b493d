/**
 * Deterministic UUIDs: a table tag and a counter lead (so each table's keys arrive in index
 * order and COPY appends to its b-trees), the rest mixed from the seed. Version 4 layout.
 */
function mix(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

export function idFactory(seed: number, tag: number): () => string {
  let counter = 0;
  return () => {
    counter++;
    const a = mix(seed * 131 + tag * 7919 + counter);
    const b = mix(a ^ counter);
    // tt cccccc - cccc - 4xxx - 8xxx - xxxxxxxxxxxx
    const c = hex(counter, 10);
    return `${hex(tag, 2)}${c.slice(0, 6)}-${c.slice(6, 10)}-4${hex(a, 3)}-8${hex(a >>> 12, 3)}-${hex(b, 8)}${hex(a >>> 24, 4)}`;
  };
}

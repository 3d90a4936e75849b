/**
 * A 65,536-bit filter over the keys of an index map: a token whose form hashes to an unset bit
 * is surely not a key, and the map is not read. Most tokens of a text start no pattern, and a
 * map look-up that misses still reads the map's table, which a long pipeline has pushed out of
 * the CPU cache; the filter is 8 KB. It never turns a key away, so look-ups are unchanged.
 */
export type KeyFilter = Uint8Array;

/** A hash of a form from its length and its first, middle and last letters. */
function keyHash(key: string): number {
  const n = key.length;
  if (n === 0) return 0;
  return (key.charCodeAt(0) * 961 + key.charCodeAt(n >> 1) * 31 + key.charCodeAt(n - 1) + n * 7919) & 0xffff;
}

export function createKeyFilter(keys: Iterable<string>): KeyFilter {
  const filter = new Uint8Array(8192);
  for (const key of keys) {
    const hash = keyHash(key);
    filter[hash >> 3] = (filter[hash >> 3] as number) | (1 << (hash & 7));
  }
  return filter;
}

/** False when `key` is surely not among the filter's keys. */
export function mayHaveKey(filter: KeyFilter, key: string): boolean {
  const hash = keyHash(key);
  return ((filter[hash >> 3] as number) & (1 << (hash & 7))) !== 0;
}

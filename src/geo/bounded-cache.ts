/**
 * A string-keyed memo that starts afresh once it holds `limit` entries, so a long batch cannot
 * grow it without bound. News text repeats its words and names: most look-ups are hits.
 */
export interface BoundedCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

export function boundedCache<T>(limit = 50_000): BoundedCache<T> {
  const map = new Map<string, T>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= limit) map.clear();
      map.set(key, value);
    },
  };
}

/** `fn` memoised through a bounded cache. */
export function memoize<T>(fn: (key: string) => T, limit?: number): (key: string) => T {
  const cache = boundedCache<T>(limit);
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
}

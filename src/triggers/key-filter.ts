/**
 * A 65,536-bit filter over the keys of an index map: a token whose form hashes to an unset bit
 * is surely not a key, and the map is not read. Most tokens of a text start no pattern, and a
 * map look-up that misses still reads the map's table, which a long pipeline has pushed out of
 * the CPU cache; the filter is 8 KB. The bit is taken from the form's `formKey`, which every
 * token carries (`Token.key`), so a token is tested without reading its string. It never turns
 * a key away, so look-ups are unchanged.
 */
import { formKey } from '../form-key.js';

export type KeyFilter = Uint8Array;

export function createKeyFilter(keys: Iterable<string>): KeyFilter {
  const filter = new Uint8Array(8192);
  for (const key of keys) {
    const bit = formKey(key) & 0xffff;
    filter[bit >> 3] = (filter[bit >> 3] as number) | (1 << (bit & 7));
  }
  return filter;
}

/** False when the form whose `formKey` is `key` is surely not among the filter's keys. */
export function mayHaveFormKey(filter: KeyFilter, key: number): boolean {
  const bit = key & 0xffff;
  return ((filter[bit >> 3] as number) & (1 << (bit & 7))) !== 0;
}

/** False when `form` is surely not among the filter's keys. */
export function mayHaveKey(filter: KeyFilter, form: string): boolean {
  return mayHaveFormKey(filter, formKey(form));
}

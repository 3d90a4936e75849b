/**
 * Near-duplicate detection for wire copies: the same AFP story on three sites differs only in
 * boilerplate, a caption, a spelling or an updated toll. MinHash over word shingles estimates the
 * Jaccard similarity of two texts from small signatures; locality-sensitive hashing (LSH) cuts
 * each signature into bands so that the store finds candidate copies with an index look-up
 * instead of comparing every pair.
 *
 * The hash functions are fixed (seeded by their index), so a signature computed today matches
 * one stored last year. Words are lower-cased and stripped of punctuation before shingling, so
 * "Kramatorsk," and "kramatorsk" are the same word.
 */

/** Words per shingle: five words is long enough that shared shingles mean shared sentences. */
export const SHINGLE_WORDS = 5;
/** Signature length, and its split into bands x rows for LSH. */
export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
/**
 * Estimated Jaccard similarity from which a text is a copy of another. A wire story republished
 * with a site's promo, a caption and one changed figure keeps well over half its shingles;
 * two outlets writing up the same event in their own words share very few.
 */
export const COPY_THRESHOLD = 0.5;

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** 32-bit FNV-1a of a string: fast and well spread for short keys. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (from MurmurHash3's finaliser), used to derive the k-th hash of a shingle. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed per-function salts: the k-th hash of x is mix(x ^ SALTS[k]). */
const SALTS: Uint32Array = (() => {
  const salts = new Uint32Array(NUM_HASHES);
  for (let k = 0; k < NUM_HASHES; k++) salts[k] = mix(0x9e3779b9 + k * 0x632be5ab);
  return salts;
})();

/** The distinct word shingles of a text, as 32-bit hashes. */
export function shingles(text: string, size = SHINGLE_WORDS): Set<number> {
  const words = (text.toLowerCase().match(WORD_RE) ?? []) as string[];
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < size) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(fnv1a(words.slice(i, i + size).join(' ')));
  return out;
}

/** The MinHash signature: for each of the fixed hash functions, the least hash over the shingles. */
export function signature(text: string): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const s of shingles(text)) {
    for (let k = 0; k < NUM_HASHES; k++) {
      const h = mix(s ^ (SALTS[k] as number));
      if (h < (sig[k] as number)) sig[k] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of hash functions on which the signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error('signatures of different lengths');
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

/**
 * The LSH band keys of a signature: two texts that agree on all rows of any one band share a
 * key. With 32 bands of 4 rows, pairs at Jaccard 0.5 share a key with probability 0.87, pairs
 * at 0.8 with probability 1.0, pairs at 0.2 with 0.05.
 */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ (sig[b * ROWS + r] as number));
    keys.push(`${b.toString(36)}:${h.toString(36)}`);
  }
  return keys;
}

/** A signature as text for storage (hex, 8 characters per hash), and back. */
export function encodeSignature(sig: Uint32Array): string {
  let out = '';
  for (const v of sig) out += v.toString(16).padStart(8, '0');
  return out;
}

export function decodeSignature(hex: string): Uint32Array {
  if (hex.length !== NUM_HASHES * 8 || !/^[0-9a-f]+$/.test(hex)) throw new Error('not a stored MinHash signature');
  const sig = new Uint32Array(NUM_HASHES);
  for (let k = 0; k < NUM_HASHES; k++) sig[k] = parseInt(hex.slice(k * 8, k * 8 + 8), 16);
  return sig;
}

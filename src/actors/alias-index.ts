/**
 * An alias index keyed by first word: every alias is stored under the first word of its
 * folded key, longest alias first, so a look-up at a text position costs one Map read and a
 * few `startsWith` checks. Case-sensitive aliases ("IS", "PDF") are checked against the
 * case-preserving fold of the text.
 */
import { acronymParts, aliasKey, isCaseSensitive, isWordCharAt } from './fold.js';

export interface AliasRecord<T> {
  /** The alias as written in the data. */
  alias: string;
  /** Folded, lower-cased key. */
  key: string;
  /** Case-preserving folded key for case-sensitive aliases, else null. */
  exact: string | null;
  /** The acronym words of `exact` and their offsets: the parts that must match with their case. */
  exactParts: Array<{ offset: number; text: string }>;
  target: T;
}

export interface AliasIndex<T> {
  buckets: Map<string, AliasRecord<T>[]>;
  size: number;
  /** Letter tries over the big buckets ("military …": hundreds of aliases), built on first use. */
  tries: Map<string, BucketTrie<T>>;
  /** True once `sealAliasIndex` has ordered the buckets (and no alias was added since). */
  sealed: boolean;
  /**
   * A 65,536-bit filter of the bucket keys' hashes (`hashRange`): most words start no alias, and
   * the 8 KB filter rules them out without reading the bucket map, which a long pipeline has
   * pushed out of the CPU cache.
   */
  hashes: Uint8Array;
}

/** One bucket as a trie of the letters after its bucket key; `records` end at this node. */
interface TrieNode<T> {
  next: Map<number, TrieNode<T>> | null;
  records: AliasRecord<T>[];
}

interface BucketTrie<T> {
  /** Bucket length when built: a bucket that grew since is rebuilt. */
  size: number;
  root: TrieNode<T>;
}

/** Buckets larger than this are searched through a trie instead of alias by alias. */
const TRIE_MIN = 6;

/** The folded views of one text that look-ups compare against. */
export interface FoldedText {
  raw: string;
  /** Punctuation-folded, case preserved. */
  punct: string;
  /** Punctuation-folded and lower-cased. */
  lower: string;
}

export interface AliasMatch<T> {
  start: number;
  end: number;
  record: AliasRecord<T>;
}

export function createAliasIndex<T>(): AliasIndex<T> {
  return { buckets: new Map(), size: 0, tries: new Map(), sealed: false, hashes: new Uint8Array(8192) };
}

export function addAlias<T>(index: AliasIndex<T>, alias: string, target: T): void {
  const caseSensitive = isCaseSensitive(alias);
  const key = aliasKey(alias, false);
  if (key.length === 0) return;
  const exact = caseSensitive ? aliasKey(alias, true) : null;
  const record: AliasRecord<T> = { alias, key, exact, exactParts: exact ? acronymParts(exact) : [], target };
  const prefix = bucketKey(key, 0);
  const bucket = index.buckets.get(prefix);
  if (bucket) bucket.push(record);
  else {
    index.buckets.set(prefix, [record]);
    const hash = hashRange(prefix, 0, prefix.length) & 0xffff;
    index.hashes[hash >> 3] = (index.hashes[hash >> 3] as number) | (1 << (hash & 7));
  }
  index.size++;
  index.sealed = false;
}

/** Sorts every bucket longest key first; call once after the last `addAlias`. */
export function sealAliasIndex<T>(index: AliasIndex<T>): void {
  for (const bucket of index.buckets.values()) bucket.sort((a, b) => b.key.length - a.key.length);
  index.tries.clear();
  index.sealed = true;
}

/** End of the run of word characters (letters, digits) that starts at `start`. */
export function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const ascii = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    if (!ascii && (code < 128 || !isWordCharAt(text, i))) break;
    i++;
  }
  return i;
}

const NONE: never[] = [];

/** Articles head many aliases ("the army", "the group"); their buckets are keyed by two words. */
function isArticle(lower: string, start: number, end: number): boolean {
  const n = end - start;
  if (n === 1) return lower.charCodeAt(start) === 97; // a
  if (n === 2) return lower.startsWith('an', start);
  return n === 3 && lower.startsWith('the', start);
}

/** Where the bucket key at `start` ends: after its first word, or its first two after an article. */
function bucketEnd(lower: string, start: number): number {
  const first = Math.min(lower.length, Math.max(start + 1, wordEnd(lower, start)));
  if (lower.charCodeAt(first) !== 32 || !isArticle(lower, start, first)) return first;
  return Math.min(lower.length, Math.max(first + 2, wordEnd(lower, first + 1)));
}

/** The bucket of the alias or text at `start`: its first word, or first two after an article. */
export function bucketKey(lower: string, start: number): string {
  return lower.slice(start, bucketEnd(lower, start));
}

/** FNV-1a over `text[start, end)`: lets most words be ruled out without slicing them. */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  // 30 bits stay a small integer in V8: no boxed number per probe.
  return hash & 0x3fffffff;
}

/** The text's bucket key at one position, sliced only when some index may hold it. */
export interface BucketProbe {
  end: number;
  hash: number;
  key: string | null;
}

export function probeAt(lower: string, start: number): BucketProbe {
  const end = bucketEnd(lower, start);
  return { end, hash: hashRange(lower, start, end), key: null };
}

/** The hash of the text's bucket key at `start` (as `probeAt` has it), for `mayHoldHash`. */
export function bucketHashAt(lower: string, start: number): number {
  return hashRange(lower, start, bucketEnd(lower, start));
}

/** False when the index surely holds no bucket of that hash: most positions are ruled out with no probe made. */
export function mayHoldHash<T>(index: AliasIndex<T>, hash: number): boolean {
  const bit = hash & 0xffff;
  return ((index.hashes[bit >> 3] as number) & (1 << (bit & 7))) !== 0;
}

/**
 * All aliases that match at `start`, longest first. A match must end at a word boundary;
 * the caller decides about the start boundary (it scans token starts). `probe` is the text's
 * bucket key at `start`, for callers that look in several indexes at one position.
 */
export function matchAt<T>(index: AliasIndex<T>, text: FoldedText, start: number, probe = probeAt(text.lower, start)): AliasMatch<T>[] {
  const bit = probe.hash & 0xffff;
  if (((index.hashes[bit >> 3] as number) & (1 << (bit & 7))) === 0) return NONE;
  const key = (probe.key ??= text.lower.slice(start, probe.end));
  const bucket = index.buckets.get(key);
  if (!bucket) return NONE;
  const records = index.sealed && bucket.length > TRIE_MIN ? prefixRecords(trieOf(index, key, bucket), text.lower, start + key.length) : bucket;
  let found: AliasMatch<T>[] | null = null;
  for (const record of records) {
    if (!text.lower.startsWith(record.key, start)) continue;
    if (record.exact !== null && !record.exactParts.every((p) => text.punct.startsWith(p.text, start + p.offset))) continue;
    const end = start + record.key.length;
    if (isWordCharAt(text.raw, end) && isWordCharAt(text.raw, end - 1)) continue;
    (found ??= []).push({ start, end, record });
  }
  // Buckets are sorted longest first, so the matches are too.
  return found ?? NONE;
}

function trieOf<T>(index: AliasIndex<T>, key: string, bucket: AliasRecord<T>[]): TrieNode<T> {
  let trie = index.tries.get(key);
  if (!trie || trie.size !== bucket.length) {
    trie = { size: bucket.length, root: { next: null, records: [] } };
    for (const record of bucket) {
      let node = trie.root;
      for (let i = key.length; i < record.key.length; i++) {
        const code = record.key.charCodeAt(i);
        node.next ??= new Map();
        let child = node.next.get(code);
        if (!child) node.next.set(code, (child = { next: null, records: [] }));
        node = child;
      }
      node.records.push(record);
    }
    index.tries.set(key, trie);
  }
  return trie.root;
}

/**
 * The bucket's aliases that are prefixes of `lower` from `at` on (where the bucket key ends), in
 * bucket order: longest first, and aliases of one key in the order they were added.
 */
function prefixRecords<T>(root: TrieNode<T>, lower: string, at: number): AliasRecord<T>[] {
  const passed: TrieNode<T>[] = [];
  let node: TrieNode<T> | undefined = root;
  for (let i = at; node; i++) {
    if (node.records.length > 0) passed.push(node);
    node = i < lower.length ? node.next?.get(lower.charCodeAt(i)) : undefined;
  }
  if (passed.length === 1) return (passed[0] as TrieNode<T>).records;
  const out: AliasRecord<T>[] = [];
  for (let k = passed.length - 1; k >= 0; k--) out.push(...(passed[k] as TrieNode<T>).records);
  return out;
}

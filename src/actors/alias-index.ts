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
}

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
  return { buckets: new Map(), size: 0 };
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
  else index.buckets.set(prefix, [record]);
  index.size++;
}

/** Sorts every bucket longest key first; call once after the last `addAlias`. */
export function sealAliasIndex<T>(index: AliasIndex<T>): void {
  for (const bucket of index.buckets.values()) bucket.sort((a, b) => b.key.length - a.key.length);
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
const ARTICLES = new Set(['the', 'a', 'an']);

/** The bucket of the alias or text at `start`: its first word, or first two after an article. */
function bucketKey(lower: string, start: number): string {
  const first = Math.max(start + 1, wordEnd(lower, start));
  const word = lower.slice(start, first);
  if (!ARTICLES.has(word) || lower[first] !== ' ') return word;
  return lower.slice(start, Math.max(first + 2, wordEnd(lower, first + 1)));
}

/**
 * All aliases that match at `start`, longest first. A match must end at a word boundary;
 * the caller decides about the start boundary (it scans token starts).
 */
export function matchAt<T>(index: AliasIndex<T>, text: FoldedText, start: number): AliasMatch<T>[] {
  const bucket = index.buckets.get(bucketKey(text.lower, start));
  if (!bucket) return NONE;
  let found: AliasMatch<T>[] | null = null;
  for (const record of bucket) {
    if (!text.lower.startsWith(record.key, start)) continue;
    if (record.exact !== null && !record.exactParts.every((p) => text.punct.startsWith(p.text, start + p.offset))) continue;
    const end = start + record.key.length;
    if (isWordCharAt(text.raw, end) && isWordCharAt(text.raw, end - 1)) continue;
    (found ??= []).push({ start, end, record });
  }
  // Buckets are sorted longest first, so the matches are too.
  return found ?? NONE;
}

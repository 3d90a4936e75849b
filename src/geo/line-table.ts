/**
 * The gazetteer's two big TSV files kept as raw bytes. Decoding 26 MB of UTF-8 into strings and
 * indexing every line cost most of sitrep's start-up; instead:
 *  - names.tsv (sorted, ASCII keys) is searched in place by a binary search over byte offsets
 *    that finds line starts with one native `lastIndexOf`, so loading it costs one read;
 *  - places.tsv rows are located by one native newline scan and decoded only when asked for.
 */

const NEWLINE = 10;
const TAB = 9;
const COMMA = 44;

/** A TSV file whose rows are read by number (the header is not counted). */
export interface RowTable {
  readonly size: number;
  /** The decoded text of data line `i`. */
  line(i: number): string;
  /**
   * The first `count` columns of data line `i` (fewer when the line has fewer): a long last
   * column (places.tsv's alternate names) is then never decoded.
   */
  columns(i: number, count: number): string[];
}

export function createRowTable(bytes: Buffer): RowTable {
  const starts = lineStarts(bytes);
  const size = starts.length - 1;
  const lineEnd = (i: number): number => (starts[i + 1] ?? bytes.length + 1) - 1;
  return {
    size,
    line: (i) => bytes.toString('utf8', starts[i] ?? 0, lineEnd(i)),
    columns(i, count) {
      const start = starts[i] ?? 0;
      const end = lineEnd(i);
      let cut = start - 1;
      // A tab byte never occurs inside a multi-byte UTF-8 sequence, so cutting at one is safe.
      for (let n = 0; n < count && cut < end; n++) {
        const tab = bytes.indexOf(TAB, cut + 1);
        cut = tab < 0 || tab > end ? end : tab;
      }
      return bytes.toString('utf8', start, Math.min(cut, end)).split('\t');
    },
  };
}

/** Offsets of each data line after the header, and one past the last (a sentinel). */
function lineStarts(bytes: Buffer): Uint32Array {
  let count = 0;
  const last = bytes.length - 1;
  for (let at = bytes.indexOf(NEWLINE); at >= 0 && at < last; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  const starts = new Uint32Array(count + 1);
  let n = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0 && at < last; at = bytes.indexOf(NEWLINE, at + 1)) starts[n++] = at + 1;
  starts[n] = bytes.length > 0 && bytes[last] === NEWLINE ? bytes.length : bytes.length + 1;
  return starts;
}

/**
 * A TSV file of `key<TAB>code,code,...` lines after a header, sorted by key in code-unit order,
 * keys in ASCII; codes are base-36 row numbers.
 */
export interface SortedTable {
  /** The row numbers listed for `key` (empty when the key is absent). */
  rows(key: string): number[];
  /** True when some key starts with `prefix`. */
  hasPrefix(prefix: string): boolean;
}

export function createSortedTable(bytes: Buffer): SortedTable {
  const header = bytes.indexOf(NEWLINE);
  const first = header < 0 ? bytes.length : header + 1;
  return {
    rows(key) {
      const at = lowerBound(bytes, first, key);
      return at < bytes.length && compareKey(bytes, at, key) === 0 ? parseCodes(bytes, at + key.length + 1) : [];
    },
    hasPrefix(prefix) {
      const at = lowerBound(bytes, first, prefix);
      return at < bytes.length && startsWith(bytes, at, prefix);
    },
  };
}

/**
 * Byte offset of the first line (at or after `first`) whose key is >= `key`; bytes.length when
 * none. `lo` and `hi` always sit on line starts.
 */
function lowerBound(bytes: Buffer, first: number, key: string): number {
  let lo = first;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid > lo ? bytes.lastIndexOf(NEWLINE, mid - 1) + 1 : lo;
    if (compareKey(bytes, start, key) < 0) {
      const end = bytes.indexOf(NEWLINE, start);
      lo = end < 0 ? bytes.length : end + 1;
    } else hi = start;
  }
  return lo;
}

/** Sign of (key of the line at `start`) − `key`, in code-unit order. */
function compareKey(bytes: Buffer, start: number, key: string): number {
  const n = key.length;
  for (let i = 0; ; i++) {
    const at = start + i;
    const byte = at < bytes.length ? (bytes[at] as number) : NEWLINE;
    const ended = byte === TAB || byte === NEWLINE;
    if (i === n) return ended ? 0 : 1;
    if (ended) return -1;
    const diff = byte - key.charCodeAt(i);
    if (diff !== 0) return diff;
  }
}

function startsWith(bytes: Buffer, start: number, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const byte = bytes[start + i];
    if (byte === undefined || byte === TAB || byte === NEWLINE || byte !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** The base-36 codes from `at` to the end of the line; an empty code reads as NaN. */
function parseCodes(bytes: Buffer, at: number): number[] {
  const out: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = at; ; i++) {
    const byte = i < bytes.length ? (bytes[i] as number) : NEWLINE;
    if (byte === COMMA || byte === NEWLINE) {
      out.push(digits > 0 ? value : NaN);
      if (byte === NEWLINE) return out;
      value = 0;
      digits = 0;
    } else {
      value = value * 36 + (byte <= 57 ? byte - 48 : byte - 87);
      digits++;
    }
  }
}

/** A small TSV keyed by its first column; a line is split only when its key is asked for. */
export interface KeyedTable {
  /** The columns of the line whose first column is `key` (the last such line), or null. */
  fields(key: string): string[] | null;
}

export function createKeyedTable(text: string): KeyedTable {
  const lines = new Map<string, number>();
  for (let at = text.indexOf('\n') + 1; at > 0 && at < text.length; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const tab = text.indexOf('\t', at);
    lines.set(text.slice(at, tab < 0 || tab > end ? end : tab), at);
    at = end + 1;
  }
  const parsed = new Map<string, string[] | null>();
  return {
    fields(key) {
      let fields = parsed.get(key);
      if (fields === undefined) {
        const start = lines.get(key);
        const newline = start === undefined ? -1 : text.indexOf('\n', start);
        fields = start === undefined ? null : text.slice(start, newline < 0 ? text.length : newline).split('\t');
        parsed.set(key, fields);
      }
      return fields;
    },
  };
}

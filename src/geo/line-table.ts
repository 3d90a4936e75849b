/**
 * A TSV file kept as one string plus the offset of each line, so loading costs one read and one
 * scan for newlines; a row is split only when somebody asks for it. This keeps the 230k-row
 * gazetteer's cold start in tens of milliseconds instead of the second a full parse takes.
 */
export interface LineTable {
  /** Number of data lines (the header is not counted). */
  readonly size: number;
  /** The raw text of data line `i`. */
  line(i: number): string;
  /** The text before the first tab of data line `i` (its key). */
  key(i: number): string;
}

export function createLineTable(text: string): LineTable {
  const starts = lineStarts(text);
  const size = starts.length - 1;
  const end = (i: number): number => (starts[i + 1] ?? text.length + 1) - 1;
  return {
    size,
    line: (i) => text.slice(starts[i] ?? 0, end(i)),
    key: (i) => {
      const start = starts[i] ?? 0;
      const tab = text.indexOf('\t', start);
      return text.slice(start, tab < 0 || tab > end(i) ? end(i) : tab);
    },
  };
}

/** Offsets of each data line after the header, and one past the last (a sentinel). */
function lineStarts(text: string): Uint32Array {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Uint32Array(count + 1);
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) starts[n++] = at + 1;
  starts[n] = text.endsWith('\n') ? text.length : text.length + 1;
  return starts;
}

/**
 * Binary search over a table whose keys are sorted by code unit: the index of the first line
 * whose key is >= `key` (size when none).
 */
export function lowerBound(table: LineTable, key: string): number {
  let lo = 0;
  let hi = table.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.key(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text as a list of non-blank lines, each trimmed: the unit the clean rules look at. */
import type { Span } from '../types.js';

export interface Line extends Span {
  /** `text.slice(start, end)`, kept to avoid slicing again in every rule. */
  text: string;
}

/** Spaces, tabs and NBSP at the edges of a line are not part of it. */
const EDGE_SPACE = /[ \t\u00a0\u2000-\u200b\u202f\u3000\f\v]/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && EDGE_SPACE.test(text[start]!)) start++;
    while (end > start && EDGE_SPACE.test(text[end - 1]!)) end--;
    if (end > start) lines.push({ start, end, text: text.slice(start, end) });
    lineStart = lineEnd + 1;
  }
  return lines;
}

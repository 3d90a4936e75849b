/**
 * The stretches of text the tokenizer sees: each line on its own (so no sentence crosses a
 * line or paragraph break), minus the regions the clean stage marked as not article prose.
 */
import type { SkipRegion, Span } from '../types.js';

const EDGE_SPACE = /\s/;

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && EDGE_SPACE.test(text[start]!)) start++;
  while (end > start && EDGE_SPACE.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** `skip` must be sorted by start (the clean stage emits it in text order). */
export function proseSpans(text: string, skip: readonly SkipRegion[]): Span[] {
  const spans: Span[] = [];
  let skipIndex = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let cursor = lineStart;
    while (skipIndex < skip.length && skip[skipIndex]!.end <= lineStart) skipIndex++;
    for (let i = skipIndex; i < skip.length && skip[i]!.start < lineEnd; i++) {
      const region = skip[i]!;
      const before = trimmed(text, cursor, Math.max(cursor, region.start));
      if (before) spans.push(before);
      cursor = Math.max(cursor, Math.min(region.end, lineEnd));
    }
    const rest = trimmed(text, cursor, lineEnd);
    if (rest) spans.push(rest);
    lineStart = lineEnd + 1;
  }
  return spans;
}

/**
 * Read-only views over an annotated Doc that the coder needs again and again: which sentence a
 * mention sits in, which paragraph a sentence belongs to, and the mentions inside a span.
 * Built once per document so that coding stays linear in the number of mentions.
 */
import type { Doc, Sentence, Span } from '../types.js';

export interface SentenceView {
  index: number;
  sentence: Sentence;
  /** Paragraph number: sentences separated by a line break are in different paragraphs. */
  paragraph: number;
}

export interface DocView {
  doc: Doc;
  /** Body sentences in text order (headline and skipped regions excluded). */
  body: SentenceView[];
  /** Headline sentences (not coded, but used for the article's main place). */
  headline: SentenceView[];
}

export function viewOf(doc: Doc): DocView {
  const body: SentenceView[] = [];
  const headline: SentenceView[] = [];
  let paragraph = 0;
  let previousEnd = 0;
  doc.sentences.forEach((sentence, index) => {
    if (doc.text.slice(previousEnd, sentence.start).includes('\n')) paragraph++;
    previousEnd = sentence.end;
    const view = { index, sentence, paragraph };
    if (sentence.headline) headline.push(view);
    else body.push(view);
  });
  return { doc, body, headline };
}

/** Index of the first item starting at or after `offset` (items sorted by start). */
function firstFrom<T extends Span>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as T).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Items whose span lies inside `outer`, in text order. `items` must be sorted by start (every
 * annotation array is kept in text order by `createPipeline`), so this is a binary
 * search rather than a scan: the coder asks it for every clause of every sentence.
 */
export function within<T extends Span>(items: readonly T[], outer: Span): T[] {
  const found: T[] = [];
  for (let i = firstFrom(items, outer.start); i < items.length; i++) {
    const item = items[i] as T;
    if (item.start >= outer.end) break;
    if (item.end <= outer.end) found.push(item);
  }
  return found;
}

/** Distance in characters between two spans (0 when they overlap). */
export function gap(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** The item nearest to `anchor`; ties go to the earlier item. */
export function nearest<T extends Span>(items: readonly T[], anchor: Span): T | undefined {
  let best: T | undefined;
  let bestGap = Infinity;
  for (const item of items) {
    const distance = gap(item, anchor);
    if (distance < bestGap) {
      best = item;
      bestGap = distance;
    }
  }
  return best;
}

/** The text between two spans (exclusive), for clause-boundary checks. */
export function between(text: string, a: Span, b: Span): string {
  return a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
}

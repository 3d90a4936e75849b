/**
 * Whether a feed item carries its whole article. Many feeds put only a teaser in the summary;
 * some put the full text in content:encoded or Atom's <content>, and some in the description
 * itself. The longer of the two is taken as the article when it has at least 1,500 characters
 * of text, which teasers (a sentence or two, 100-400 characters) never reach; then the page
 * need not be fetched at all.
 */
import type { FeedItem } from './parse.js';

export const FULL_TEXT_MIN_CHARS = 1500;

/** The length of the text an HTML fragment shows: tags out, entities as one character, spaces collapsed. */
export function htmlTextLength(html: string): number {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#\d+|#x[\da-f]+|\w+);/gi, '_')
    .replace(/\s+/g, ' ')
    .trim().length;
}

/** The item's full article as HTML, or null when the feed has only a summary of it. */
export function fullContent(item: Pick<FeedItem, 'summary' | 'content'>): string | null {
  let best: { html: string; length: number } | null = null;
  for (const html of [item.content, item.summary]) {
    if (!html) continue;
    const length = htmlTextLength(html);
    if (!best || length > best.length) best = { html, length };
  }
  return best && best.length >= FULL_TEXT_MIN_CHARS ? best.html : null;
}

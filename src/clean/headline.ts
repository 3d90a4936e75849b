/**
 * The headline: the first line that is not furniture, when it is shaped like a headline
 * (short or title-case, no sentence-final period) and article prose follows it.
 */
import type { Headline } from '../types.js';
import type { Line } from './lines.js';

const MAX_HEADLINE_CHARS = 200;
const MAX_HEADLINE_WORDS = 30;
/** Up to this length any casing passes ("Jihadists slaughter dozens of farm workers"). */
const SHORT_CHARS = 120;
const TITLE_CASE_SHARE = 0.6;

/** Closing quotes and brackets do not hide a sentence-final period: `said.”` still ends one. */
const TRAILING_CLOSERS = /["'\u2019\u201d)\]\s]+$/;
/** An initialism (U.S., U.N.) may end a headline; a plain full stop may not. */
const ENDS_WITH_INITIALISM = /(?:^|\s)(?:\p{Lu}\.){2,}$/u;

function endsLikeSentence(text: string): boolean {
  const bare = text.replace(TRAILING_CLOSERS, '');
  if (/[:;,]$/.test(bare)) return true;
  return bare.endsWith('.') && !ENDS_WITH_INITIALISM.test(bare);
}

/** Share of the longer words that start with a capital. */
function titleCaseShare(words: string[]): number {
  const content = words.filter((word) => word.length > 3);
  if (content.length === 0) return 1;
  return content.filter((word) => /^["'\u2018\u201c(]?\p{Lu}/u.test(word)).length / content.length;
}

export function isHeadlineShaped(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > MAX_HEADLINE_WORDS || text.length > MAX_HEADLINE_CHARS) return false;
  if (endsLikeSentence(text)) return false;
  return text.length <= SHORT_CHARS || titleCaseShare(words) >= TITLE_CASE_SHARE;
}

/** Article prose: a line that ends a sentence or is too long for furniture. */
function isProse(line: Line): boolean {
  return line.text.length >= 80 || /[.!?]["'\u2019\u201d)]*$/.test(line.text);
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A site name or section label above the headline: all capitals, a few words, no digits. */
function isMasthead(text: string): boolean {
  return text.split(/\s+/).length <= 4 && /^[^\p{Ll}\d]+$/u.test(text) && /\p{Lu}{2}/u.test(text);
}

export interface HeadlineResult {
  headline: Headline;
  /** Index of the headline in the body lines given. */
  index: number;
  /** A masthead line found above the headline ("HARBOR TIMES ONLINE"), to be skipped. */
  masthead: Line | null;
}

function headlineAt(bodyLines: Line[], index: number, title: string | null): Headline | null {
  const line = bodyLines[index];
  if (!line || !bodyLines.slice(index + 1).some(isProse)) return null;
  if (title && comparable(title) !== '' && comparable(title) === comparable(line.text)) {
    return { start: line.start, end: line.end, rule: 'headline.meta-title' };
  }
  if (!isHeadlineShaped(line.text)) return null;
  return { start: line.start, end: line.end, rule: 'headline.first-short-line' };
}

/**
 * `bodyLines` are the lines left after furniture, in order. The headline is the first of
 * them, or the second when the first is a masthead; null when prose comes first.
 */
export function findHeadline(bodyLines: Line[], title: string | null): HeadlineResult | null {
  const first = bodyLines[0];
  if (first && isMasthead(first.text)) {
    const below = headlineAt(bodyLines, 1, title);
    if (below) return { headline: below, index: 1, masthead: first };
  }
  const headline = headlineAt(bodyLines, 0, title);
  return headline ? { headline, index: 0, masthead: null } : null;
}

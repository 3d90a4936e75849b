/**
 * Direct quotations: text between curly (“…”), guillemet («…») or straight ("…") double quotes,
 * mixed pairs included ("…” is common in wire copy). A quote that a paragraph leaves open ends
 * with the paragraph, as in multi-paragraph quotes where each paragraph reopens with “.
 */
import type { Span } from '../types.js';

export interface QuoteSpan extends Span {
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
}

const OPENERS = new Set(['“', '«', '„']);
/** The longest stretch read as one quotation; longer ones are stray marks. */
const MAX_QUOTE = 1500;

function isStraightOpener(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = text[i + 1] ?? ' ';
  return /[\s([{—–-]/.test(before) && !/\s/.test(after);
}

function paragraphEnd(text: string, from: number, to: number): number {
  const nl = text.indexOf('\n', from);
  return nl >= 0 && nl < to ? nl : -1;
}

/** Every quotation in the text, left to right. */
export function findQuotes(text: string): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let open = -1;
  const emit = (start: number, end: number, closed: boolean): void => {
    if (end - start <= MAX_QUOTE && end - start > 2) quotes.push({ start, end, closed });
  };
  const marks = /["“”«»„]/g;
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const i = m.index;
    const ch = m[0];
    if (open >= 0) {
      const nl = paragraphEnd(text, open, i);
      if (nl >= 0) {
        emit(open, nl, false);
        open = -1;
      }
    }
    if (open < 0) {
      if (OPENERS.has(ch) || (ch === '"' && isStraightOpener(text, i))) open = i;
    } else if (OPENERS.has(ch)) {
      open = i; // a second opener before any closer: the first mark was stray
    } else {
      emit(open, i + 1, true);
      open = -1;
    }
  }
  if (open >= 0) {
    const nl = paragraphEnd(text, open, text.length);
    emit(open, nl >= 0 ? nl : text.length, false);
  }
  return quotes;
}

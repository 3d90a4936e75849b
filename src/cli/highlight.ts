/**
 * An evidence span shown inside its sentence: the sentence is found around the span in the
 * stored text (the span's offsets are exact; only the context is found by punctuation), and
 * the span is marked with ANSI bold on a terminal or «guillemets» elsewhere.
 */

/** The widest context shown either side of a span, in characters. */
const REACH = 300;

/** A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket) before white space, or at a line break. */
const END = /[.!?]["'”’)\]]*(?=\s)|\n/g;

/** Offsets of the sentence (or sentences) that hold the span [start, end), and whether the context was cut short. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number; cutBefore: boolean; cutAfter: boolean } {
  const reachBack = Math.max(0, start - REACH);
  const before = text.slice(reachBack, start);
  let m: RegExpExecArray | null;
  let cut = -1;
  END.lastIndex = 0;
  while ((m = END.exec(before))) cut = m.index + m[0].length;
  const from = cut >= 0 ? reachBack + cut : reachBack;
  // A span that ends on its own full stop has already reached the end of its sentence.
  if (/[.!?]["'”’)\]]*$/.test(text.slice(start, end))) return { start: from, end, cutBefore: cut < 0 && reachBack > 0, cutAfter: false };
  const after = text.slice(end, Math.min(text.length, end + REACH));
  END.lastIndex = 0;
  const next = END.exec(after);
  const to = next ? end + next.index + (next[0] === '\n' ? 0 : next[0].length) : end + after.length;
  return { start: from, end: to, cutBefore: cut < 0 && reachBack > 0, cutAfter: !next && to < text.length };
}

export interface Marks {
  open: string;
  close: string;
}

export const ANSI_MARKS: Marks = { open: '\x1b[1;33m', close: '\x1b[0m' };
export const TEXT_MARKS: Marks = { open: '«', close: '»' };

const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** The span's sentence on one line, the span marked; "…" where the context was cut short. */
export function highlight(text: string, start: number, end: number, marks: Marks): string {
  const s = sentenceAround(text, start, end);
  const before = flat(text.slice(s.start, start)).trimStart();
  const after = flat(text.slice(end, s.end)).trimEnd();
  return `${s.cutBefore ? '…' : ''}${before}${marks.open}${flat(text.slice(start, end)).trim()}${marks.close}${after}${s.cutAfter ? '…' : ''}`;
}

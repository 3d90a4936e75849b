/**
 * The dates stage: finds every date in the article's prose (sentences minus skipped regions
 * such as captions and timestamps) and resolves it against the publication date.
 */
import type { Doc, Span, Stage } from '../types.js';
import { isIsoDay } from './calendar.js';
import { createDateFinder, type DateFinder } from './find-dates.js';

export interface DateStageOptions {
  /** Today's date `YYYY-MM-DD`, the last resort for an anchor (injected so tests are fixed). */
  today?: () => string;
  finder?: DateFinder;
}

interface Anchor {
  date: string;
  from: 'published' | 'dateline' | 'today';
}

export function createDateStage({ today = utcToday, finder = createDateFinder() }: DateStageOptions = {}): Stage {
  return {
    name: 'dates',
    requires: ['sentences', 'skip'],
    provides: ['dates'],
    run(doc: Doc): Doc {
      const anchor = chooseAnchor(doc, today);
      if (anchor.from !== 'published') {
        const source = anchor.from === 'dateline' ? "the dateline's date" : "today's date";
        doc.warnings.push(`no publication date: relative dates resolved against ${source} (${anchor.date}), a guess`);
      }
      doc.dates = finder(doc.text, anchor.date, proseRanges(doc));
      doc.trace.push(`dates: ${doc.dates.length} found, anchor ${anchor.date} (${anchor.from})`);
      return doc;
    },
  };
}

function chooseAnchor(doc: Doc, today: () => string): Anchor {
  const published = doc.meta.published;
  if (published && isIsoDay(published)) return { date: published, from: 'published' };
  const dateline = doc.dateline?.date;
  if (dateline && isIsoDay(dateline)) return { date: dateline, from: 'dateline' };
  return { date: today(), from: 'today' };
}

function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Sentence spans with the skipped regions cut out of them. */
export function proseRanges(doc: Pick<Doc, 'sentences' | 'skip'>): Span[] {
  const skips = [...doc.skip].sort((a, b) => a.start - b.start);
  const ranges: Span[] = [];
  for (const sentence of doc.sentences) {
    let start = sentence.start;
    for (const skip of skips) {
      if (skip.end <= start || skip.start >= sentence.end) continue;
      if (skip.start > start) ranges.push({ start, end: skip.start });
      start = Math.max(start, skip.end);
    }
    if (sentence.end > start) ranges.push({ start, end: sentence.end });
  }
  return ranges;
}

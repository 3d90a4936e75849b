/** Builds an empty Doc around a stored text: the only place a Doc is created. */
import { createHash } from 'node:crypto';
import type { Doc, DocMeta } from './types.js';

/** A stable id for a text: the same stored text always gets the same id. */
export function docId(text: string): string {
  return 'd' + createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function createDoc(text: string, meta: Partial<DocMeta> = {}): Doc {
  return {
    id: docId(text),
    text,
    meta: {
      name: meta.name ?? '-',
      title: meta.title ?? null,
      published: meta.published ?? null,
      publishedFrom: meta.publishedFrom ?? (meta.published ? 'argument' : 'none'),
      source: meta.source ?? null,
      sourceFrom: meta.sourceFrom ?? (meta.source ? 'argument' : 'none'),
      author: meta.author ?? null,
      url: meta.url ?? null,
    },
    skip: [],
    headline: null,
    dateline: null,
    wire: null,
    tokens: [],
    sentences: [],
    dates: [],
    counts: [],
    quotes: [],
    attributions: [],
    places: [],
    actors: [],
    triggers: [],
    cues: [],
    focus: null,
    candidates: [],
    unplaced: [],
    events: [],
    trace: [],
    warnings: [],
  };
}

/** True when [start, end) overlaps any non-article region of the document. */
export function inSkipRegion(doc: Doc, start: number, end: number): boolean {
  return doc.skip.some((r) => start < r.end && end > r.start);
}

/**
 * Rows as every backend's tables hold them (the same column names in SQLite and PostgreSQL)
 * and their translation into the store interface's values.
 */
import type { CodedEvent, EventRecord } from '../types.js';
import { encodeCursor } from './query.js';
import type { AuditEntry, DocumentMeta, EventPage, EventQuery, MergeLink, ReviewAction, StoredDocument, StoredEvent, StoredMention } from './types.js';

export interface DocumentRow {
  id: string; name: string; external_id: string | null; url: string | null; title: string | null; published: string | null;
  source: string | null; text: string; copy_of: string | null; similarity: number | null; warnings: string; ingested_at: string;
}
export interface MentionRow { seq: number; id: string; document_id: string; coded: string; published: string | null; copy_of: string | null }
export interface EventRow { seq: number; id: string; event_date: string; record: string; coded: string }
export interface LinkRow { mention_id: string; document_id: string; why: string }
export interface AuditRow {
  seq: number; event_id: string; reviewer: string; reviewed_at: string; action: string; before: string | null; after: string | null; note: string | null;
}

export function toStoredMention(row: MentionRow): StoredMention {
  return { id: row.id, documentId: row.document_id, seq: row.seq, published: row.published, copy: row.copy_of !== null, event: JSON.parse(row.coded) as CodedEvent };
}

function documentMeta(row: DocumentRow): DocumentMeta {
  return { name: row.name, externalId: row.external_id, url: row.url, title: row.title, published: row.published, source: row.source };
}

export function toStoredDocument(row: DocumentRow, events: string[]): StoredDocument {
  return {
    ...documentMeta(row), id: row.id, text: row.text, copyOf: row.copy_of, similarity: row.similarity, ingestedAt: row.ingested_at,
    warnings: JSON.parse(row.warnings) as string[], events,
  };
}

export function toStoredEvent(row: EventRow, links: readonly LinkRow[], documents: readonly DocumentRow[]): StoredEvent {
  return {
    record: JSON.parse(row.record) as EventRecord,
    links: links.map((l): MergeLink => ({ mentionId: l.mention_id, documentId: l.document_id, why: l.why })),
    documents: documents.map((d) => ({ id: d.id, name: d.name, title: d.title, source: d.source, published: d.published, copyOf: d.copy_of })),
  };
}

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq, eventId: r.event_id, reviewer: r.reviewer, at: r.reviewed_at, action: r.action as ReviewAction,
    before: r.before === null ? null : (JSON.parse(r.before) as EventRecord), after: r.after === null ? null : (JSON.parse(r.after) as EventRecord), note: r.note,
  };
}

/** A listing's rows as asked for: `limit + 1` rows were read, so a further one means a next page. */
export function toEventPage(
  rows: ReadonlyArray<Pick<EventRow, 'seq' | 'event_date' | 'record'> & { inter1?: number | null; inter2?: number | null }>,
  limit: number,
  query: Pick<EventQuery, 'asJson' | 'withInter'>,
): EventPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: query.asJson ? [] : page.map((r) => JSON.parse(r.record) as EventRecord),
    ...(query.asJson ? { json: page.map((r) => r.record) } : {}),
    next: rows.length > limit && last ? encodeCursor(last.event_date, last.seq) : null,
    ...(query.withInter ? { inter: page.map((r) => ({ inter1: r.inter1 ?? 0, inter2: r.inter2 ?? 0 })) } : {}),
  };
}

/**
 * What the API (and `sitrep show --json`) sends for stored things: the store's camelCase
 * values in the snake_case of the contract records they travel with.
 */
import type { AuditEntry, IngestOutcome, StoredDocument, StoredEvent } from '../store/types.js';
import type { z } from 'zod';
import type { AuditSchema, DocumentSchema, EventDetailSchema, IngestOutcomeSchema } from './schemas.js';

export function eventView(stored: StoredEvent): z.input<typeof EventDetailSchema> {
  return {
    event: stored.record,
    documents: stored.documents.map((d) => ({ id: d.id, name: d.name, title: d.title, source: d.source, published: d.published, copy_of: d.copyOf })),
    links: stored.links.map((l) => ({ mention_id: l.mentionId, document_id: l.documentId, why: l.why })),
  };
}

export function documentView(d: StoredDocument): z.input<typeof DocumentSchema> {
  return {
    id: d.id, name: d.name, external_id: d.externalId, url: d.url, title: d.title, published: d.published, source: d.source,
    copy_of: d.copyOf, similarity: d.similarity, ingested_at: d.ingestedAt, warnings: d.warnings, events: d.events, text: d.text,
  };
}

export function outcomeView(index: number, id: string | null, o: IngestOutcome): z.input<typeof IngestOutcomeSchema> {
  return { index, id, document_id: o.documentId, status: o.status, copy_of: o.copyOf, events_new: o.eventsNew, events_merged: o.eventsMerged };
}

export function failureView(index: number, id: string | null, error: string): z.input<typeof IngestOutcomeSchema> {
  return { index, id, document_id: null, status: 'failed', copy_of: null, events_new: 0, events_merged: 0, error };
}

export function auditView(a: AuditEntry): z.input<typeof AuditSchema>['entries'][number] {
  return { seq: a.seq, event_id: a.eventId, reviewer: a.reviewer, at: a.at, action: a.action, before: a.before, after: a.after, note: a.note };
}

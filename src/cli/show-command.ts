/**
 * `sitrep show ID [--why]`: one stored event as a person reads it: the record, each evidence
 * span highlighted inside its sentence (from the stored document text), the documents that
 * report it (marking wire copies), and with --why how each mention joined the event.
 */
import { eventView } from '../api/views.js';
import { SitrepError } from '../errors.js';
import type { StoredDocument, StoredEvent, Store } from '../store/types.js';
import type { EventRecord } from '../types.js';
import type { Io } from './extract-command.js';
import { ANSI_MARKS, highlight, TEXT_MARKS } from './highlight.js';
import { openExistingStore } from './store-access.js';

export interface ShowOptions {
  db?: string;
  why?: boolean;
  json?: boolean;
}

const PRECISION = { 1: 'day known', 2: 'week or a few days', 3: 'month' } as const;
const GEO_PRECISION = { 1: 'the place itself', 2: 'near the place', 3: 'the region' } as const;

function countsLine(r: EventRecord): string | null {
  const parts = Object.entries(r.counts).map(([kind, range]) => {
    const { low, high } = range as { low: number; high: number | null };
    return `${kind} ${high !== null && high !== low ? `${low}-${high}` : low}`;
  });
  return parts.length ? parts.join(', ') : null;
}

function recordLines(r: EventRecord): string[] {
  const field = (name: string, value: string | null): string[] => (value ? [`  ${name.padEnd(12)}${value}`] : []);
  const place = [r.location, r.admin2, r.admin1, r.country].filter((p, i, all) => p && all.indexOf(p) === i).join(', ');
  const counts = countsLine(r);
  return [
    `${r.id}  ${r.sub_event_type} (${r.event_type})`,
    ...field('date', `${r.event_date}${r.date_end ? ` to ${r.date_end}` : ''} (${PRECISION[r.time_precision]})`),
    ...field('actor1', r.actor1 + (r.assoc_actor_1 ? ` with ${r.assoc_actor_1}` : '')),
    ...field('actor2', r.actor2 ? r.actor2 + (r.assoc_actor_2 ? ` with ${r.assoc_actor_2}` : '') : null),
    ...field('place', `${place} (${r.latitude}, ${r.longitude}; ${GEO_PRECISION[r.geo_precision]})`),
    ...field('fatalities', `${r.fatalities}${counts ? ` (reported: ${counts})` : ''}`),
    ...field('status', r.status + (r.attributed_to ? `, according to ${r.attributed_to}` : '')),
    ...field('source', r.source),
    ...field('confidence', r.confidence.toFixed(2)),
    ...field('notes', r.notes),
  ];
}

/** Each document's evidence, grouped by document in the order the record gives it. */
async function evidenceLines(r: EventRecord, docs: Map<string, StoredDocument | null>, store: Store, io: Io): Promise<string[]> {
  const marks = io.stdoutIsTTY && !process.env.NO_COLOR ? ANSI_MARKS : TEXT_MARKS;
  const lines = ['', 'evidence'];
  const byDoc = new Map<string, EventRecord['evidence']>();
  for (const e of r.evidence) byDoc.set(e.doc, [...(byDoc.get(e.doc) ?? []), e]);
  for (const [docId, spans] of byDoc) {
    const doc = await documentOf(docId, docs, store);
    lines.push(`  ${doc ? doc.name : docId}`);
    for (const span of spans) {
      // The stored text is the one the offsets point into; without it, the quoted text must do.
      const quoted = doc && doc.text.slice(span.start, span.end) === span.text ? highlight(doc.text, span.start, span.end, marks) : `${marks.open}${span.text}${marks.close}`;
      lines.push(`    ${quoted}`);
    }
  }
  return lines;
}

async function documentOf(id: string, cache: Map<string, StoredDocument | null>, store: Store): Promise<StoredDocument | null> {
  if (!cache.has(id)) cache.set(id, await store.getDocument(id));
  return cache.get(id) ?? null;
}

async function reportLines(stored: StoredEvent, docs: Map<string, StoredDocument | null>, store: Store): Promise<string[]> {
  const lines = ['', `reported by ${stored.documents.length} document${stored.documents.length === 1 ? '' : 's'}`];
  for (const d of stored.documents) {
    const original = d.copyOf ? stored.documents.find((o) => o.id === d.copyOf) ?? (await documentOf(d.copyOf, docs, store)) : null;
    const parts = [d.name, d.title ? `"${d.title}"` : null, d.source, d.published ? `published ${d.published}` : null, d.copyOf ? `copy of ${original?.name ?? d.copyOf}` : null];
    lines.push(`  ${parts.filter(Boolean).join('  ')}`);
  }
  return lines;
}

function whyLines(stored: StoredEvent): string[] {
  const names = new Map(stored.documents.map((d) => [d.id, d.name]));
  return ['', 'why merged', ...stored.links.map((l) => `  ${l.mentionId} (${names.get(l.documentId) ?? l.documentId}): ${l.why}`)];
}

/** Returns the exit status: 0, or 1 for an id the store does not hold. */
export async function runShow(id: string, opts: ShowOptions, io: Io): Promise<number> {
  if (!/^[\w-]{1,100}$/.test(id)) throw new SitrepError('E_NOT_FOUND', `no event "${id.slice(0, 100)}"`);
  const store = await openExistingStore(opts.db);
  try {
    const stored = await store.getEvent(id);
    if (!stored) throw new SitrepError('E_NOT_FOUND', `no event "${id}" in ${store.location}`, 'list events with sitrep events');
    if (opts.json) {
      io.out(JSON.stringify(eventView(stored)));
      return 0;
    }
    const docs = new Map<string, StoredDocument | null>();
    const lines = [
      ...recordLines(stored.record),
      ...(await evidenceLines(stored.record, docs, store, io)),
      ...(await reportLines(stored, docs, store)),
      ...(opts.why ? whyLines(stored) : []),
    ];
    for (const line of lines) io.out(line);
  } finally {
    await store.close();
  }
  return 0;
}

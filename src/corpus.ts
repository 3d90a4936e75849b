/**
 * The corpus: the event store with sitrep's merge rules, fed by the extractor. This is the one
 * place that composes extraction, wire-copy detection, storage and cross-document merging; the
 * command line and the HTTP API are faces on top of it.
 *
 * Ingesting one article: a text already stored (same content hash) is skipped before any
 * extraction; otherwise it is extracted, compared with stored texts for a near-duplicate (a
 * wire copy), and stored with its mentions in one transaction, where each mention joins the
 * stored event it tells or founds a new one.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { docId } from './doc.js';
import type { Extractor } from './extract.js';
import type { Article } from './ingest/index.js';
import { bandKeys, COPY_THRESHOLD, decodeSignature, encodeSignature, signature, similarity } from './ingest/minhash.js';
import { foldReports, matchAcross, WINDOW_DAYS } from './merge/across.js';
import { recordOf } from './record/index.js';
import { loadActorDictionary } from './actors/index.js';
import { applyEdits } from './review/edits.js';
import { createInterLookup, type InterLookup } from './review/inter.js';
import { openSqliteStore, type OpenOptions } from './store/sqlite/store.js';
import type { DocumentMeta, IngestOutcome, Merger, NewMention, Store } from './store/types.js';
import type { CodedEvent, DocMeta } from './types.js';

export const DB_ENV = 'SITREP_DB';
export const DEFAULT_DB = 'sitrep.db';

// The actor dictionary is loaded only when an edit names an actor (about 130 ms).
let interLookup: InterLookup | null = null;
const interOf: InterLookup = (name) => (interLookup ??= createInterLookup(loadActorDictionary()))(name);

/** sitrep's cross-document merge rules, as the store asks for them. */
export const MERGER: Merger = {
  match: (mention, candidates) => matchAcross(mention.event, candidates),
  fold: (mentions) => foldReports(mentions),
  record: (id, event) => recordOf(id, event),
  windowDays: WINDOW_DAYS,
  applyEdits: (event, edits) => applyEdits(event, edits, interOf),
};

/** The store's path: the option, else SITREP_DB, else ./sitrep.db. */
export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option ?? env[DB_ENV] ?? DEFAULT_DB);
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  return openSqliteStore(path, MERGER, options);
}

/** A mention's id: the document and the span and kind of its first evidence. */
function mentionId(documentId: string, e: CodedEvent): string {
  const first = e.evidence[0];
  const key = `${documentId}|${first?.start ?? 0}|${first?.end ?? 0}|${e.subEventType}|${e.date}`;
  return 'mn' + createHash('sha256').update(key).digest('hex').slice(0, 14);
}

/** The candidate whose signature is closest to `sig`, when it is close enough to be a copy. */
function mostSimilar(sig: Uint32Array, candidates: ReadonlyArray<{ id: string; signature: string }>): { id: string; similarity: number } | null {
  let best: { id: string; similarity: number } | null = null;
  for (const c of candidates) {
    const value = similarity(sig, decodeSignature(c.signature));
    if (value >= COPY_THRESHOLD && (!best || value > best.similarity)) best = { id: c.id, similarity: value };
  }
  return best;
}

export interface IngestInput {
  article: Article;
  /** What the caller says about the document (batch fields, command-line options); wins over the article's own. */
  meta: Partial<DocMeta> & { externalId?: string | null };
}

export class Corpus {
  constructor(readonly store: Store, private readonly extractor: Extractor) {}

  /**
   * Stores one article. `warnings` are what the user should hear (a guessed publication date,
   * undecodable bytes); `undated` says that no publication date was known, so relative dates
   * were resolved against a guess.
   */
  async ingest({ article, meta }: IngestInput): Promise<IngestOutcome & { warnings: string[]; undated: boolean }> {
    const id = docId(article.text);
    if (await this.store.hasDocument(id)) return { documentId: id, status: 'known', copyOf: null, eventsNew: 0, eventsMerged: 0, warnings: [], undated: false };
    const { externalId, ...overrides } = meta;
    const { doc } = this.extractor.extractArticle(article, overrides);
    const sig = signature(doc.text);
    const bands = bandKeys(sig);
    const encoded = encodeSignature(sig);
    const copyOf = mostSimilar(sig, await this.store.copyCandidates(bands));
    const documentMeta: DocumentMeta = {
      name: doc.meta.name,
      externalId: externalId ?? null,
      url: doc.meta.url,
      title: doc.meta.title,
      published: doc.meta.published,
      source: doc.meta.source,
    };
    const mentions: NewMention[] = doc.events.map((event) => ({ id: mentionId(doc.id, event), event }));
    const outcome = await this.store.addDocument(
      { id: doc.id, text: doc.text, meta: documentMeta, signature: encoded, bands, warnings: doc.warnings },
      mentions,
      copyOf,
    );
    return { ...outcome, warnings: doc.warnings, undated: doc.meta.published === null };
  }
}

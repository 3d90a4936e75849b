/**
 * The event store's interface, implemented by SQLite (embedded, the default; src/store/sqlite)
 * and PostgreSQL (shared by several processes; src/store/postgres), so every method is
 * asynchronous and every value that crosses it is plain data.
 *
 * What is kept: documents (the text as stored, its metadata, content hash and MinHash
 * signature), mentions (each event as `extract` coded it from one document, with its evidence)
 * and events (mentions of the same real event merged across documents), with the links
 * between them. Events are always a fold of their mentions, so they can be rebuilt (`remerge`).
 */
import type { CodedEvent, EventRecord, EventStatus, Report, ReviewEdits } from '../types.js';

/** What the caller knows about a document besides its text. */
export interface DocumentMeta {
  /** The caller's name for it: a file path, a batch id, a URL. */
  name: string;
  externalId: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  source: string | null;
}

/** A document ready to store: its text, id (content hash), metadata and near-duplicate signature. */
export interface NewDocument {
  id: string;
  text: string;
  meta: DocumentMeta;
  /** MinHash signature (hex) and its LSH band keys, for finding wire copies. */
  signature: string;
  bands: string[];
  warnings: string[];
}

/** One event as coded from one document. */
export interface NewMention {
  id: string;
  event: CodedEvent;
}

export interface StoredDocument extends DocumentMeta {
  id: string;
  text: string;
  /** The earlier document this one copies (a wire story republished), with the similarity. */
  copyOf: string | null;
  similarity: number | null;
  ingestedAt: string;
  warnings: string[];
  /** Ids of the events this document reports. */
  events: string[];
}

/** A mention in the store: the event as one document told it (the shared `Report` type). */
export type StoredMention = Report;

/** How a mention joined an event, for `show --why`. */
export interface MergeLink {
  mentionId: string;
  documentId: string;
  /** "founded the event", or the merge rule's reasons. */
  why: string;
}

export interface StoredEvent {
  record: EventRecord;
  /** Every mention that tells the event, in arrival order, with why it joined. */
  links: MergeLink[];
  /** The reporting documents, with whether each is a copy of another. */
  documents: Array<{ id: string; name: string; title: string | null; source: string | null; published: string | null; copyOf: string | null }>;
}

/**
 * Cross-document merging, injected by the one place that composes sitrep (the store does not
 * know the merge rules; it asks).
 */
export interface Merger {
  /** The event among `candidates` that `mention` tells, and why; null when it tells a new one. */
  match(mention: StoredMention, candidates: ReadonlyArray<{ id: string; event: CodedEvent }>): { id: string; why: string } | null;
  /** The event told by these mentions (in arrival order). */
  fold(mentions: readonly StoredMention[]): CodedEvent;
  /** The contract record of a folded event under its store id. */
  record(id: string, event: CodedEvent): EventRecord;
  /** The days either side of a mention's date within which a matching event can lie. */
  windowDays: number;
  /** A reviewer's edits laid over a folded event (src/review). */
  applyEdits(event: CodedEvent, edits: ReviewEdits): CodedEvent;
}

export type DocumentStatus = 'new' | 'known' | 'copy';

export interface IngestOutcome {
  documentId: string;
  status: DocumentStatus;
  copyOf: string | null;
  /** Events founded by this document's mentions, and events its mentions joined. */
  eventsNew: number;
  eventsMerged: number;
}

export interface EventQuery {
  from?: string;
  to?: string;
  /** An ISO 3166 alpha-3 code ("SOM") or the country's name as records spell it ("Somalia"). */
  country?: string;
  admin1?: string;
  type?: string;
  subType?: string;
  actor?: string;
  /** Within `km` of a point. */
  near?: { lat: number; lon: number; km: number };
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  /** Full-text search over notes, actors, places and evidence. */
  text?: string;
  minFatalities?: number;
  status?: EventStatus;
  /**
   * Which review states to return: one state, "unreviewed", "reviewed" (any verdict but a
   * rejection) or "all". By default every event but the rejected ones.
   */
  review?: ReviewFilter;
  /** Page size (default 100) and the opaque cursor of the previous page. */
  limit?: number;
  cursor?: string | null;
  /** Also return each event's ACLED inter codes (`EventPage.inter`), which the CSV export needs. */
  withInter?: boolean;
  /**
   * Return the records as the JSON text the store keeps (`EventPage.json`) instead of parsed:
   * the API sends them on as they are, without parsing and serialising each again.
   */
  asJson?: boolean;
}

/** ACLED's actor-type codes of an event's actor1 and actor2 (not in the contract record). */
export interface InterCodes {
  inter1: number;
  inter2: number;
}

export interface EventPage {
  /** The records (empty when the query asked for `asJson`). */
  events: EventRecord[];
  /** With `asJson`: each record as JSON text, in order. */
  json?: string[];
  /** Cursor of the next page, null on the last. */
  next: string | null;
  /** With `withInter`: the inter codes of `events`, in the same order. */
  inter?: InterCodes[];
}

export const REVIEW_FILTERS = ['unreviewed', 'reviewed', 'confirmed', 'edited', 'rejected', 'all'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export type ReviewAction = 'confirm' | 'edit' | 'reject' | 'merge' | 'split';

/** What a reviewer asks of one event. */
export type ReviewRequest =
  | { action: 'confirm'; note?: string | null }
  | { action: 'reject'; note?: string | null }
  | { action: 'edit'; edits: ReviewEdits; note?: string | null }
  /** Folds the event `other` into this one: its reports join, its id is gone. */
  | { action: 'merge'; other: string; note?: string | null }
  /** Takes one report (a mention id of the event) out into an event of its own. */
  | { action: 'split'; mention: string; note?: string | null };

export interface ReviewOutcome {
  event: StoredEvent;
  /** The id of the event a split made. */
  created: string | null;
}

/** One line of an event's audit log: who did what, when, and the record before and after. */
export interface AuditEntry {
  seq: number;
  eventId: string;
  reviewer: string;
  at: string;
  action: ReviewAction;
  before: EventRecord | null;
  after: EventRecord | null;
  note: string | null;
}

/** Events of one grid cell (map clustering): where they centre, how many, of which types. */
export interface EventCell {
  latitude: number;
  longitude: number;
  count: number;
  fatalities: number;
  byType: Record<string, number>;
  /** The event's id when the cell holds only one. */
  id: string | null;
}

/** How many matching events a country holds (the map's outlines are drawn for these). */
export interface CountryCount {
  iso3: string;
  country: string;
  count: number;
}

/** Events per day and type (the timeline). */
export interface DayCount {
  date: string;
  type: string;
  count: number;
}

export interface StoreStats {
  documents: number;
  copies: number;
  mentions: number;
  events: number;
}

/** A feed as the user gives it (`sitrep feeds add`, a FEEDS.yaml entry). */
export interface FeedSpec {
  url: string;
  /** The user's name for it; also the source of its documents when they name none. */
  name: string | null;
  intervalSeconds: number;
}

/** A feed with its polling state, as `sitrep feeds list` shows it. */
export interface FeedState extends FeedSpec {
  /** Stable id, from the URL ("fd" and 10 hex digits). */
  id: string;
  /** The feed's own title, learnt at the last successful parse. */
  title: string | null;
  addedAt: string;
  lastPollAt: string | null;
  /** The last poll that fetched and read the feed (a 304 counts). */
  lastSuccessAt: string | null;
  /** When it is due again (after an error: the backoff, or what Retry-After asked). Null: now. */
  nextPollAt: string | null;
  /** Validators of the last complete read, for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** Items the feed has shown, ingested or not. */
  itemsSeen: number;
  consecutiveErrors: number;
  lastError: string | null;
}

/** What a poll changes in a feed's state; fields left out stay as they are. */
export type FeedPollUpdate = Partial<Pick<FeedState, 'title' | 'lastPollAt' | 'lastSuccessAt' | 'nextPollAt' | 'etag' | 'lastModified' | 'consecutiveErrors' | 'lastError'>>;

/** An item's fate: its document stored (new, known or a copy), or the attempts failed so far. */
export type FeedItemStatus = 'ingested' | 'failed';

export interface FeedItemState {
  key: string;
  url: string | null;
  status: FeedItemStatus;
  documentId: string | null;
  attempts: number;
  lastError: string | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it lives, for messages. */
  readonly location: string;
  /** True when a document with this content hash is stored already. */
  hasDocument(id: string): Promise<boolean>;
  /**
   * Stored documents that share an LSH band key with these (candidate wire copies, most shared
   * bands first), with their MinHash signatures; the caller judges the similarity.
   */
  copyCandidates(bands: readonly string[]): Promise<Array<{ id: string; signature: string }>>;
  /**
   * Stores a document, its mentions and their merging in one transaction: after a crash the
   * document is either wholly there or not at all.
   */
  addDocument(doc: NewDocument, mentions: readonly NewMention[], copyOf: { id: string; similarity: number } | null): Promise<IngestOutcome>;
  getDocument(id: string): Promise<StoredDocument | null>;
  getEvent(id: string): Promise<StoredEvent | null>;
  findEvents(query: EventQuery): Promise<EventPage>;
  /**
   * Applies a reviewer's decision to an event and writes it in the audit log, in one
   * transaction; null when there is no such event. Refused (E_BAD_ARGUMENT) when the request
   * does not fit the event (merging an unknown event, splitting its only report).
   */
  review(eventId: string, request: ReviewRequest, reviewer: string): Promise<ReviewOutcome | null>;
  /** The audit log of an event, oldest first (also for an event merged away). */
  audit(eventId: string): Promise<AuditEntry[]>;
  /** The matching events counted in a grid of `cellDegrees` (cursor and limit ignored). */
  cells(query: EventQuery, cellDegrees: number): Promise<EventCell[]>;
  /** The matching events per day and type, oldest first (cursor and limit ignored). */
  days(query: EventQuery): Promise<DayCount[]>;
  /** The countries of the matching events, most events first (cursor and limit ignored). */
  countries(query: EventQuery): Promise<CountryCount[]>;
  /** Rebuilds every event from the mentions, in arrival order (after a rule change). */
  remerge(): Promise<{ events: number }>;
  stats(): Promise<StoreStats>;
  /** API tokens: the secret is shown once; only its hash is kept. */
  createToken(name: string): Promise<{ name: string; token: string }>;
  verifyToken(token: string): Promise<string | null>;
  /** Adds a feed, or updates the name and interval of the one with this URL. */
  saveFeed(spec: FeedSpec): Promise<{ feed: FeedState; created: boolean }>;
  /** Every feed, in the order they were added. */
  listFeeds(): Promise<FeedState[]>;
  /** The feed with this id or URL. */
  findFeed(idOrUrl: string): Promise<FeedState | null>;
  /** Forgets a feed and its items (the documents they brought stay); false when there was none. */
  removeFeed(id: string): Promise<boolean>;
  updateFeed(id: string, update: FeedPollUpdate): Promise<void>;
  /** The stored state of those of these items the feed has shown before. */
  feedItems(feedId: string, keys: readonly string[]): Promise<Map<string, FeedItemState>>;
  /** Records an item's outcome; a failure counts one more attempt. */
  recordFeedItem(feedId: string, item: Omit<FeedItemState, 'attempts'>): Promise<void>;
  close(): Promise<void>;
}

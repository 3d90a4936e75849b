/**
 * The shared types of sitrep's pipeline.
 *
 * One `Doc` holds one immutable `text`; every stage annotates it with spans (UTF-16 offsets
 * into that text) and never edits the text itself. Each annotation records the rule that
 * produced it (`rule`), so `--explain` can say why a field has its value, and keeps what the
 * text stated apart from what was implied (chrono-node's known/implied split).
 *
 * Stages know these types and the data files, never each other; `pipeline.ts` composes them.
 */
import type { SubEventType, EventType } from './taxonomy.js';

export type { SubEventType, EventType } from './taxonomy.js';

/** A half-open range [start, end) of UTF-16 code units in `Doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Why a stretch of text is not article prose. Such regions are never coded. */
export type SkipKind =
  | 'promo' // site calls to action: "JOIN BREITBART. Takes 2 seconds."
  | 'caption' // photo captions and credit lines: "... / AFP PHOTO", "(Photo: ...)"
  | 'byline' // "By Jane Doe", "(Reporting by ...; Editing by ...)"
  | 'comment' // comment prompts: "Please let us know if you're having issues with commenting."
  | 'share' // share lines: "Share on Facebook", "Click to share"
  | 'timestamp' // "April 8, 2022 9:47 PM GMT+3 | Updated"
  | 'boilerplate'; // other site furniture

export interface SkipRegion extends Span {
  kind: SkipKind;
  rule: string;
}

/** The headline is kept apart: it may name an event but is not a second telling of it. */
export interface Headline extends Span {
  rule: string;
}

/** "BEIRUT, Lebanon —": where the reporter was, not where the event happened. */
export interface Dateline extends Span {
  place: string;
  /** A date written in the dateline ("April 8"), ISO when resolved. */
  date: string | null;
  rule: string;
}

/** A wire credit such as "(AFP)" or "(Reuters)": becomes `source` when none was given. */
export interface WireCredit extends Span {
  name: string;
  rule: string;
}

export interface Token extends Span {
  /** Normalised (lower-cased) form used for lexicon look-ups. */
  norm: string;
  /** Universal POS tag from the tokenizer (NOUN, VERB, PROPN, NUM, ...). */
  pos: string;
  /** Lemma where the tokenizer knows it (wink-nlp); else the normalised form. */
  lemma: string;
}

export interface Sentence extends Span {
  /** Index of the first token of the sentence in `Doc.tokens`. */
  firstToken: number;
  /** Index one past the last token. */
  endToken: number;
  /** True when the sentence lies in the headline. */
  headline: boolean;
}

/** ACLED time_precision: 1 the day is known; 2 a week or a few days; 3 only the month. */
export type TimePrecision = 1 | 2 | 3;
/** ACLED geo_precision: 1 the town; 2 near a town or a small region; 3 province or large region. */
export type GeoPrecision = 1 | 2 | 3;

/** A date or span found in the text, resolved against the publication date. */
export interface DateMention extends Span {
  /** First day, `YYYY-MM-DD`. */
  date: string;
  /** Last day `YYYY-MM-DD` for spans ("last week"), else null. (`end` is the span's offset.) */
  dateEnd: string | null;
  precision: TimePrecision;
  /** Which parts the text states; the rest were implied from the publication date. */
  known: Array<'year' | 'month' | 'day' | 'weekday' | 'relative'>;
  /** True for a generic or future date that cannot anchor a reported event ("within days"). */
  future: boolean;
  rule: string;
}

export const COUNT_KINDS = ['killed', 'injured', 'abducted', 'arrested', 'displaced', 'evacuated', 'released'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

/** A number of people affected, typed by what happened to them. */
export interface CountMention extends Span {
  kind: CountKind | null;
  /** Conservative figure (ACLED: "more than 250" → 250, "dozens" → 12). */
  low: number;
  /** Upper bound where the text gives one ("between 20 and 30" → 30), else null. */
  high: number | null;
  /** The span of the words that typed the count ("killed", "dead"), when found. */
  cue: Span | null;
  rule: string;
}

/** Who a statement is attributed to: "said the Syrian Observatory for Human Rights". */
export interface Attribution extends Span {
  /** Canonical name of the cited body or person's organisation. */
  source: string;
  /** Index into `Doc.sentences` of the sentence(s) the attribution covers. */
  sentences: number[];
  rule: string;
}

/** A direct quotation and its speaker, when one is named. */
export interface Quote extends Span {
  speaker: Span | null;
  rule: string;
}

export type ActorKind =
  | 'state' // military and police forces, governments
  | 'rebel'
  | 'political-militia'
  | 'identity-militia'
  | 'rioters'
  | 'protesters'
  | 'civilians'
  | 'external' // international organisations, private security, etc.
  | 'identity'; // ethnic/religious groups: associated actors, not armed actors

/** A dictionary entry: one canonical actor name in ACLED style and how texts name it. */
export interface ActorEntry {
  /** Canonical name as ACLED spells it, without the year suffix: "Military Forces of Syria". */
  name: string;
  kind: ActorKind;
  /** ACLED `inter` code: 1 state forces ... 8 external/other. */
  inter: number;
  /** ISO3 of the country the actor belongs to, when it has one. */
  iso3: string | null;
}

export interface ActorMention extends Span {
  actor: ActorEntry;
  /** True when the text named it only generically ("the group", "regime forces") and it was resolved in context. */
  resolvedInContext: boolean;
  rule: string;
}

/** One country or territory of `data/countries.json`, read by the geo and actor stages. */
export interface CountryEntry {
  iso2: string;
  iso3: string;
  /** ACLED's English name ("Democratic Republic of Congo"). */
  name: string;
  aliases: string[];
  demonyms: string[];
  /** ACLED region ("Middle East"). */
  region: string;
}

/** A resolved place: one gazetteer entry or a curated region. */
export interface Place {
  name: string;
  country: string;
  iso3: string;
  admin1: string | null;
  admin2: string | null;
  latitude: number;
  longitude: number;
  precision: GeoPrecision;
  /** GeoNames feature code (PPL, PPLA, ADM1, RGN, CMP, ...) or 'COUNTRY'. */
  featureCode: string;
  population: number;
  /** GeoNames id, or a curated id ("alias:badiya"). */
  id: string;
}

export interface PlaceMention extends Span {
  place: Place;
  /** How sure the resolver is that this reading of the name is right (0..1). */
  score: number;
  rule: string;
}

/** A word or phrase that signals an event of a given ACLED sub-type. */
export interface TriggerMention extends Span {
  eventType: EventType;
  subEventType: SubEventType;
  /** Id of the lexicon entry that matched, for --explain. */
  entry: string;
  /** The entry's priority (0-100): the more specific the signal, the higher. */
  priority: number;
  /** Lexicon-given hints, e.g. the entry implies civilians as targets. */
  hints: string[];
  rule: string;
}

/** A word that bears on whether an event happened as told: "talks", "claimed", "denied", "expected to". */
export interface StatusCue extends Span {
  status: 'planned' | 'alleged' | 'denied' | 'ongoing' | 'nonevent';
  cue: string;
  rule: string;
}

export type EventStatus = 'occurred' | 'ongoing' | 'planned' | 'alleged' | 'denied';

export interface CountRange {
  low: number;
  high: number | null;
}

/** One telling of an event: the text that supports it. */
export interface Evidence extends Span {
  doc: string;
  text: string;
}

/** Why a field has its value: the rule and the span that decided it. */
export interface Reason {
  field: string;
  rule: string;
  span: Span | null;
}

/** An event the coder recognised but could not place: its type and the trigger that told it. */
export interface UnplacedEvent {
  eventType: EventType;
  subEventType: SubEventType;
  start: number;
  end: number;
  status: EventStatus;
}

/**
 * One document's telling of an event, as the event store keeps it (a "mention"): what the
 * cross-document merge folds into events.
 */
export interface Report {
  id: string;
  documentId: string;
  /** Order of arrival in the store (the fold does not follow it: src/merge/across.ts byReportOrder). */
  seq: number;
  /** The document's publication date. */
  published: string | null;
  /** True when its document is a copy of an earlier one: evidence, not an independent report. */
  copy: boolean;
  event: CodedEvent;
}

/** An event as coded from the text of one document, before it becomes a contract record. */
export interface CodedEvent {
  eventType: EventType;
  subEventType: SubEventType;
  date: string;
  dateEnd: string | null;
  timePrecision: TimePrecision;
  actor1: string;
  actor2: string | null;
  assocActor1: string | null;
  assocActor2: string | null;
  /** ACLED `inter` codes of actor1 and actor2 (0 where there is no actor2). */
  inter1: number;
  inter2: number;
  place: Place;
  /** The place name as written in the text, for `location`. */
  location: string;
  fatalities: number;
  /** True when the toll is a figure the text gave, false for a vague one ("dozens" = 12). */
  tollPrecise: boolean;
  counts: Partial<Record<CountKind, CountRange>>;
  status: EventStatus;
  attributedTo: string | null;
  source: string | null;
  evidence: Evidence[];
  confidence: number;
  /** True when a telling is in the article's first paragraph, where the main event is told. */
  inLead: boolean;
  /** Which fields a telling of the event stated itself, rather than inheriting from context. */
  stated: {
    date: boolean;
    /** Dated only by the day it was reported ("officials said Thursday that … had retaken"). */
    reportDate: boolean;
    /** Dated by an earlier sentence of its paragraph ("before dawn Thursday … The gunmen opened fire"). */
    paragraphDate?: boolean;
    /** Dated only by a later state its sentence tells ("were missing on Tuesday after gunmen stormed"): that day or before. */
    boundDate?: boolean;
    place: boolean;
    actor1: boolean;
    kind: boolean;
  };
  why: Reason[];
}

export interface DocMeta {
  /** Caller's name for the document (file name, URL, batch id). */
  name: string;
  title: string | null;
  /** Publication date, `YYYY-MM-DD`, the anchor for relative dates. */
  published: string | null;
  /** Where `published` came from. */
  publishedFrom: 'argument' | 'html-meta' | 'dateline' | 'text' | 'none';
  /** Outlet or wire; the argument wins, then a wire credit, then HTML metadata. */
  source: string | null;
  /** Where `source` came from, so that a wire credit can replace a page's own site name. */
  sourceFrom: 'argument' | 'wire' | 'html-meta' | 'none';
  /** The byline's names as the page's metadata gives them ("Jane Doe, Omar Haddad"). */
  author: string | null;
  url: string | null;
}

/** The one container every stage annotates in turn. */
export interface Doc {
  /** Stable id: a hash of the stored text. */
  id: string;
  /** The stored text. No stage edits it after ingest. */
  readonly text: string;
  meta: DocMeta;
  skip: SkipRegion[];
  headline: Headline | null;
  dateline: Dateline | null;
  wire: WireCredit | null;
  tokens: Token[];
  sentences: Sentence[];
  dates: DateMention[];
  counts: CountMention[];
  quotes: Quote[];
  attributions: Attribution[];
  places: PlaceMention[];
  actors: ActorMention[];
  triggers: TriggerMention[];
  /** Status and non-event cues (planned, alleged, denied, ongoing, predictions, history). */
  cues: StatusCue[];
  /**
   * The article's country focus as a country-level place (from place names and demonyms), the
   * fallback location for events the text does not place more precisely.
   */
  focus: Place | null;
  /** Events coded sentence by sentence, before in-document merging. */
  candidates: CodedEvent[];
  /**
   * Events the text tells but places nowhere, not even in a country: ACLED codes no event
   * without a location, so these never become records. Kept for --explain and for scoring
   * sub-type classification on snippets that name no place (CASE 2021).
   */
  unplaced: UnplacedEvent[];
  /** One per real event, after merging. */
  events: CodedEvent[];
  /** What each stage did, in order; printed by --explain. */
  trace: string[];
  /** Warnings meant for the user (guessed publication date, undecodable bytes). */
  warnings: string[];
}

/** The names of the Doc fields a stage may require or provide. */
export type DocKey = Exclude<keyof Doc, 'id' | 'text' | 'meta' | 'trace' | 'warnings'>;

/**
 * A named pipeline component. Resources (gazetteer, dictionaries, lexicons) are injected when
 * the stage is created, so `run` does no I/O; it annotates the fields it `provides` and returns
 * the same Doc. `requires` names the fields an earlier stage must provide; `createPipeline`
 * checks the order once.
 */
export interface Stage {
  name: string;
  requires: DocKey[];
  provides: DocKey[];
  run(doc: Doc): Doc;
}

/** One event as the outside world reads it: contract v1 (`shared/contract/OUTPUT.md`). */
export interface EventRecord {
  id: string;
  event_date: string;
  date_end: string | null;
  time_precision: TimePrecision;
  event_type: EventType;
  sub_event_type: SubEventType;
  actor1: string;
  actor2: string | null;
  assoc_actor_1: string | null;
  assoc_actor_2: string | null;
  country: string;
  iso3: string;
  admin1: string | null;
  admin2: string | null;
  location: string;
  latitude: number;
  longitude: number;
  geo_precision: GeoPrecision;
  fatalities: number;
  counts: Partial<Record<CountKind, CountRange>>;
  status: EventStatus;
  attributed_to: string | null;
  source: string | null;
  notes: string;
  evidence: Array<{ doc: string; start: number; end: number; text: string }>;
  confidence: number;
  /**
   * A reviewer's verdict on a stored event (null: not reviewed). An addition to contract v1,
   * optional there: `extract` output has none, the store's records always carry it.
   */
  reviewed?: ReviewMark | null;
}

export type ReviewState = 'confirmed' | 'edited' | 'rejected';

/** A place as a reviewer sets it: the whole place at once, in the contract's names. */
export interface ReviewPlace {
  location: string;
  country: string;
  iso3: string;
  admin1: string | null;
  admin2: string | null;
  latitude: number;
  longitude: number;
  geo_precision: GeoPrecision;
}

/**
 * The fields a reviewer may set, in the contract's names. Each one set replaces the machine's
 * value, also after the event is folded again (a new report, a remerge).
 */
export interface ReviewEdits {
  event_type?: EventType;
  sub_event_type?: SubEventType;
  actor1?: string;
  actor2?: string | null;
  assoc_actor_1?: string | null;
  assoc_actor_2?: string | null;
  event_date?: string;
  date_end?: string | null;
  time_precision?: TimePrecision;
  place?: ReviewPlace;
  fatalities?: number;
  counts?: Partial<Record<CountKind, CountRange>>;
  status?: EventStatus;
}

/** The review state of a stored record: the verdict, the last reviewer and time, the fields they set. */
export interface ReviewMark {
  state: ReviewState;
  by: string;
  at: string;
  fields: string[];
}

/** What a caller hands the extractor: one article and what is known about it. */
export interface ArticleInput {
  text: string;
  /** Publication date `YYYY-MM-DD`, when known. */
  published?: string | null;
  source?: string | null;
  /** File name, URL or batch id. */
  name?: string;
  /** True when `text` is HTML to be reduced to article text first. */
  html?: boolean;
}

export interface Extraction {
  doc: Doc;
  records: EventRecord[];
}

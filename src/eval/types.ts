/**
 * Types shared by the evaluation harness. The harness never builds the pipeline itself: it is
 * handed an `ExtractFn`, so tests can inject a fake and the CLI injects the real extractor.
 */
import type { ArticleInput, EventRecord, SubEventType } from '../types.js';

/** One article in, contract records out. */
export type ExtractFn = (input: ArticleInput) => EventRecord[];

/**
 * One article in: its records, and the sub-types of the events it tells but places nowhere
 * (no record can be made of those). For scoring sub-type classification on snippets.
 */
export type ClassifyFn = (input: ArticleInput) => { records: EventRecord[]; unplaced: SubEventType[] };

/** A ClassifyFn for an extractor that reports no unplaced events. */
export const classifyWith = (extract: ExtractFn): ClassifyFn => (input) => ({ records: extract(input), unplaced: [] });

/** A closed range `[low, high]`: a value inside it counts as right. */
export type Range = [number, number];

/** One hand-coded event and the slack a correct extractor is allowed (shared/contract/GOLD.md). */
export interface GoldEvent {
  event_type: string;
  sub_event_type: string;
  event_date: string;
  date_tolerance?: number;
  time_precision?: number;
  /** Acceptable names; null where the event has no such actor. */
  actor1: string[] | null;
  actor2: string[] | null;
  iso3: string;
  admin1?: string[] | null;
  location?: string[];
  latitude: number;
  longitude: number;
  km?: number;
  fatalities?: Range | null;
  counts?: Record<string, Range>;
  status?: string | string[];
  optional?: boolean;
}

export interface GoldArticle {
  /** Article file name, relative to the gold folder. */
  file: string;
  published: string | null;
  source: string | null;
  events: GoldEvent[];
  /** The article text, read from `file`. */
  text: string;
  /** 1-based line of gold.jsonl, for messages. */
  line: number;
}

export interface GoldSet {
  dir: string;
  goldPath: string;
  articles: GoldArticle[];
}

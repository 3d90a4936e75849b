/**
 * Loads and checks the two lexicons of this folder (`data/lexicons/triggers.json`,
 * `data/lexicons/status.json`) and compiles their patterns once into matcher indexes. A bad
 * entry fails at start-up with the entry's id, never halfway through a batch.
 */
import { readDataJson } from '../data.js';
import { SitrepError } from '../errors.js';
import { eventTypeOf, type EventType, type SubEventType } from '../taxonomy.js';
import { buildIndex, type PatternIndex } from './matcher.js';

export interface TriggerEntry {
  id: string;
  eventType: EventType;
  subEventType: SubEventType;
  /** 0–100: how decisive the words are for the sub-type when several triggers compete. */
  priority: number;
  hints: readonly string[];
  patterns: readonly string[];
}

export interface TriggerLexicon {
  entries: readonly TriggerEntry[];
  /** The closed hint vocabulary: hint → what it tells the coder. */
  hints: ReadonlyMap<string, string>;
  index: PatternIndex<TriggerEntry>;
}

export const STATUS_KINDS = ['planned', 'alleged', 'denied', 'ongoing', 'nonevent'] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

export interface StatusEntry {
  id: string;
  /** 'neutral' entries only shield their words from other cues ("no one was hurt"). */
  status: StatusKind | 'neutral';
  patterns: readonly string[];
}

export interface StatusLexicon {
  entries: readonly StatusEntry[];
  index: PatternIndex<StatusEntry>;
}

interface RawTriggerFile {
  hints?: Record<string, string>;
  entries?: Array<{ id?: unknown; sub_event_type?: unknown; priority?: unknown; hints?: unknown; patterns?: unknown }>;
}

interface RawStatusFile {
  cues?: Array<{ id?: unknown; status?: unknown; patterns?: unknown }>;
}

function bad(file: string, message: string): SitrepError {
  return new SitrepError('E_DATA', `lexicon ${file}: ${message}`);
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null;
}

/** Compiles a trigger lexicon from its JSON form (the file's, or a test's own). */
export function compileTriggerLexicon(raw: unknown, file = 'triggers.json'): TriggerLexicon {
  const data = raw as RawTriggerFile;
  const hints = new Map(Object.entries(data.hints ?? {}));
  if (!Array.isArray(data.entries)) throw bad(file, 'no "entries" array');
  const ids = new Set<string>();
  const entries = data.entries.map((item, n): TriggerEntry => {
    const id = typeof item.id === 'string' ? item.id : `#${n}`;
    if (ids.has(id)) throw bad(file, `duplicate id "${id}"`);
    ids.add(id);
    const sub = typeof item.sub_event_type === 'string' ? item.sub_event_type : '';
    const eventType = eventTypeOf(sub);
    if (!eventType) throw bad(file, `entry "${id}": unknown sub_event_type "${sub}"`);
    const priority = item.priority;
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 100) {
      throw bad(file, `entry "${id}": priority must be an integer 0–100`);
    }
    const entryHints = stringList(item.hints ?? []);
    const unknown = entryHints?.find((hint) => !hints.has(hint));
    if (!entryHints || unknown !== undefined) throw bad(file, `entry "${id}": unknown hint "${unknown}"`);
    const patterns = stringList(item.patterns);
    if (!patterns || patterns.length === 0) throw bad(file, `entry "${id}": no patterns`);
    return { id, eventType, subEventType: sub as SubEventType, priority, hints: entryHints, patterns };
  });
  const index = compileIndex(file, entries.map((entry) => ({ entry, patterns: entry.patterns, priority: entry.priority })));
  return { entries, hints, index };
}

export function compileStatusLexicon(raw: unknown, file = 'status.json'): StatusLexicon {
  const data = raw as RawStatusFile;
  if (!Array.isArray(data.cues)) throw bad(file, 'no "cues" array');
  const statuses = new Set<string>([...STATUS_KINDS, 'neutral']);
  const entries = data.cues.map((item, n): StatusEntry => {
    const id = typeof item.id === 'string' ? item.id : `#${n}`;
    if (typeof item.status !== 'string' || !statuses.has(item.status)) throw bad(file, `cue "${id}": unknown status`);
    const patterns = stringList(item.patterns);
    if (!patterns || patterns.length === 0) throw bad(file, `cue "${id}": no patterns`);
    return { id, status: item.status as StatusEntry['status'], patterns };
  });
  const index = compileIndex(file, entries.map((entry) => ({ entry, patterns: entry.patterns, priority: 0 })));
  return { entries, index };
}

function compileIndex<E extends { id: string }>(file: string, sources: Array<{ entry: E; patterns: readonly string[]; priority: number }>): PatternIndex<E> {
  try {
    return buildIndex(sources.map((source) => ({ ...source, label: `entry "${source.entry.id}"` })));
  } catch (err) {
    throw bad(file, (err as Error).message);
  }
}

export function loadTriggerLexicon(): TriggerLexicon {
  return compileTriggerLexicon(readDataJson<unknown>('lexicons', 'triggers.json'));
}

export function loadStatusLexicon(): StatusLexicon {
  return compileStatusLexicon(readDataJson<unknown>('lexicons', 'status.json'));
}

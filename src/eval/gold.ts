/**
 * Reads a gold set (shared/contract/GOLD.md): a folder with `gold.jsonl`, one article per line,
 * and the article files it names. Every line is checked field by field, so a typo in a
 * hand-written gold file fails loudly with its line number instead of silently scoring as a miss.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SitrepError } from '../errors.js';
import { eventTypeOf } from '../taxonomy.js';
import type { GoldArticle, GoldEvent, GoldSet, Range } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads `dir/gold.jsonl` (or `goldPath`) and the article files its lines name. */
export function readGoldSet(dir: string, goldPath: string = join(dir, 'gold.jsonl')): GoldSet {
  const root = resolve(dir);
  const path = resolve(goldPath);
  if (!existsSync(path)) throw new SitrepError('E_NOT_FOUND', `no gold file at ${path}`, 'a gold set is a folder with gold.jsonl');
  const articles: GoldArticle[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      if (raw.trim() === '') return;
      const article = parseGoldLine(raw, index + 1, path);
      articles.push({ ...article, text: readArticle(root, article.file, index + 1, path) });
    });
  return { dir: root, goldPath: path, articles };
}

/** One line of gold.jsonl, checked; `text` is left empty for the caller to fill. */
export function parseGoldLine(raw: string, line: number, path = 'gold.jsonl'): GoldArticle {
  const fail = (what: string): never => {
    throw new SitrepError('E_BAD_GOLD', `${path} line ${line}: ${what}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return fail(`not JSON (${(err as Error).message})`);
  }
  if (!isObject(value)) return fail('not a JSON object');
  if (typeof value.file !== 'string' || value.file === '') return fail('"file" must be a file name');
  const published = value.published ?? null;
  if (published !== null && !isIsoDate(published)) return fail(`"published" must be YYYY-MM-DD, got ${JSON.stringify(published)}`);
  const source = value.source ?? null;
  if (source !== null && typeof source !== 'string') return fail('"source" must be a string or null');
  if (!Array.isArray(value.events)) return fail('"events" must be a list');
  const events = value.events.map((event, k) => {
    const problem = goldEventProblem(event);
    return problem ? fail(`event ${k + 1}: ${problem}`) : (event as GoldEvent);
  });
  return { file: value.file, published, source, events, text: '', line };
}

/** What is wrong with one gold event, or null when it is well formed. */
export function goldEventProblem(event: unknown): string | null {
  if (!isObject(event)) return 'not an object';
  const { event_type, sub_event_type } = event;
  if (typeof sub_event_type !== 'string' || eventTypeOf(sub_event_type) === undefined) {
    return `unknown sub_event_type ${JSON.stringify(sub_event_type)}`;
  }
  if (eventTypeOf(sub_event_type) !== event_type) {
    return `sub_event_type "${sub_event_type}" does not belong to event_type ${JSON.stringify(event_type)}`;
  }
  if (!isIsoDate(event.event_date)) return `"event_date" must be YYYY-MM-DD, got ${JSON.stringify(event.event_date)}`;
  if (typeof event.iso3 !== 'string' || !/^[A-Z]{3}$/.test(event.iso3)) return `"iso3" must be three capitals, got ${JSON.stringify(event.iso3)}`;
  for (const key of ['latitude', 'longitude'] as const) {
    if (typeof event[key] !== 'number' || !Number.isFinite(event[key])) return `"${key}" must be a number`;
  }
  for (const key of ['date_tolerance', 'km'] as const) {
    if (event[key] != null && !(typeof event[key] === 'number' && (event[key] as number) >= 0)) return `"${key}" must be a number >= 0`;
  }
  for (const key of ['actor1', 'actor2', 'admin1'] as const) {
    if (event[key] != null && !isStringList(event[key])) return `"${key}" must be a list of names or null`;
  }
  if (event.fatalities != null && !isRange(event.fatalities)) return '"fatalities" must be [low, high]';
  if (event.counts != null) {
    if (!isObject(event.counts)) return '"counts" must be an object of [low, high] ranges';
    const bad = Object.entries(event.counts).find(([, range]) => !isRange(range));
    if (bad) return `counts "${bad[0]}" must be [low, high]`;
  }
  if (event.status != null && typeof event.status !== 'string' && !isStringList(event.status)) return '"status" must be a string or a list';
  if (event.optional != null && typeof event.optional !== 'boolean') return '"optional" must be true or false';
  return null;
}

function readArticle(root: string, file: string, line: number, path: string): string {
  const full = resolve(root, file);
  if (!existsSync(full) || !statSync(full).isFile()) {
    throw new SitrepError('E_BAD_GOLD', `${path} line ${line}: article file "${file}" not found in ${root}`);
  }
  return readFileSync(full, 'utf8');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isRange(value: unknown): value is Range {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (value[0] as number) <= (value[1] as number)
  );
}

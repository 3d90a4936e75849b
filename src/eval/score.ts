/**
 * Scores predictions against gold events exactly as shared/tools/score.mjs does: the same
 * candidate pairs, the same greedy order (required gold events first, then best first by
 * sub-type, place and actors), duplicates counted as false events, and the same field checks
 * (match.ts). Each article yields its counts plus the misses, false events and wrong fields,
 * so the report can say what went wrong, not only how often.
 */
import type { EventRecord } from '../types.js';
import { actorsOk, days, FIELDS, judgeFields, near, type Field, type Judged } from './match.js';
import type { GoldEvent } from './types.js';

/** Fields every contract record must carry (score.mjs counts a record without one as invalid). */
export const REQUIRED_KEYS = [
  'id', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'iso3',
  'admin1', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'counts', 'status', 'evidence',
  'confidence',
] as const;

export interface Pair {
  pred: EventRecord;
  gold: GoldEvent;
  ok: Record<Field, boolean>;
}

export interface FalseEvent {
  pred: EventRecord;
  /** True when it could only pair with a gold event that already had its pair. */
  duplicate: boolean;
}

export interface ArticleScore {
  file: string;
  goldN: number;
  predN: number;
  tp: number;
  fn: number;
  fp: number;
  dup: number;
  full: number;
  right: Record<Field, number>;
  misses: GoldEvent[];
  falseEvents: FalseEvent[];
  /** Pairs with at least one wrong field. */
  wrong: Pair[];
  /** Every pair of a prediction with a required gold event. */
  pairs: Pair[];
}

interface Candidate {
  i: number;
  j: number;
  score: number;
}

/** Every (prediction, gold) pair that may be matched, with score.mjs's preference score. */
function candidates(preds: readonly Judged[], golds: readonly GoldEvent[]): Candidate[] {
  const cands: Candidate[] = [];
  preds.forEach((p, i) =>
    golds.forEach((g, j) => {
      if (p.event_type !== g.event_type || p.iso3 !== g.iso3) return;
      if (!p.event_date || days(p.event_date, g.event_date) > (g.date_tolerance ?? 0)) return;
      const [a1, a2] = actorsOk(p, g);
      const score =
        2 * Number(p.sub_event_type === g.sub_event_type) + Number(near(p, g)) + Number(a1) + 0.5 * Number(a2) -
        0.05 * days(p.event_date, g.event_date);
      cands.push({ i, j, score });
    }),
  );
  // Required gold events are paired first, so an optional one never takes a prediction that a
  // required one could have; Array.sort is stable, so ties keep (prediction, gold) order.
  cands.sort((a, b) => Number(golds[a.j]!.optional ?? false) - Number(golds[b.j]!.optional ?? false) || b.score - a.score);
  return cands;
}

/** Scores one article's predictions against its gold events. */
export function scoreArticle(file: string, preds: readonly EventRecord[], golds: readonly GoldEvent[]): ArticleScore {
  const result: ArticleScore = {
    file,
    goldN: golds.filter((g) => !g.optional).length,
    predN: preds.length,
    tp: 0,
    fn: 0,
    fp: 0,
    dup: 0,
    full: 0,
    right: Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>,
    misses: [],
    falseEvents: [],
    wrong: [],
    pairs: [],
  };
  const cands = candidates(preds, golds);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Candidate[] = [];
  for (const c of cands) {
    if (usedP.has(c.i) || usedG.has(c.j)) continue;
    usedP.add(c.i);
    usedG.add(c.j);
    pairs.push(c);
  }
  preds.forEach((pred, i) => {
    if (usedP.has(i)) return;
    // The best remaining candidate decides: a required gold event already paired makes this a
    // duplicate; an optional one makes it a second mention that is ignored.
    const hit = cands.find((c) => c.i === i);
    if (hit && golds[hit.j]!.optional) return;
    result.fp++;
    if (hit) result.dup++;
    result.falseEvents.push({ pred, duplicate: hit !== undefined });
  });
  golds.forEach((gold, j) => {
    if (usedG.has(j) || gold.optional) return;
    result.fn++;
    result.misses.push(gold);
  });
  for (const { i, j } of pairs) {
    const pred = preds[i]!;
    const gold = golds[j]!;
    if (gold.optional) continue;
    result.tp++;
    const ok = judgeFields(pred, gold);
    result.pairs.push({ pred, gold, ok });
    for (const f of FIELDS) result.right[f] += ok[f] ? 1 : 0;
    if (FIELDS.every((f) => ok[f])) result.full++;
    else result.wrong.push({ pred, gold, ok });
  }
  return result;
}

/** Totals over a gold set, with score.mjs's headline figures. */
export interface Summary {
  articles: ArticleScore[];
  goldN: number;
  predN: number;
  tp: number;
  fn: number;
  fp: number;
  dup: number;
  full: number;
  /** Records missing a required contract field. */
  invalid: number;
  /** Articles on which the extractor threw. */
  failed: number;
  precision: number;
  recall: number;
  f1: number;
  fullyRight: number;
  /** Share of pairs with the field right (0 when there are no pairs). */
  fieldAccuracy: Record<Field, number>;
}

export function summarise(articles: ArticleScore[], invalid = 0, failed = 0): Summary {
  const sum = (key: 'goldN' | 'predN' | 'tp' | 'fn' | 'fp' | 'dup' | 'full'): number =>
    articles.reduce((total, a) => total + a[key], 0);
  const [goldN, predN, tp, fn, fp, dup, full] = (['goldN', 'predN', 'tp', 'fn', 'fp', 'dup', 'full'] as const).map(sum) as [
    number, number, number, number, number, number, number,
  ];
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = goldN ? tp / goldN : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const fieldAccuracy = Object.fromEntries(
    FIELDS.map((f) => [f, tp ? articles.reduce((total, a) => total + a.right[f], 0) / tp : 0]),
  ) as Record<Field, number>;
  return {
    articles, goldN, predN, tp, fn, fp, dup, full, invalid, failed,
    precision, recall, f1, fullyRight: goldN ? full / goldN : 0, fieldAccuracy,
  };
}

/** Keys of REQUIRED_KEYS a record lacks (score.mjs: `!(k in e)`). */
export function missingKeys(record: object): string[] {
  return REQUIRED_KEYS.filter((key) => !(key in record));
}

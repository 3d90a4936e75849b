/**
 * Turns a gold-set score into lines for a person: what was missed, what was invented, which
 * fields were wrong (predicted vs expected), then the figures. The last three lines have
 * score.mjs's wording and order, so the headline figure is the last line printed, as there.
 */
import type { EventRecord } from '../types.js';
import { FIELDS, km, type Field } from './match.js';
import type { ArticleScore, Summary } from './score.js';
import type { GoldEvent } from './types.js';

const pct = (x: number): string => (100 * x).toFixed(1);
const show = (value: unknown): string => JSON.stringify(value ?? null);

/** At most `limit` aliases, quoted, and how many more there are. */
function names(list: readonly string[] | null | undefined, limit = 3): string {
  if (list == null) return 'none';
  const shown = list.slice(0, limit).map((name) => JSON.stringify(name)).join(', ');
  return list.length > limit ? `${shown} (+${list.length - limit} more)` : shown;
}

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "field: predicted vs expected" for one wrong field of a pair. */
export function describeField(field: Field, p: EventRecord, g: GoldEvent): string {
  switch (field) {
    case 'sub_event_type':
      return `${field}: ${show(p.sub_event_type)} vs ${show(g.sub_event_type)}`;
    case 'actor1':
    case 'actor2':
      return `${field}: ${show(p[field])} vs ${names(g[field])}`;
    case 'admin1':
      return `admin1: ${show(p.admin1)} vs ${names(g.admin1)}`;
    case 'coords': {
      const away = typeof p.latitude === 'number' ? ` (${Math.round(km(p.latitude, p.longitude, g.latitude, g.longitude))} km away)` : '';
      return `coords: ${show([p.latitude, p.longitude])} vs [${g.latitude},${g.longitude}] within ${g.km ?? 25} km${away}`;
    }
    case 'date':
      return `date: ${show(p.event_date)} vs ${g.event_date} ±${g.date_tolerance ?? 0} d`;
    case 'fatalities':
      return `fatalities: ${show(p.fatalities)} vs ${show(g.fatalities)}`;
    case 'counts': {
      // The predicted low figure of each kind the gold counts ("absent" where the record has none).
      const lows = Object.fromEntries(Object.keys(g.counts ?? {}).map((k) => [k, p.counts?.[k as keyof typeof p.counts]?.low ?? 'absent']));
      return `counts: ${show(lows)} vs ${show(g.counts)}`;
    }
    case 'status':
      return `status: ${show(p.status)} vs ${show(g.status ?? 'occurred')}`;
  }
}

function goldLabel(g: GoldEvent): string {
  const where = [g.location?.[0], g.admin1?.[0]].filter(Boolean).join(', ');
  return `${g.event_date} ${g.sub_event_type} at ${where || `[${g.latitude},${g.longitude}]`}${g.optional ? ' (optional)' : ''}`;
}

function predLabel(p: EventRecord): string {
  const where = [p.location, p.admin1].filter(Boolean).join(', ');
  return `${p.event_date} ${p.event_type}/${p.sub_event_type} at ${where} (${p.iso3})`;
}

function articleLines(a: ArticleScore): { misses: string[]; falses: string[]; wrong: string[] } {
  return {
    misses: a.misses.map((g) => `  ${a.file}: ${goldLabel(g)}`),
    falses: a.falseEvents.map(({ pred, duplicate }) => {
      const evidence = pred.evidence?.[0]?.text;
      return `  ${a.file}: ${predLabel(pred)}${duplicate ? ' [duplicate]' : ''}${evidence ? `: "${clip(evidence)}"` : ''}`;
    }),
    wrong: a.wrong.map(({ pred, gold, ok }) => {
      const fields = FIELDS.filter((f) => !ok[f]).map((f) => describeField(f, pred, gold));
      return `  ${a.file}: ${goldLabel(gold)}\n      ${fields.join('\n      ')}`;
    }),
  };
}

/** Per-field accuracies in score.mjs's wording: "sub_event_type 80.0% | actor1 ...". */
export function fieldLine(summary: Summary): string {
  return FIELDS.map((f) => `${f} ${summary.tp ? pct(summary.fieldAccuracy[f]) : '0.0'}%`).join(' | ');
}

export function formatReport(summary: Summary, seconds: number | null = null): string[] {
  const parts = summary.articles.map(articleLines);
  const section = (title: string, lines: string[]): string[] => [`${title} (${lines.length}):`, ...(lines.length ? lines : ['  none'])];
  const time = seconds === null ? '' : `, ${seconds.toFixed(1)} s`;
  const s = summary;
  return [
    ...section('misses: gold events with no pair', parts.flatMap((p) => p.misses)),
    ...section('false events: predictions with no gold event', parts.flatMap((p) => p.falses)),
    ...section('wrong fields: paired events, predicted vs expected', parts.flatMap((p) => p.wrong)),
    '',
    `gold events ${s.goldN}, predicted ${s.predN}, paired ${s.tp}, missed ${s.fn}, false ${s.fp} (duplicates ${s.dup}), invalid records ${s.invalid}, failed runs ${s.failed}${time}`,
    fieldLine(s),
    `event P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}; fully right ${pct(s.fullyRight)}%`,
  ];
}

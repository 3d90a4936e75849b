/**
 * A reading is one gazetteer entry a name may refer to, with a prior: how likely that entry is
 * meant when nothing else is known (countries, then capitals and division seats, then by
 * population). The place stage adds the document's evidence on top.
 */
import type { Place } from '../types.js';

export type ReadingKind = 'country' | 'admin1' | 'admin2' | 'alias' | 'town';

export interface Reading {
  place: Place;
  kind: ReadingKind;
  /** GeoNames ISO2 country code of the entry. */
  iso2: string;
  /** GeoNames admin1 code ("SY.06"), for "same province" evidence; null for countries. */
  admin1Code: string | null;
  /** GeoNames admin2 code ("SY.06.170904") where the entry has one. */
  admin2Code: string | null;
  prior: number;
  /** True when the name matched only one of the entry's alternate names, not its own. */
  viaAlternate?: boolean;
  /**
   * Set on a division found by its standard abbreviation ("J&K", "KPK"): read only when written
   * in capitals, and a `container` one only as the division of another place ("Salem, TN").
   */
  abbreviation?: AbbreviationUse;
}

/** Where an abbreviation may be read: anywhere, or only as another place's container. */
export type AbbreviationUse = 'anywhere' | 'container';

/** What the feature code says about how often a name means this entry, before population. */
const FEATURE_WEIGHT: Record<string, number> = {
  COUNTRY: 10, // above a capital that bears the country's name (Mexico, Kuwait, Panama), even with support
  PPLC: 3,
  PPLA: 2.5,
  ADM1: 1.8,
  ADM2: 0.5,
  PPLA2: 1.5,
  PPLG: 1,
  PPLA3: 1,
  PPLA4: 0.8,
  PPLA5: 0.6,
  PPL: 0,
  PPLX: -0.5,
};
/** Curated entries were added because the press names them: they outrank towns of the name. */
const ALIAS_WEIGHT = 3.5;

export function priorOf(kind: ReadingKind, featureCode: string, population: number): number {
  const weight = kind === 'alias' ? ALIAS_WEIGHT : (FEATURE_WEIGHT[featureCode] ?? -0.2);
  return weight + Math.log10(population + 10) / 2;
}

/** ACLED geo_precision for an entry of this feature code. */
export function precisionOf(featureCode: string): 1 | 2 | 3 {
  if (featureCode === 'ADM2' || featureCode === 'PPLX') return 2;
  if (featureCode === 'COUNTRY' || featureCode.startsWith('ADM') || featureCode === 'RGN') return 3;
  return 1;
}

export function byPrior(a: Reading, b: Reading): number {
  return b.prior - a.prior;
}

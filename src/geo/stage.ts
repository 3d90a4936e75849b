/**
 * The place stage: finds place names in article sentences, works out the country the story is
 * about, and resolves each name to one gazetteer entry (doc.places, doc.focus).
 */
import { inSkipRegion } from '../doc.js';
import type { Doc, PlaceMention, Stage } from '../types.js';
import { computeFocus } from './focus.js';
import type { Gazetteer } from './gazetteer.js';
import { foldKey } from './normalize.js';
import type { Reading } from './readings.js';
import { continuesList } from './hierarchy.js';
import { isStrong, rank, rejection, resolveSpot, type Context } from './resolve.js';
import { spotSentence, type SideFindings, type Spot } from './spot.js';
import { buildSupport, inside, type Support } from './support.js';
import { loadStopLists, type StopLists } from './stop-lists.js';
import { createWordFolds, type WordFolds } from './words.js';

export function createPlaceStage(gazetteer: Gazetteer, stops: StopLists = loadStopLists()): Stage {
  const folds = createWordFolds();
  return {
    name: 'places',
    requires: ['tokens', 'sentences', 'skip', 'dateline'],
    provides: ['places', 'focus'],
    run(doc) {
      annotatePlaces(doc, gazetteer, stops, folds);
      return doc;
    },
  };
}

function annotatePlaces(doc: Doc, gaz: Gazetteer, stops: StopLists, folds: WordFolds): void {
  const side: SideFindings = { demonyms: [], missions: [], personKeys: new Set() };
  const spots: Spot[] = [];
  doc.sentences.forEach((sentence, index) => {
    const input = { text: doc.text, start: sentence.start, end: sentence.end, index, headline: sentence.headline, folds };
    for (const spot of spotSentence(gaz, stops, input, side)) {
      if (!inSkipRegion(doc, spot.start, spot.end)) spots.push(spot);
    }
  });
  const dateline = doc.dateline;
  const inDateline = (s: Spot): boolean => !!dateline && s.start < dateline.end && s.end > dateline.start;
  const datelineReading = dateline ? (gaz.readings(foldKey(dateline.place))[0] ?? null) : null;
  const body = spots.filter((s) => !inDateline(s));
  for (const s of spots.filter(inDateline)) doc.trace.push(`places: dateline "${doc.text.slice(s.start, s.end)}" is where the reporter was, not emitted`);

  const support = buildSupport(doc.text, body);
  const focus = computeFocus(body, side, datelineReading, support.bonus);
  const ctx = firstReadings(body, focus.iso3, personKeys(body, side.personKeys), support);
  for (const hit of [...side.demonyms, ...side.missions]) ctx.namedCountries.add(hit.iso3);
  readContainersAsProvinces(doc.text, body, ctx);
  doc.focus = focus.iso3 ? (gaz.country(focus.iso3) ?? null) : null;
  doc.trace.push(`places: focus ${focus.iso3 ?? 'none'} (${[...focus.votes].map(([k, v]) => `${k} ${v}`).join(', ')})`);
  doc.places = emit(doc, body, ctx);
}

/** First pass: each name's reading from priors and focus alone, to find places that agree. */
function firstReadings(spots: Spot[], focus: string | null, persons: Set<string>, support: Support): Context {
  const ctx: Context = {
    focus, countries: new Map(), admin1s: new Map(), bodyKeys: new Set(), personKeys: persons,
    support, picks: new Map(), namedAdmin1s: new Map(), forced: new Map(), namedCountries: new Set(),
  };
  for (const spot of spots) if (!spot.headline) ctx.bodyKeys.add(spot.key);
  const picks: Array<[Spot, Reading]> = [];
  for (const spot of spots) {
    const ranked = rank(spot, ctx);
    if (ranked && !rejection(spot, ranked.best, ctx)) picks.push([spot, ranked.best]);
  }
  for (const [spot, r] of picks) {
    ctx.picks.set(spot, r);
    addKey(ctx.countries, r.place.iso3, spot.key);
    if (r.admin1Code) addKey(ctx.admin1s, r.admin1Code, spot.key);
    if (r.kind === 'admin1' && r.admin1Code) addKey(ctx.namedAdmin1s, r.place.iso3, r.admin1Code);
    if (r.kind === 'country') ctx.namedCountries.add(r.place.iso3);
  }
  return ctx;
}

/**
 * "Pisky, Donetsk", "Saida town in Ar Raqqa countryside": a name the text gives as the container
 * of a small place is the province, not its namesake city, also when the small place itself is
 * missing from the gazetteer ("Ramos Mejia (Buenos Aires)"). Lists of cities ("Aleppo, Homs and
 * Hama") are left alone.
 */
function readContainersAsProvinces(text: string, spots: Spot[], ctx: Context): void {
  for (const inner of spots) {
    const outer = ctx.support.containers(inner)[0];
    const innerPick = ctx.picks.get(inner);
    if (outer && innerPick && innerPick.kind !== 'country') readAsProvince(text, outer, innerPick, ctx);
  }
  for (const outer of spots) if (bracketsUnknownName(text, outer, spots, ctx)) readAsProvince(text, outer, null, ctx);
}

function readAsProvince(text: string, outer: Spot, innerPick: Reading | null, ctx: Context): void {
  const pick = ctx.picks.get(outer);
  if (!pick || pick.kind !== 'town' || ctx.forced.has(outer) || continuesList(text.slice(outer.end))) return;
  if (outer.readings.some((r) => r.kind === 'country')) return;
  const provinces = outer.readings.filter((r) => r.kind === 'admin1' && r.place.iso3 === pick.place.iso3);
  // The province that holds the small place; else the one named exactly as written ("Buenos Aires"
  // the province, not the capital's own "Ciudad Autonoma de Buenos Aires"); else the city's own.
  const province =
    (innerPick ? provinces.find((a) => inside(innerPick, a)) : undefined) ??
    provinces.find((a) => foldKey(a.place.name) === outer.key) ??
    provinces.find((a) => a.admin1Code === pick.admin1Code) ??
    provinces[0];
  // A big town elsewhere in the country keeps the city reading ("Aleppo, Homs"); a namesake abroad does not
  // ("Karak in Dar'a" is a village of Daraa province, not Karak in Jordan).
  const sameCountry = !!innerPick && innerPick.place.iso3 === province?.place.iso3;
  if (!province?.admin1Code || (innerPick && sameCountry && isStrong(innerPick) && !inside(innerPick, province))) return;
  // With the small place unknown, the city stays the city unless the province differs from its own.
  if (!innerPick && province.admin1Code === pick.admin1Code) return;
  ctx.forced.set(outer, province);
  ctx.picks.set(outer, province);
  addKey(ctx.namedAdmin1s, province.place.iso3, province.admin1Code);
}

const UNKNOWN_BEFORE_BRACKET_RE = /\p{Lu}[\p{L}\p{M}'’-]*\s*\(\s*$/u;

/** "Ramos Mejia (Buenos Aires)": the name alone in brackets after a capitalised name that is no place we believe. */
function bracketsUnknownName(text: string, outer: Spot, spots: Spot[], ctx: Context): boolean {
  if (!/^\s*\)/.test(text.slice(outer.end, outer.end + 3))) return false;
  const before = text.slice(Math.max(0, outer.start - 40), outer.start);
  const open = text.lastIndexOf('(', outer.start);
  return UNKNOWN_BEFORE_BRACKET_RE.test(before) && !spots.some((s) => s !== outer && ctx.picks.has(s) && s.end <= open && s.end >= open - 2);
}

/**
 * Names seen inside a person's name ("Juan Manuel Santos") are persons when they recur alone
 * ("Santos said"), unless they name a country, a province or a capital.
 */
function personKeys(spots: Spot[], afterTitles: Set<string>): Set<string> {
  const keys = new Set(afterTitles);
  for (const spot of spots) if (spot.personLike) keys.add(spot.key);
  for (const spot of spots) {
    const top = spot.readings[0];
    const division = spot.readings.some((r) => r.kind === 'country' || r.kind === 'admin1');
    // A capital or seat keeps its own name, not an alternate: "Londono" is not London.
    const seat = !!top && (top.place.featureCode === 'PPLC' || top.place.featureCode === 'PPLA') && foldKey(top.place.name) === spot.key;
    if (division || seat) keys.delete(spot.key);
  }
  return keys;
}

function addKey(map: Map<string, Set<string>>, code: string, key: string): void {
  const set = map.get(code);
  if (set) set.add(key);
  else map.set(code, new Set([key]));
}

function emit(doc: Doc, spots: Spot[], ctx: Context): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const spot of spots) {
    const text = doc.text.slice(spot.start, spot.end);
    const res = resolveSpot(spot, ctx);
    if (typeof res === 'string') {
      doc.trace.push(`places: "${text}" dropped (${res})`);
      continue;
    }
    out.push({ start: spot.start, end: spot.end, place: res.place, score: res.score, rule: res.rule });
  }
  doc.trace.push(`places: ${out.length} place mentions`);
  return out;
}

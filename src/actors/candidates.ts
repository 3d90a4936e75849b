/**
 * The readings of the text at one position: a named actor ("HTS"), a country modifier with a
 * role noun ("Syrian troops", "Syrian and Russian warplanes"), a bare role ("regime forces"),
 * or an identity group ("Druze"). The stage picks the best reading; this module only lists them.
 */
import { bucketHashAt, matchAt, mayHoldHash, probeAt, type AliasMatch, type FoldedText } from './alias-index.js';
import { ARMED_AFTER, ARMED_BEFORE } from './derived.js';
import { isWordCharAt } from './fold.js';
import type { ActorDictionary } from './dictionary.js';
import type { ActorDataEntry, AliasTarget, CountryTarget, EntryTarget, NounTarget, RoleName } from './types.js';

export type CandidateKind = 'entry' | 'composed' | 'role' | 'identity';

export interface Candidate {
  start: number;
  end: number;
  kind: CandidateKind;
  /** The actor entry, or the role the words name. */
  target: EntryTarget | { type: 'role'; role: RoleName };
  /** Countries named by modifiers, in text order, each with its own span ("Syrian and Russian"). */
  modifiers: Modifier[];
  /** Folded key of the alias that matched (the head noun for composed readings). */
  key: string;
  /** The alias had to match with its case (an acronym such as "IS" or "PDF"). */
  caseSensitive: boolean;
  /** True when a context-limited alias matched (it applies only to the article's countries). */
  contextual: boolean;
}

export interface Modifier {
  iso3: string;
  start: number;
  end: number;
}

/** Higher wins between readings of the same length. */
export const KIND_RANK: Readonly<Record<CandidateKind, number>> = { entry: 4, composed: 3, role: 2, identity: 1 };

/** Words joining country modifiers: "Syrian and Russian", "Turkish, Syrian or Iraqi". */
const JOINERS = [', and ', ' and ', ', ', ' or ', ' & ', '/'];
const MAX_CHAIN = 4;

/**
 * A country named as the subject of a military act: "Israel struck", "North Korea test-fired",
 * "Moscow has launched". News uses the state's name for its forces; ACLED codes its military.
 * Verbs of speech or diplomacy ("Israel said", "Russia denied") are not acts of force.
 * The lookahead before the verbs changes nothing (every verb starts with a letter) but cuts
 * V8's compile of the pattern about twentyfold: without it, V8 analyses every verb against
 * every path through the repeated adverbs.
 */
const ACTING =
  /^ (?:(?:has|have|had|also|then|later|again|reportedly|allegedly|apparently|subsequently|on \w+day|overnight|itself),? ){0,2}(?=[a-z])(?:struck|strikes|hit|hits|fired|fires|test fired|test fires|launched|launches|shelled|shells|bombed|bombs|bombarded|pounded|attacked|attacks|invaded|invades|targeted|targets|raided|shot down|downed|retaliated|retaliates|carried out|carries out|conducted|conducts|deployed|deploys|sent troops|mobilized|mobilised|seized|captured|recaptured|retook|annexed|advanced|killed|kills|intercepted|destroyed|blockaded|occupied|stormed|rained)\b/;
/** "carried out by Israel", "fired by Russia": a passive act of force whose agent is a state. */
const BY_STATE =
  /\b(?:struck|hit|fired|launched|shelled|bombed|bombarded|pounded|attacked|invaded|targeted|raided|shot down|downed|carried out|conducted|killed|destroyed|occupied|seized|captured|recaptured|annexed|intercepted|wounded|injured|damaged|claimed) by (?:the )?$/;
/** After a bare state role, "of" names its country: "military forces of India", "the government of Colombia". */
const OF_COUNTRY = /^ of (?:the )?/;
/** A country after these words is a place ("rockets fired into Israel hit ..."), not an agent. */
const PLACE_BEFORE = /\b(?:in|into|from|to|across|near|inside|toward|towards|of|at|over|against|on|with|for|between|throughout|within|northern|southern|eastern|western|central)\s+$/;
const STATE_ROLES: ReadonlySet<string> = new Set(['military', 'police', 'government']);

function contextApplies(target: EntryTarget, countries: ReadonlySet<string>): boolean {
  if (target.context === null) return true;
  for (const iso3 of target.context) if (countries.has(iso3)) return true;
  return false;
}

/** Position after an optional possessive: "Syria's army", "the Philippines' police". */
function skipPossessive(text: FoldedText, at: number): number {
  if (text.lower.startsWith("'s ", at)) return at + 2;
  if (text.lower.startsWith("' ", at) && text.lower[at - 1] === 's') return at + 1;
  return at;
}

function nounsAfter(dict: ActorDictionary, text: FoldedText, at: number, countries: ReadonlySet<string>) {
  if (text.lower[at] !== ' ') return [];
  const nouns = matchAt(dict.nouns, text, at + 1).filter(
    (m) => m.record.target.type === 'role' || contextApplies(m.record.target, countries),
  );
  const longest = nouns[0]?.end;
  return nouns.filter((m) => m.end === longest);
}

/** The country match at a position, if any (the first, longest). */
function countryAt(dict: ActorDictionary, text: FoldedText, at: number): AliasMatch<AliasTarget> | undefined {
  return matchAt(dict.main, text, at).find((m) => m.record.target.type === 'country');
}

/** Country modifier(s) followed by a role noun or identity: one candidate per noun reading. */
function composed(
  dict: ActorDictionary,
  text: FoldedText,
  first: AliasMatch<AliasTarget>,
  countries: ReadonlySet<string>,
): Candidate[] {
  const modifiers: Candidate['modifiers'] = [];
  let current: AliasMatch<AliasTarget> | undefined = first;
  while (current && modifiers.length < MAX_CHAIN) {
    const target = current.record.target as CountryTarget;
    modifiers.push({ iso3: target.iso3, start: current.start, end: current.end });
    const after = skipPossessive(text, current.end);
    const nouns = nounsAfter(dict, text, after, countries);
    if (nouns.length > 0) return nouns.map((noun) => composedCandidate(first.start, noun, modifiers));
    const joiner = JOINERS.find((j) => text.lower.startsWith(j, current!.end));
    const next: AliasMatch<AliasTarget> | undefined = joiner ? countryAt(dict, text, current.end + joiner.length) : undefined;
    // A chain keeps one form: "Syrian, Russian and Iranian forces", never "Russia, Ukrainian officials".
    current = next && (next.record.target as CountryTarget).noun === target.noun ? next : undefined;
  }
  return [];
}

function composedCandidate(start: number, noun: AliasMatch<NounTarget>, modifiers: Candidate['modifiers']): Candidate {
  const target = noun.record.target;
  const identity = target.type === 'entry';
  return {
    start,
    end: noun.end,
    kind: identity ? 'identity' : 'composed',
    target,
    modifiers: [...modifiers],
    key: noun.record.key,
    caseSensitive: noun.record.exact !== null,
    contextual: false,
  };
}

/** "Israel struck ...", "... carried out by Russia": the country's military, over the name alone. */
function acting(text: FoldedText, match: AliasMatch<AliasTarget>): Candidate | null {
  const target = match.record.target as CountryTarget;
  if (!target.noun) return null;
  if (PLACE_BEFORE.test(text.lower.slice(Math.max(0, match.start - 14), match.start))) return null;
  const after = ACTING.test(text.lower.slice(match.end, match.end + 60));
  if (!after && !BY_STATE.test(text.lower.slice(Math.max(0, match.start - 30), match.start))) return null;
  return {
    start: match.start,
    end: match.end,
    kind: 'composed',
    target: { type: 'role', role: 'military' },
    modifiers: [{ iso3: target.iso3, start: match.start, end: match.end }],
    key: 'acting',
    caseSensitive: match.record.exact !== null,
    contextual: false,
  };
}

/** A bare state role followed by "of <country>": the country's forces, over the whole phrase. */
function ofCountry(dict: ActorDictionary, text: FoldedText, role: Candidate): Candidate | null {
  const of = OF_COUNTRY.exec(text.lower.slice(role.end, role.end + 9));
  if (!of) return null;
  const country = countryAt(dict, text, role.end + of[0].length);
  if (!country || isWordCharAt(text.raw, country.end)) return null;
  const iso3 = (country.record.target as CountryTarget).iso3;
  // Written out, not spread from `role`: every candidate then has one shape.
  return {
    start: role.start, end: country.end, kind: 'composed', target: role.target, modifiers: [{ iso3, start: role.start, end: country.end }],
    key: role.key, caseSensitive: role.caseSensitive, contextual: role.contextual,
  };
}

/** "Tiv militias", "armed Pokot", "Hawadle clan militia": the group's militia, over the group. */
function militias(
  text: FoldedText,
  start: number,
  dict: ActorDictionary,
  main: AliasMatch<AliasTarget>[],
  short: AliasMatch<ActorDataEntry>[],
): Candidate[] {
  const identities: Array<{ end: number; entry: EntryTarget['entry'] }> = [];
  for (const m of main) if (m.record.target.type === 'entry' && m.record.target.entry.kind === 'identity') identities.push({ end: m.end, entry: m.record.target.entry });
  for (const m of short) identities.push({ end: m.end, entry: m.record.target });
  if (identities.length === 0) return [];
  const found: Candidate[] = [];
  const armedBefore = ARMED_BEFORE.exec(text.lower.slice(Math.max(0, start - 7), start));
  for (const { end, entry } of identities) {
    const militia = dict.militiaOf.get(entry);
    if (!militia) continue;
    const after = ARMED_AFTER.exec(text.lower.slice(end, end + 40));
    if (!after && !armedBefore) continue;
    found.push({
      start: after ? start : start - (armedBefore as RegExpExecArray)[0].length,
      end: after ? end + after[0].length : end,
      kind: 'entry',
      target: { type: 'entry', entry: militia, context: null },
      modifiers: [],
      key: militia.name.toLowerCase(),
      caseSensitive: false,
      contextual: false,
    });
  }
  return found;
}

const NO_CANDIDATES: readonly Candidate[] = [];

/** Every reading that starts at `start`, unsorted; the empty list is shared, never to be changed. */
export function candidatesAt(
  dict: ActorDictionary,
  text: FoldedText,
  start: number,
  countries: ReadonlySet<string>,
): readonly Candidate[] {
  const hash = bucketHashAt(text.lower, start);
  if (!mayHoldHash(dict.main, hash) && !mayHoldHash(dict.militiaNames, hash)) return NO_CANDIDATES;
  const probe = probeAt(text.lower, start);
  const main = matchAt(dict.main, text, start, probe);
  const short = matchAt(dict.militiaNames, text, start, probe);
  // Most positions start no alias at all.
  if (main.length === 0 && short.length === 0) return NO_CANDIDATES;
  const found: Candidate[] = [];
  for (const match of main) {
    const target = match.record.target;
    if (target.type === 'country') {
      found.push(...composed(dict, text, match, countries));
      const act = acting(text, match);
      if (act) found.push(act);
      continue;
    }
    if (target.type === 'entry' && !contextApplies(target, countries)) continue;
    const kind: CandidateKind =
      target.type === 'role' ? 'role' : target.entry.kind === 'identity' ? 'identity' : 'entry';
    const candidate: Candidate = {
      start,
      end: match.end,
      kind,
      target,
      modifiers: [],
      key: match.record.key,
      caseSensitive: match.record.exact !== null,
      contextual: target.type === 'entry' && target.context !== null,
    };
    found.push(candidate);
    const of = target.type === 'role' && STATE_ROLES.has(target.role) ? ofCountry(dict, text, candidate) : null;
    if (of) found.push(of);
  }
  found.push(...militias(text, start, dict, main, short));
  return found;
}

/** Longest first; then named before composed before bare roles before identities; context-limited aliases first. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.end - a.end || KIND_RANK[b.kind] - KIND_RANK[a.kind] || Number(b.contextual) - Number(a.contextual);
}

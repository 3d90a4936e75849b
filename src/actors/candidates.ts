/**
 * The readings of the text at one position: a named actor ("HTS"), a country modifier with a
 * role noun ("Syrian troops", "Syrian and Russian warplanes"), a bare role ("regime forces"),
 * or an identity group ("Druze"). The stage picks the best reading; this module only lists them.
 */
import { matchAt, type AliasMatch, type FoldedText } from './alias-index.js';
import type { ActorDictionary } from './dictionary.js';
import type { AliasTarget, EntryTarget, NounTarget, RoleName } from './types.js';

export type CandidateKind = 'entry' | 'composed' | 'role' | 'identity';

export interface Candidate {
  start: number;
  end: number;
  kind: CandidateKind;
  /** The actor entry, or the role the words name. */
  target: EntryTarget | { type: 'role'; role: RoleName };
  /** Countries named by modifiers, in text order, each with its own start ("Syrian and Russian"). */
  modifiers: Array<{ iso3: string; start: number }>;
  /** Folded key of the alias that matched (the head noun for composed readings). */
  key: string;
  /** The alias had to match with its case (an acronym such as "IS" or "PDF"). */
  caseSensitive: boolean;
  /** True when a context-limited alias matched (it applies only to the article's countries). */
  contextual: boolean;
}

/** Higher wins between readings of the same length. */
export const KIND_RANK: Readonly<Record<CandidateKind, number>> = { entry: 4, composed: 3, role: 2, identity: 1 };

/** Words joining country modifiers: "Syrian and Russian", "Turkish, Syrian or Iraqi". */
const JOINERS = [', and ', ' and ', ', ', ' or ', ' & ', '/'];
const MAX_CHAIN = 4;

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
    const target = current.record.target as { type: 'country'; iso3: string };
    modifiers.push({ iso3: target.iso3, start: current.start });
    const after = skipPossessive(text, current.end);
    const nouns = nounsAfter(dict, text, after, countries);
    if (nouns.length > 0) return nouns.map((noun) => composedCandidate(first.start, noun, modifiers));
    const joiner = JOINERS.find((j) => text.lower.startsWith(j, current!.end));
    current = joiner ? countryAt(dict, text, current.end + joiner.length) : undefined;
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

/** Every reading that starts at `start`, unsorted. */
export function candidatesAt(
  dict: ActorDictionary,
  text: FoldedText,
  start: number,
  countries: ReadonlySet<string>,
): Candidate[] {
  const found: Candidate[] = [];
  for (const match of matchAt(dict.main, text, start)) {
    const target = match.record.target;
    if (target.type === 'country') {
      found.push(...composed(dict, text, match, countries));
      continue;
    }
    if (target.type === 'entry' && !contextApplies(target, countries)) continue;
    const kind: CandidateKind =
      target.type === 'role' ? 'role' : target.entry.kind === 'identity' ? 'identity' : 'entry';
    found.push({
      start,
      end: match.end,
      kind,
      target,
      modifiers: [],
      key: match.record.key,
      caseSensitive: match.record.exact !== null,
      contextual: target.type === 'entry' && target.context !== null,
    });
  }
  return found;
}

/** Longest first; then named before composed before bare roles before identities; context-limited aliases first. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.end - a.end || KIND_RANK[b.kind] - KIND_RANK[a.kind] || Number(b.contextual) - Number(a.contextual);
}

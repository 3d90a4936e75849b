/**
 * Turns a chosen reading into actor mentions: names the country of generic forms (the
 * demonym in the phrase, else the article's country), and resolves anaphors ("the group",
 * "the jihadists") to the armed group named most recently.
 */
import type { ActorEntry, ActorMention } from '../types.js';
import type { Candidate } from './candidates.js';
import { stateActor, toActorEntry, type ActorDictionary } from './dictionary.js';
import { isCountryRole, roleActor, withCountry } from './names.js';
import type { ActorDataEntry } from './types.js';

/** Anaphors that point only to a group named very recently: "the group" often means a rights group. */
const SHORT_REACH = /^the (?:group|movement|militia|outfit)$/;
/** Anaphors for criminal groups fall back to an unidentified gang, not an armed group. */
const GANG_WORDS = /\b(?:gangs?|cartels?)\b/;
const SHORT_WINDOW = 2;
const LONG_WINDOW = 8;

/** What the stage remembers while it walks the document. */
export interface ResolveState {
  dict: ActorDictionary;
  /** The article's country when the text does not say (focus, else the most named country). */
  defaultIso3: string | null;
  sentence: number;
  recentGroup: { actor: ActorEntry; sentence: number } | null;
}

function countryName(state: ResolveState, iso3: string | null): string | null {
  return iso3 ? (state.dict.countryByIso3.get(iso3)?.name ?? null) : null;
}

function mention(candidate: Candidate, actor: ActorEntry, resolvedInContext: boolean, rule: string, start = candidate.start): ActorMention {
  return { start, end: candidate.end, actor, resolvedInContext, rule };
}

/** An entry, with its country suffix when it takes one ("Islamic State (Syria)"). */
function entryActor(state: ResolveState, entry: ActorDataEntry, iso3: string | null): ActorEntry {
  if (!entry.suffix) return toActorEntry(entry);
  const country = iso3 ?? entry.iso3 ?? state.defaultIso3;
  return toActorEntry(entry, withCountry(entry.name, countryName(state, country)), country);
}

function recentGroup(state: ResolveState, key: string): ActorEntry | null {
  const recent = state.recentGroup;
  if (!recent) return null;
  const window = SHORT_REACH.test(key) ? SHORT_WINDOW : LONG_WINDOW;
  return state.sentence - recent.sentence <= window ? recent.actor : null;
}

function resolveAnaphor(state: ResolveState, candidate: Candidate, iso3: string | null): ActorMention[] {
  const group = recentGroup(state, candidate.key);
  if (group) return [mention(candidate, group, true, 'actors/anaphor')];
  // "the group" with no armed group in reach is most often a rights group or a company.
  if (SHORT_REACH.test(candidate.key)) return [];
  const country = iso3 ?? state.defaultIso3;
  const role = GANG_WORDS.test(candidate.key) ? 'gang' : 'unidentified';
  return [mention(candidate, roleActor(role, countryName(state, country), country), true, 'actors/anaphor-fallback')];
}

/** Mentions for a role reading: one per country modifier ("Syrian and Russian warplanes"). */
function resolveRole(state: ResolveState, candidate: Candidate, role: string): ActorMention[] {
  const named = candidate.modifiers.length > 0;
  const targets = named ? candidate.modifiers : [{ iso3: state.defaultIso3, start: candidate.start }];
  const rule = named ? 'actors/demonym-role' : 'actors/bare-role';
  const out: ActorMention[] = [];
  for (const { iso3, start } of targets) {
    if (role === 'anaphor') return resolveAnaphor(state, candidate, iso3);
    if (role === 'military' || role === 'police' || role === 'government') {
      const actor = iso3 ? stateActor(state.dict, role, iso3) : null;
      if (actor) out.push(mention(candidate, actor, !named, rule, start));
    } else if (isCountryRole(role)) {
      out.push(mention(candidate, roleActor(role, countryName(state, iso3), iso3), !named, rule, start));
    }
  }
  return out;
}

/** A context-limited generic alias ("rebels" in Syria, "insurgents" in Afghanistan) yields to a group just named. */
function resolveEntry(state: ResolveState, candidate: Candidate, entry: ActorDataEntry): ActorMention[] {
  const iso3 = candidate.modifiers[0]?.iso3 ?? null;
  const generic = candidate.contextual && state.dict.anaphorKeys.has(candidate.key);
  if (generic && !candidate.key.includes('rebel')) {
    const group = recentGroup(state, candidate.key);
    if (group) return [mention(candidate, group, true, 'actors/anaphor')];
  }
  const rule = generic ? 'actors/context-default' : candidate.contextual ? 'actors/context-alias' : 'actors/alias';
  const out = [mention(candidate, entryActor(state, entry, iso3), generic, rule)];
  if (entry.civilians) {
    const country = iso3 ?? state.defaultIso3;
    out.push(mention(candidate, roleActor('civilians', countryName(state, country), country), false, 'actors/identity-civilians'));
  }
  return out;
}

/** The mentions one reading yields (none when its country cannot be told). */
export function resolveCandidate(state: ResolveState, candidate: Candidate): ActorMention[] {
  const target = candidate.target;
  if (target.type === 'role') return resolveRole(state, candidate, target.role);
  return resolveEntry(state, candidate, target.entry);
}

/** Remembers an armed group the text names outright, for later anaphors ("the militants"). */
export function rememberGroup(state: ResolveState, candidate: Candidate, mentions: ActorMention[]): void {
  const first = mentions[0];
  if (candidate.target.type !== 'entry' || !first) return;
  if (!state.dict.anaphorTargets.has(candidate.target.entry)) return;
  if (first.rule === 'actors/alias' || first.rule === 'actors/context-alias') {
    state.recentGroup = { actor: first.actor, sentence: state.sentence };
  }
}

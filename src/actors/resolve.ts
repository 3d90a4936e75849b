/**
 * Turns a chosen reading into actor mentions: names the country of generic forms (the
 * demonym in the phrase, else the article's country), reads generic forms by their sentence
 * ("security forces" arresting people are the police), resolves anaphors ("the group", "the
 * jihadists") to the armed group named most recently, and names actors as ACLED did on the
 * publication date.
 */
import type { ActorEntry, ActorMention, Span } from '../types.js';
import type { Candidate } from './candidates.js';
import { entryOnDate, gangName, operationFor, policing } from './context.js';
import { stateActor, toActorEntry, type ActorDictionary } from './dictionary.js';
import { isCountryRole, roleActor, withCountry } from './names.js';
import type { ActorDataEntry, CountryRole, StateRole } from './types.js';

/** Anaphors that point only to a group named very recently: "the group" often means a rights group. */
const SHORT_REACH = /^the (?:group|movement|militia|outfit)$/;
/** Anaphors for criminal groups fall back to an unidentified gang, not an armed group. */
const GANG_WORDS = /\b(?:gangs?|cartels?)\b/;
const SHORT_WINDOW = 2;
const LONG_WINDOW = 8;
/**
 * Bare forms that name whichever army the text is following ("the army", "troops", "soldiers"),
 * unlike "government forces" or "the regime", which name the host state's. In a report on an
 * Israeli raid in Jenin, "troops" are Israel's, though the article's country is Palestine.
 */
const ARMY_FORMS: ReadonlySet<string> = new Set([
  'the army', 'army', 'the military', 'troops', 'soldiers', 'army troops', 'army soldiers', 'military forces',
  'the military forces', 'military troops', 'military personnel', 'military elements', 'military men',
  'paratroopers', 'commandos', 'special forces', 'warplanes', 'war planes', 'military aircraft', 'military jets',
  'fighter jets', 'helicopter gunships', 'the air force', 'the navy', 'army units', 'military drones',
  'military helicopters', 'army helicopters', 'military airstrikes', 'military air strikes', 'army airstrikes',
]);
const ARMY_WINDOW = 6;

/** What the stage remembers while it walks the document. */
export interface ResolveState {
  dict: ActorDictionary;
  /** The article's country when the text does not say (focus, else the most named country). */
  defaultIso3: string | null;
  /** Publication date (`YYYY-MM-DD`), for names that changed over time. */
  published: string | null;
  /** The article's country and those of the places it names, where a coalition operation may be fighting. */
  placeCountries: ReadonlySet<string>;
  sentence: number;
  /** The current sentence, folded and lower-cased, for context cues. */
  sentenceText: string;
  recentGroup: { actor: ActorEntry; sentence: number } | null;
  /** The state whose military the text named last ("Israeli troops"), for bare "troops". */
  recentMilitary: { iso3: string; sentence: number } | null;
}

function countryName(state: ResolveState, iso3: string | null): string | null {
  return iso3 ? (state.dict.countryByIso3.get(iso3)?.name ?? null) : null;
}

function mention(span: Span, actor: ActorEntry, resolvedInContext: boolean, rule: string): ActorMention {
  return { start: span.start, end: span.end, actor, resolvedInContext, rule };
}

/** A state military named as ACLED names it where it fights ("Operation Restoring Hope" in Yemen). */
function asFought(state: ResolveState, actor: ActorEntry): ActorEntry {
  return operationFor(state.dict, actor, state.placeCountries, state.published) ?? actor;
}

/** An entry, with its country suffix when it takes one ("Islamic State (Syria)"), as named on the date. */
function entryActor(state: ResolveState, entry: ActorDataEntry, iso3: string | null): ActorEntry {
  const dated = entryOnDate(entry, state.published);
  if (dated) return asFought(state, dated);
  if (!entry.suffix) return asFought(state, toActorEntry(entry));
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
  return [mention(candidate, countryRoleActor(state, role, country), true, 'actors/anaphor-fallback')];
}

/** A country role actor; unidentified armed men become a gang where the sentence bears its hallmarks. */
function countryRoleActor(state: ResolveState, role: CountryRole, iso3: string | null): ActorEntry {
  const country = countryName(state, iso3);
  if (role === 'unidentified' && iso3) {
    const gang = gangName(iso3, state.sentenceText);
    if (gang) return { ...roleActor('gang', country, iso3), name: withCountry(gang, country) };
  }
  return roleActor(role, country, iso3);
}

/**
 * The span each modifier's mention covers. When the role noun names a weapon or an act
 * ("Turkish airstrikes", "government warplanes"), the event lexicon reads that noun as the
 * trigger, so the actor is only the words before it.
 */
function spans(state: ResolveState, candidate: Candidate, named: boolean): Span[] {
  const instrument = instrumentStart(state, candidate);
  if (!named) return [{ start: candidate.start, end: instrument ?? candidate.end }];
  return candidate.modifiers.map((m) => ({ start: m.start, end: instrument !== null ? m.end : candidate.end }));
}

/** Where the instrument noun at the end of the reading starts, when there are words before it. */
function instrumentStart(state: ResolveState, candidate: Candidate): number | null {
  const key = candidate.key;
  // Only an instrument with the key's last word can end the key.
  for (const instrument of state.dict.instrumentsByLastWord.get(key.slice(key.lastIndexOf(' ') + 1)) ?? []) {
    if (key !== instrument && !key.endsWith(' ' + instrument)) continue;
    const at = candidate.end - instrument.length;
    // Trim the space before the noun; a bare instrument alone ("warplanes") keeps its span.
    return at - 1 > candidate.start ? at - 1 : null;
  }
  return null;
}

function stateRoleActor(state: ResolveState, role: StateRole, iso3: string, key: string): ActorEntry | null {
  const arm = role !== 'police' && policing(key, state.sentenceText) ? 'police' : role;
  const actor = stateActor(state.dict, arm, iso3);
  return actor && arm === 'military' ? asFought(state, actor) : actor;
}

/** The country of a bare role: the army the text last named for "troops", else the article's country. */
function bareCountry(state: ResolveState, role: string, key: string): string | null {
  const recent = state.recentMilitary;
  if (role === 'military' && recent && ARMY_FORMS.has(key) && state.sentence - recent.sentence <= ARMY_WINDOW) return recent.iso3;
  return state.defaultIso3;
}

/** Mentions for a role reading: one per country modifier ("Syrian and Russian warplanes"). */
function resolveRole(state: ResolveState, candidate: Candidate, role: string): ActorMention[] {
  if (role === 'anaphor') return resolveAnaphor(state, candidate, candidate.modifiers[0]?.iso3 ?? null);
  const named = candidate.modifiers.length > 0;
  const countries = named ? candidate.modifiers.map((m) => m.iso3) : [bareCountry(state, role, candidate.key)];
  if (named && role === 'military') rememberMilitary(state, countries[countries.length - 1] ?? null);
  const rule = named ? 'actors/demonym-role' : 'actors/bare-role';
  const out: ActorMention[] = [];
  spans(state, candidate, named).forEach((span, i) => {
    const iso3 = countries[i] ?? null;
    if (role === 'military' || role === 'police' || role === 'government') {
      const actor = iso3 ? stateRoleActor(state, role, iso3, candidate.key) : null;
      if (actor) out.push(mention(span, actor, !named, rule));
    } else if (isCountryRole(role)) {
      out.push(mention(span, countryRoleActor(state, role, iso3), !named, rule));
    }
  });
  return out;
}

function rememberMilitary(state: ResolveState, iso3: string | null): void {
  if (iso3) state.recentMilitary = { iso3, sentence: state.sentence };
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
  if (entry.kind === 'state' && entry.role === 'military') rememberMilitary(state, entry.iso3);
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

/**
 * The actor stage: finds actor mentions sentence by sentence, longest reading first, and
 * resolves generic forms to the actor they stand for in this article.
 */
import { inSkipRegion } from '../doc.js';
import type { ActorMention, Doc, PlaceMention, Sentence, Stage } from '../types.js';
import type { FoldedText } from './alias-index.js';
import { candidatesAt, compareCandidates, type Candidate } from './candidates.js';
import type { ActorDictionary } from './dictionary.js';
import { communalMilitiaAt, placesByStart } from './communal.js';
import { rejectCandidate, SentenceCaps, type PositionContext } from './filters.js';
import { foldLower, foldPunct, isWordCharAt } from './fold.js';
import { rememberGroup, resolveCandidate, type ResolveState } from './resolve.js';
import { nameCuesOf, unlistedGroupAt, type NameCues } from './unlisted.js';
import { matchAt } from './alias-index.js';

const UPPER = /\p{Lu}/u;
/** `text[at]` is a capital letter (ASCII answered without the regex). */
function isUpperAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 128 ? code >= 65 && code <= 90 : UPPER.test(text[at] ?? '');
}

/**
 * A name right after a known actor is a part or a unit of it ("CODECO-URDPC", "Mayi Mayi
 * Kifuafua", "ELN members of the Camilo Torres Front"), which the known actor already names.
 */
function extendsPrevious(text: string, out: readonly ActorMention[], start: number): boolean {
  const previous = out.at(-1);
  if (!previous || previous.end > start || start - previous.end > 12) return false;
  return /^(?:[\s\-\u2010]*|\s+of\s+(?:the\s+)?|\s+from\s+(?:the\s+)?)$/.test(text.slice(previous.end, start)) || text[start - 1] === '-';
}

/** After a named group, words that still name it: "IS fighters", "Taliban militants", "400 Mawozo gang". (The lookahead only speeds V8's compile: see ACTING in candidates.ts.) */
const MEMBER_NOUNS =
  /^ (?:group |movement |militia |cartel |gang )?(?=[a-z])(?:fighters|militants|gunmen|jihadists|insurgents|rebels|members|militiamen|forces|troops|soldiers|group|movement|militia|commanders?|operatives|terrorists|extremists|elements|cells?|units|gang|gangs|cartel|suicide bombers?|mercenaries|paramilitaries|guerrillas|loyalists)\b/;

/**
 * "pro-Houthi snipers", "pro-IS fighters": a named group's own men (ACLED codes pro-Houthi
 * forces as the Houthis). The tokenizer keeps "pro-Houthi" whole, so the name inside the token
 * is looked up here; only a named group followed by a noun for armed men reads this way
 * ("pro-government militias" and "pro-Russian separatists" are other actors). The prefix is
 * /^pro[-\u2010]/i, read here without slicing the text at every token.
 */
function startsWithPro(text: string, at: number): boolean {
  const p = text.charCodeAt(at) | 0x20;
  if (p !== 112 || (text.charCodeAt(at + 1) | 0x20) !== 114 || (text.charCodeAt(at + 2) | 0x20) !== 111) return false;
  const dash = text.charCodeAt(at + 3);
  return dash === 45 || dash === 0x2010;
}

const ARMED_MEN_AFTER =
  /^ (?:(?:armed |local |allied )?(?:forces|fighters|militants|gunmen|snipers|troops|soldiers|militia|militias|militiamen|elements|units|reinforcements|factions|groups|brigades|battalions|loyalists|insurgents|rebels|jihadists))\b/;

/** Words before a name that hedge it ("suspected ISWAP militants"): part of the mention, as "suspected militants" is. */
const HEDGE_BEFORE = /\b(?:suspected|alleged|presumed|presumably|purported|likely|possible) $/;

/** The article's country when the text does not say: the focus, else the most named country. */
function defaultCountry(doc: Doc): string | null {
  if (doc.focus) return doc.focus.iso3;
  const counts = new Map<string, number>();
  for (const p of doc.places) counts.set(p.place.iso3, (counts.get(p.place.iso3) ?? 0) + 1);
  let best: string | null = null;
  for (const [iso3, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = iso3;
  return best;
}

function docCountries(doc: Doc): Set<string> {
  const countries = new Set(doc.places.map((p) => p.place.iso3));
  if (doc.focus) countries.add(doc.focus.iso3);
  return countries;
}

function positionContext(doc: Doc, text: FoldedText, sentence: Sentence, ti: number, caps: SentenceCaps): PositionContext {
  const prev = ti > sentence.firstToken ? doc.tokens[ti - 1] : undefined;
  const word = prev && /[\p{L}]/u.test(doc.text[prev.start] ?? '') ? prev : undefined;
  const first = doc.text[word?.start ?? 0] ?? '';
  return {
    text,
    capsSentence: caps,
    previous: word ? word.norm : null,
    previousCapitalised: !!word && ti - 1 > sentence.firstToken && first !== first.toLowerCase(),
  };
}

/** Extends a named group over the member noun that follows it. */
function absorbMembers(text: FoldedText, candidate: Candidate): Candidate {
  if (candidate.kind !== 'entry') return candidate;
  const member = MEMBER_NOUNS.exec(text.lower.slice(candidate.end, candidate.end + 40));
  return member ? { ...candidate, end: candidate.end + member[0].length } : candidate;
}

/** Extends a reading back over a hedge word, so "by suspected ISWAP militants" still reads as "by" + actor. */
function absorbHedge(text: FoldedText, candidate: Candidate, cursor: number): Candidate {
  if (candidate.kind === 'identity') return candidate;
  const hedge = HEDGE_BEFORE.exec(text.lower.slice(Math.max(0, candidate.start - 12), candidate.start));
  if (!hedge) return candidate;
  const start = candidate.start - hedge[0].length;
  if (start < cursor) return candidate;
  const modifiers = candidate.modifiers.map((m, i) => (i === 0 && m.start === candidate.start ? { ...m, start } : m));
  return { ...candidate, start, modifiers };
}

/** The best reading at a position and the readings of the same span in another category (civilians + identity). */
function choose(candidates: Candidate[]): Candidate[] {
  if (candidates.length === 0) return [];
  candidates.sort(compareCandidates);
  const best = candidates[0] as Candidate;
  const companions = candidates.filter(
    (c) => c !== best && c.end === best.end && (c.kind === 'identity') !== (best.kind === 'identity'),
  );
  return [best, ...companions.slice(0, 1)];
}

/** Scans one sentence from `cursor` (a match may run past a mis-split sentence end); returns the new cursor. */
function scanSentence(doc: Doc, scan: Scan, sentence: Sentence, out: ActorMention[], from: number): number {
  const { dict, text, state, countries } = scan;
  const caps = new SentenceCaps(doc.text, sentence.start, sentence.end);
  let cursor = Math.max(from, sentence.start);
  for (let ti = sentence.firstToken; ti < sentence.endToken; ti++) {
    const start = (doc.tokens[ti] as { start: number }).start;
    if (start < cursor || !isWordCharAt(doc.text, start)) continue;
    const pro = startsWithPro(doc.text, start) ? proGroupAt(scan, start, cursor) : null;
    if (pro && !inSkipRegion(doc, pro.start, pro.end)) {
      out.push(...pro.mentions);
      cursor = pro.end;
      continue;
    }
    const communal = communalMilitiaAt(text, scan.places.get(start), scan.countryName);
    if (communal && !inSkipRegion(doc, communal.start, communal.end)) {
      out.push(communal);
      cursor = communal.end;
      continue;
    }
    const all = candidatesAt(dict, text, start, countries);
    if (all.length === 0) {
      const unlisted = isUpperAt(doc.text, start) && !caps.get() ? unlistedGroupAt(text, scan.nameCues(), start, scan.known) : null;
      if (unlisted && unlisted.start >= cursor && !inSkipRegion(doc, unlisted.start, unlisted.end)) {
        // A unit's name after its group's is read over, so that its last words are not a name of their own.
        if (!extendsPrevious(doc.text, out, unlisted.start)) {
          out.push({ start: unlisted.start, end: unlisted.end, actor: unlisted.actor, resolvedInContext: false, rule: 'actors/unlisted-name' });
        }
        cursor = unlisted.end;
      }
      continue;
    }
    const ctx = positionContext(doc, text, sentence, ti, caps);
    const readings = all.filter((c) => !rejectCandidate(c, ctx));
    const chosen = choose(readings);
    if (chosen.length === 0 || inSkipRegion(doc, start, (chosen[0] as Candidate).end)) continue;
    if (yieldsToNext(doc, scan, sentence, ti, chosen[0] as Candidate)) continue;
    const best = absorbHedge(text, absorbMembers(text, chosen[0] as Candidate), cursor);
    for (const candidate of [best, ...chosen.slice(1)]) {
      const local = localUnit(doc.text, candidate, cursor);
      const mentions = local ? [{ ...local, resolvedInContext: false, rule: 'actors/local-unit' }] : resolveCandidate(state, candidate);
      rememberGroup(state, candidate, mentions);
      out.push(...mentions);
    }
    cursor = best.end;
  }
  return cursor;
}

/**
 * "the Military Police": a bare role read from its article ("the military") gives way to a
 * longer name that starts at the next word ("Military Police"), so the article does not cut
 * the name in two.
 */
function yieldsToNext(doc: Doc, scan: Scan, sentence: Sentence, ti: number, best: Candidate): boolean {
  if (best.kind !== 'role' || !/^the /.test(best.key) || ti + 1 >= sentence.endToken) return false;
  const next = (doc.tokens[ti + 1] as { start: number }).start;
  return candidatesAt(scan.dict, scan.text, next, scan.countries).some((c) => c.end > best.end && c.kind !== 'identity');
}

/** "pro-Houthi snipers" at `start` (the "pro-" token): the named group's mentions over the phrase, else null. */
function proGroupAt(scan: Scan, start: number, cursor: number): { start: number; end: number; mentions: ActorMention[] } | null {
  const named = candidatesAt(scan.dict, scan.text, start + 4, scan.countries).filter(
    (c) => c.kind === 'entry' && c.target.type === 'entry' && c.target.entry.kind !== 'identity' && c.target.entry.role !== 'government',
  );
  if (named.length === 0) return null;
  const best = [...named].sort(compareCandidates)[0] as Candidate;
  // The armed noun follows the name, or is part of the alias that matched ("Houthi gunmen").
  const after = ARMED_MEN_AFTER.exec(scan.text.lower.slice(best.end, best.end + 40));
  const within = ARMED_MEN_AFTER.test(' ' + best.key.slice(best.key.lastIndexOf(' ') + 1));
  if ((!after && !within) || start < cursor) return null;
  const end = best.end + (after ? after[0].length : 0);
  const mentions = resolveCandidate(scan.state, { ...best, start, end }).map((m) => ({ ...m, start, end }));
  return mentions.length > 0 ? { start, end, mentions } : null;
}

/** A capitalised word alone before a name ("the Mingin PDF"), or after it ("- Tamu", "(Kalay)"). */
const UNIT_PLACE_BEFORE = /(?:^|[^\p{L}\s]\s*|\b(?:\p{Ll}[\p{L}]*|The)\s+)(\p{Lu}[\p{Ll}][\p{L}-]*)\s+$/u;
const UNIT_PLACE_AFTER = /^\s*(?:[-–]\s*(\p{Lu}[\p{Ll}][\p{L}-]*)|\((\p{Lu}[\p{Ll}][\p{L}-]*)\))/u;
const NOT_PLACES = new Set(['The', 'A', 'An', 'On', 'In', 'At', 'By', 'And', 'Local', 'Joint', 'Combined', 'Several', 'Two', 'Three', 'Some', 'Many', 'Other']);

/** "the Mingin PDF", "People's Defense Force - Tamu": a local unit of a movement that ACLED names by township. */
function localUnit(text: string, candidate: Candidate, cursor: number): { start: number; end: number; actor: ActorMention['actor'] } | null {
  const entry = candidate.target.type === 'entry' ? candidate.target.entry : null;
  if (!entry?.localUnits) return null;
  const base = entry.name.slice(entry.name.indexOf(': ') + 2);
  const actor = (place: string) => ({ name: `${base} - ${place}`, kind: entry.kind, inter: entry.inter, iso3: entry.iso3 });
  const after = UNIT_PLACE_AFTER.exec(text.slice(candidate.end, candidate.end + 30));
  const placeAfter = after?.[1] ?? after?.[2];
  if (after && placeAfter && !NOT_PLACES.has(placeAfter)) return { start: candidate.start, end: candidate.end + after[0].length, actor: actor(placeAfter) };
  const before = UNIT_PLACE_BEFORE.exec(text.slice(Math.max(cursor, candidate.start - 30), candidate.start));
  const placeBefore = before?.[1];
  if (!before || !placeBefore || NOT_PLACES.has(placeBefore)) return null;
  const space = before[0].length - before[0].trimEnd().length;
  return { start: candidate.start - space - placeBefore.length, end: candidate.end, actor: actor(placeBefore) };
}

/** What every sentence scan reads: built once per document. */
interface Scan {
  dict: ActorDictionary;
  text: FoldedText;
  state: ResolveState;
  countries: Set<string>;
  places: Map<number, PlaceMention>;
  countryName: (iso3: string) => string | null;
  /** Where the head and member nouns of unlisted names occur (`nameCuesOf`), read on first need. */
  nameCues: () => NameCues;
  /** True when a listed alias starts at the position. */
  known: (at: number) => boolean;
}

/** Drops repeated mentions of one actor over one span (identity + civilians readings may agree). */
function dedupe(mentions: ActorMention[]): ActorMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.start}:${m.end}:${m.actor.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function createActorStage(dict: ActorDictionary): Stage {
  return {
    name: 'actors',
    requires: ['tokens', 'sentences', 'skip', 'places', 'focus'],
    provides: ['actors'],
    run(doc: Doc): Doc {
      const punct = foldPunct(doc.text);
      const text: FoldedText = { raw: doc.text, punct, lower: foldLower(punct) };
      const state: ResolveState = {
        dict, defaultIso3: defaultCountry(doc), published: doc.meta.published, sentence: 0, sentenceText: '', recentGroup: null, recentMilitary: null,
        placeCountries: docCountries(doc),
      };
      let cues: NameCues | null = null;
      const scan: Scan = {
        dict, text, state, countries: docCountries(doc), places: placesByStart(doc.places),
        countryName: (iso3) => dict.countryByIso3.get(iso3)?.name ?? null,
        nameCues: () => (cues ??= nameCuesOf(doc.text)),
        known: (at) => matchAt(dict.main, text, at).length > 0,
      };
      const found: ActorMention[] = [];
      let cursor = 0;
      doc.sentences.forEach((sentence, index) => {
        state.sentence = index;
        state.sentenceText = text.lower.slice(sentence.start, sentence.end);
        cursor = scanSentence(doc, scan, sentence, found, cursor);
      });
      doc.actors = dedupe(found).sort((a, b) => a.start - b.start || a.end - b.end);
      const inContext = doc.actors.filter((m) => m.resolvedInContext).length;
      doc.trace.push(`actors: ${doc.actors.length} mentions (${inContext} resolved in context), default country ${state.defaultIso3 ?? 'none'}`);
      return doc;
    },
  };
}

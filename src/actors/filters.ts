/**
 * Negative rules: readings that look like actors but are not. Each rule is a known trap:
 * "IS" in an all-caps headline, "PDF file", "the army of supporters", "regime-held",
 * "pro-government", "opposition forces".
 */
import type { FoldedText } from './alias-index.js';
import type { Candidate } from './candidates.js';

/** Nouns after an acronym that show it is not an actor: "a PDF file", "the IS version". */
const DOCUMENT_NOUNS = /^ (?:files?|documents?|formats?|versions?|cop(?:y|ies)|downloads?|readers?|viewers?|attachments?|pages?|dollars?|\$)/;
/** "the army of supporters", "the group of protesters": a collective noun, not the actor. */
const OF_PHRASE = /^ of\b/;
/** Words before a bare role that make it someone else's forces: "opposition forces", "coalition troops". */
const BLOCKING_PREVIOUS = new Set([
  'opposition', 'rebel', 'rebels', 'insurgent', 'insurgents', 'militia', 'militias', 'coalition', 'foreign', 'allied',
  'peacekeeping', 'un', 'u.n.', 'international', 'enemy', 'hostile', 'private', 'separatist', 'separatists', 'tribal',
  'jihadist', 'islamist', 'rival', 'cartel', 'gang', 'kurdish', 'militant', 'guerrilla', 'paramilitary', 'mercenary',
  'pro', 'anti', 'former', 'ex', 'occupying', 'partner', 'allies', "allies'", 'nato', 'western', 'african',
  // "their regime was toppled": someone else's, said of a group already named.
  'their', 'its', 'his', 'her',
]);
/** Capitalised words before a bare role that do not name someone else ("On Monday troops ..."). */
const HARMLESS_CAPITALISED = new Set([
  'the', 'a', 'an', 'on', 'in', 'when', 'as', 'after', 'but', 'and', 'then', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'meanwhile', 'local', 'state', 'federal', 'some', 'many', 'two', 'three',
]);

const STATE_OR_ARMED = new Set(['military', 'police', 'government', 'anaphor', 'unidentified']);
/**
 * "al-Qaida-linked", "IS-affiliated", "Hezbollah-aligned": the name qualifies another group
 * ("the al-Qaida-linked group al-Shabab"), which is the actor. ("-backed" stays: the events
 * stage reads the backer as an associated actor.)
 */
const AFFILIATION_AFTER = /^[-\u2010](?:linked|affiliated|allied|aligned|inspired|loyal|leaning|style)\b/;

export interface PositionContext {
  text: FoldedText;
  /** The sentence is mostly capitals (a shouted headline): acronyms cannot be trusted. Asked lazily. */
  capsSentence: SentenceCaps;
  /** The previous token, lower-cased, when in the same sentence. */
  previous: string | null;
  /** The previous token starts with a capital and is not the sentence's first word. */
  previousCapitalised: boolean;
}

function roleOf(candidate: Candidate): string | null {
  return candidate.target.type === 'role' ? candidate.target.role : null;
}

function rejectsAcronym(candidate: Candidate, ctx: PositionContext): boolean {
  if (!candidate.caseSensitive) return false;
  if (ctx.capsSentence.get()) return true;
  return candidate.kind === 'entry' && DOCUMENT_NOUNS.test(ctx.text.lower.slice(candidate.end, candidate.end + 12));
}

function rejectsRole(candidate: Candidate, ctx: PositionContext): boolean {
  const role = roleOf(candidate);
  if (role === null) return false;
  const { raw, lower } = ctx.text;
  const armed = STATE_OR_ARMED.has(role);
  // "regime-held", "government-controlled": a compound adjective, not the actor.
  if (raw[candidate.end] === '-' || raw[candidate.end] === '\u2010') return true;
  if (armed && OF_PHRASE.test(lower.slice(candidate.end, candidate.end + 4))) return true;
  if (candidate.kind !== 'role') return false;
  // "pro-government forces" seen from inside the word.
  if (raw[candidate.start - 1] === '-') return true;
  if (!armed || ctx.previous === null) return false;
  if (BLOCKING_PREVIOUS.has(ctx.previous)) return true;
  return ctx.previousCapitalised && !HARMLESS_CAPITALISED.has(ctx.previous);
}

/**
 * "rebel-held Douma", "IS-controlled territory", "Houthi-run ministry": the name describes a
 * place or an institution, it does not act in the sentence. (Roles' "regime-held" is caught by
 * the compound rule above; this one covers named and context-limited entries.)
 */
const HOLDING_AFTER = /^[-\u2010](?:held|controlled|occupied|dominated|run|ruled|administered|besieged)\b/;

function rejectsAffiliation(candidate: Candidate, ctx: PositionContext): boolean {
  if (candidate.kind !== 'entry') return false;
  const after = ctx.text.raw.slice(candidate.end, candidate.end + 14);
  return AFFILIATION_AFTER.test(after) || HOLDING_AFTER.test(after);
}

/** True when the reading must be dropped. */
export function rejectCandidate(candidate: Candidate, ctx: PositionContext): boolean {
  return rejectsAcronym(candidate, ctx) || rejectsRole(candidate, ctx) || rejectsAffiliation(candidate, ctx);
}

/** `isMostlyCaps` of one sentence, read on first use (a class, not a closure per sentence). */
export class SentenceCaps {
  private known: boolean | null = null;
  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get(): boolean {
    return (this.known ??= isMostlyCaps(this.text, this.start, this.end));
  }
}

/** True when most ASCII letters of text[start, end) are capitals (at least 8 letters). */
export function isMostlyCaps(text: string, start: number, end: number): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      letters++;
      upper++;
    } else if (code >= 97 && code <= 122) letters++;
  }
  return letters >= 8 && upper / letters > 0.6;
}

/**
 * What each of wink's lexemes gives a token: its written form, norm and lemma, worked out once
 * per lexeme instead of once per token. wink numbers every lexeme it has seen (`its.uniqueId`)
 * and its value is a pure function of that number; the lemma of a token that is not part of a
 * contraction is a pure function of the lexeme and its POS tag (a lexicon look-up or rule-based
 * lemmatisation of the form). Reading value and lemma through wink for every token was most of
 * the segment stage's own cost; contraction parts ("ca" + "n't") carry their lemma per
 * expansion and are always read from wink.
 */

export interface Lexeme {
  value: string;
  /**
   * `value.length` and `value.charCodeAt(0)`, read once: wink's strings come in many
   * representations, too many for V8 to keep those reads direct at every token.
   */
  size: number;
  firstCode: number;
  /** False for whitespace and invisible format characters, which are not tokens. */
  visible: boolean;
  norm: string;
  /** The POS tag `lemma` was read under, and the lemma under other tags. */
  pos: string | null;
  lemma: string;
  otherLemmas: Map<string, string> | null;
}

/**
 * Lexemes by wink id, shared by every document one segment stage reads. An array indexed by id
 * (ids are dense: the model's lexicon, then each new word as wink first sees it), since a hash
 * look-up per token cost as much as asking wink.
 */
export interface LexemeCache {
  slots: Array<Lexeme | undefined>;
}

/** Ids past this are not cached (wink's own lexicon would then hold millions of words). */
const MAX_CACHED_ID = 4_000_000;
const INITIAL_SLOTS = 1 << 17;

/** Whitespace or invisible format characters: wink emits these as tokens; we do not. */
const INVISIBLE = /^[\s\u00ad\u200b-\u200f\u2060\ufeff]+$/;
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

export function normalise(value: string): string {
  return value.toLowerCase().replace(APOSTROPHES, "'");
}

export function createLexemeCache(): LexemeCache {
  return { slots: new Array<Lexeme | undefined>(INITIAL_SLOTS) };
}

/** Room for `id`, doubling the slots (kept dense, so they stay a fast array). */
function grow(cache: LexemeCache, id: number): void {
  let size = cache.slots.length;
  while (size <= id) size *= 2;
  const slots = new Array<Lexeme | undefined>(size);
  for (let i = 0; i < cache.slots.length; i++) slots[i] = cache.slots[i];
  cache.slots = slots;
}

function freshLexeme(value: string): Lexeme {
  return { value, size: value.length, firstCode: value.charCodeAt(0), visible: !INVISIBLE.test(value), norm: normalise(value), pos: null, lemma: '', otherLemmas: null };
}

/** The lexeme `id`; `valueOf` reads its value from wink when it is not cached yet. */
export function lexemeOf(cache: LexemeCache, id: number, valueOf: (index: number) => string, index: number): Lexeme {
  const cached = cache.slots[id];
  if (cached !== undefined) return cached;
  const lexeme = freshLexeme(valueOf(index));
  if (id < MAX_CACHED_ID) {
    if (id >= cache.slots.length) grow(cache, id);
    cache.slots[id] = lexeme;
  }
  return lexeme;
}

/**
 * wink's lemma as sitrep stores it: normalised, or the norm when wink has none. A lemma equal
 * to the norm is the norm's own string, so that later stages compare the two by reference.
 */
export function lemmaForm(lexeme: Lexeme, lemma: string | undefined): string {
  if (!lemma) return lexeme.norm;
  const form = normalise(lemma);
  return form === lexeme.norm ? lexeme.norm : form;
}

/** The lemma already read for `lexeme` under `pos`, if any. */
export function cachedLemma(lexeme: Lexeme, pos: string): string | undefined {
  return lexeme.pos === pos ? lexeme.lemma : lexeme.otherLemmas?.get(pos);
}

/** The lemma of a (non-contraction) token of `lexeme` tagged `pos`; `readLemma` asks wink once per tag. */
export function lemmaOf(lexeme: Lexeme, pos: string, readLemma: (index: number) => string | undefined, index: number): string {
  const cached = cachedLemma(lexeme, pos);
  if (cached !== undefined) return cached;
  const lemma = lemmaForm(lexeme, readLemma(index));
  if (lexeme.pos === null) {
    lexeme.pos = pos;
    lexeme.lemma = lemma;
  } else (lexeme.otherLemmas ??= new Map()).set(pos, lemma);
  return lemma;
}

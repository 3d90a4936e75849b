/**
 * The pattern language of sitrep's lexicons (documented in `data/lexicons/README.md`), compiled
 * once into plain token tests. A pattern is a sequence of space-separated positions:
 *
 *   word        the token's written form, lower-cased (`Token.norm`), exactly
 *   {word}      any inflection: the token's lemma is `word`, or its form is a regular
 *               inflection of it (`{kidnap}` also takes "kidnapped", "kidnapping", "kidnaps",
 *               which covers the tokenizer's lemma slips such as "raped" → "rap")
 *   #num #year #propn #verb   token classes: a number, a year 1900–2099, a proper noun, a verb
 *   a|{b}|#num  alternatives at one position
 *   x?          the position may be absent
 *   *  *N       a gap of 0–3 (or 0–N, N ≤ 9) arbitrary tokens
 *
 * A word written with a hyphen ("car-bomb") matches the joined token or its parts in sequence,
 * because tokenizers differ on hyphens; the matcher passes over "-" tokens for the same reason.
 */

export interface PositionStep {
  kind: 'position';
  /** Written forms accepted (exact forms and generated inflections). */
  norms: ReadonlySet<string>;
  /** Lemmas accepted. */
  lemmas: ReadonlySet<string>;
  classes: ReadonlySet<TokenClass>;
  optional: boolean;
  /**
   * `formBit` of every form and lemma accepted: a token whose form's and lemma's bits miss it is
   * surely not taken by a form or lemma, and the two sets (cold in a long pipeline) are not read.
   */
  forms: number;
  /** True when "-" is among the forms (the matcher otherwise passes over hyphen tokens). */
  takesHyphen: boolean;
}

/** One of 32 bits, from a word's first and last letters and its length. */
export function formBit(form: string): number {
  return 1 << ((form.charCodeAt(0) + 3 * form.charCodeAt(form.length - 1) + 7 * form.length) & 31);
}

export interface GapStep {
  kind: 'gap';
  max: number;
}

export type Step = PositionStep | GapStep;
export type TokenClass = 'num' | 'year' | 'propn' | 'verb';

const TOKEN_CLASSES: ReadonlySet<string> = new Set<TokenClass>(['num', 'year', 'propn', 'verb']);
const DEFAULT_GAP = 3;

/**
 * What one lexicon's patterns share while compiling: the same position ("{protester}|{marcher}|…")
 * recurs in many patterns, and the same lemma in many positions. Compiled steps are read-only,
 * so patterns may share them.
 */
export interface CompileCache {
  steps: Map<string, Step>;
  inflections: Map<string, readonly string[]>;
  hyphenVariants: Map<string, readonly string[][]>;
}

export function createCompileCache(): CompileCache {
  return { steps: new Map(), inflections: new Map(), hyphenVariants: new Map() };
}

/** Compiles one pattern into one or more step sequences (hyphenated words add variants). */
export function compilePattern(source: string, cache: CompileCache = createCompileCache()): Step[][] {
  const parts = source.trim().split(/\s+/);
  if (parts.length === 0 || parts[0] === '') throw new Error(`empty pattern`);
  let variants: string[][] = [[]];
  for (const part of parts) {
    let alts = cache.hyphenVariants.get(part);
    if (!alts) cache.hyphenVariants.set(part, (alts = hyphenVariants(part)));
    const partAlts = alts;
    variants = variants.flatMap((prefix) => partAlts.map((alt) => [...prefix, ...alt]));
  }
  return variants.map((words) => {
    const steps = words.map((word) => cachedStep(word, cache));
    checkShape(source, steps);
    return steps;
  });
}

/**
 * "car-bomb" → [["car-bomb"], ["car", "bomb"]] and "{car-bomb}" → [["{car-bomb}"], ["car", "{bomb}"]]
 * (the last piece keeps the inflections). In a position with alternatives, each hyphenated
 * alternative adds one split variant; a split variant is never optional.
 */
const HYPHENATED_RE = /^[a-z0-9.]+(-[a-z0-9.]+)+$/;
const GAP_RE = /^\*([1-9])?$/;
const MALFORMED_RE = /[{}*#?]/;

function hyphenVariants(part: string): string[][] {
  const optional = part.endsWith('?') && part.length > 1;
  const body = optional ? part.slice(0, -1) : part;
  const variants: string[][] = [[part]];
  if (optional) return variants;
  for (const alt of body.split('|')) {
    const braced = alt.startsWith('{') && alt.endsWith('}');
    const word = braced ? alt.slice(1, -1) : alt;
    if (!word.includes('-') || !HYPHENATED_RE.test(word)) continue;
    const pieces = word.split('-');
    if (braced) pieces[pieces.length - 1] = `{${pieces[pieces.length - 1]}}`;
    variants.push(pieces);
  }
  return variants;
}

function cachedStep(word: string, cache: CompileCache): Step {
  let step = cache.steps.get(word);
  if (!step) {
    step = compileStep(word, cache);
    cache.steps.set(word, step);
  }
  return step;
}

function compileStep(word: string, cache: CompileCache): Step {
  const gap = word.startsWith('*') ? GAP_RE.exec(word) : null;
  if (gap) return { kind: 'gap', max: gap[1] ? Number(gap[1]) : DEFAULT_GAP };
  const optional = word.endsWith('?') && word.length > 1;
  const body = optional ? word.slice(0, -1) : word;
  const norms = new Set<string>();
  const lemmas = new Set<string>();
  const classes = new Set<TokenClass>();
  for (const alt of body.split('|')) {
    if (alt === '') throw new Error(`empty alternative in "${word}"`);
    if (alt.startsWith('#')) {
      const name = alt.slice(1);
      if (!TOKEN_CLASSES.has(name)) throw new Error(`unknown token class "${alt}"`);
      classes.add(name as TokenClass);
    } else if (alt.startsWith('{') && alt.endsWith('}')) {
      const lemma = alt.slice(1, -1);
      // The lemma is always one of its own forms: the matcher relies on it (see findMatches).
      lemmas.add(lemma);
      let forms = cache.inflections.get(lemma);
      if (!forms) cache.inflections.set(lemma, (forms = inflections(lemma)));
      for (const form of forms) norms.add(form);
    } else if (MALFORMED_RE.test(alt)) {
      throw new Error(`malformed alternative "${alt}" in "${word}"`);
    } else {
      norms.add(alt);
    }
  }
  if (body !== body.toLowerCase()) throw new Error(`patterns are lower-case: "${word}"`);
  let forms = 0;
  for (const form of norms) forms |= formBit(form);
  for (const lemma of lemmas) forms |= formBit(lemma);
  return { kind: 'position', norms, lemmas, classes, optional, forms, takesHyphen: norms.has('-') };
}

/** Patterns must begin and end with a required position, so the index and spans are sound. */
function checkShape(source: string, steps: Step[]): void {
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (!first || first.kind !== 'position' || first.optional) {
    throw new Error(`pattern "${source}" must start with a required word`);
  }
  if (!last || last.kind !== 'position') throw new Error(`pattern "${source}" must not end with a gap`);
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]?.kind === 'gap' && steps[i - 1]?.kind === 'gap') throw new Error(`pattern "${source}" has two gaps in a row`);
  }
}

const VOWEL = /[aeiou]/;

/**
 * Regular English inflections of a lemma: plural/3rd person, past, gerund. Over-generation is
 * harmless (a form that never occurs matches nothing); irregular forms are written out in the
 * lexicon and usually also reach us as wink lemmas.
 */
export function inflections(lemma: string): string[] {
  const forms = new Set<string>([lemma]);
  const words = lemma.split(' ');
  if (words.length > 1) return [lemma];
  const last = lemma.slice(-1);
  const beforeLast = lemma.slice(-2, -1);
  if (/(s|x|z|ch|sh)$/.test(lemma)) forms.add(lemma + 'es');
  else if (last === 'y' && !VOWEL.test(beforeLast)) forms.add(lemma.slice(0, -1) + 'ies');
  else forms.add(lemma + 's');
  if (last === 'e') {
    forms.add(lemma + 'd');
    forms.add(lemma.endsWith('ie') ? lemma.slice(0, -2) + 'ying' : lemma.endsWith('ee') ? lemma + 'ing' : lemma.slice(0, -1) + 'ing');
  } else if (last === 'y' && !VOWEL.test(beforeLast)) {
    forms.add(lemma.slice(0, -1) + 'ied');
    forms.add(lemma + 'ing');
  } else {
    forms.add(lemma + 'ed');
    forms.add(lemma + 'ing');
    // kidnap → kidnapped: double a final consonant after a single vowel (both spellings kept).
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(lemma)) {
      forms.add(lemma + last + 'ed');
      forms.add(lemma + last + 'ing');
    }
  }
  return [...forms];
}

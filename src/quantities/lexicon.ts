/**
 * The count finder's word lists (`data/quantities/*.json`) and the matcher compiled from them
 * once: every regex and set the finder needs, so `findCounts` does no building per sentence.
 */
import { readDataJson } from '../data.js';
import { COUNT_KINDS, type CountKind } from '../types.js';

export interface NumbersData {
  units: Record<string, number>;
  tens: Record<string, number>;
  scales: Record<string, number>;
  article: Record<string, number>;
  vague: Record<string, number>;
  bounds: {
    lower: string[];
    approximate: string[];
    upper: string[];
    lowerSuffix: string[];
    approximateSuffix: string[];
  };
}

export interface CuesData {
  /** Words that tell what happened to people ("killed", "fled"), by kind. */
  event: Record<CountKind, string[]>;
  /** Nouns naming people by what happened to them ("hostages", "bodies"): a fallback type. */
  people: Record<CountKind, string[]>;
  /** Cues that take an object after them: "killed 12" types the 12, not the subject. */
  transitive: string[];
  /** What "no ..." denies, by kind: "no casualties" → 0 killed. */
  zero: Partial<Record<CountKind, string[]>>;
}

export interface PeopleData {
  plural: string[];
  singular: string[];
  modifiers: string[];
  rejectBefore: string[];
  /** Units after a figure that make it a time, distance, sum or share ("3 a.m.", "10 km"). */
  rejectAfter: string[];
  /** Titles before a name that make it one person ("President", "Gen."). */
  titles: string[];
  /** Function words that never stand between an article and its head noun ("a day after the soldier"). */
  notModifiers: string[];
  /** Nouns a figure may count that are never people ("killed 30 cattle", "two vehicles were seized"). */
  notPeople: string[];
}

export interface CountLexicon {
  numbers: NumbersData;
  cues: CuesData;
  people: PeopleData;
  /** Plural demonyms ("Syrians", "Afghans"), which head a count of people too. */
  demonyms: string[];
  /** Singular demonyms ("Ugandan"): one person after "one" or an article, else a modifier. */
  singularDemonyms: string[];
}

interface CountryRow {
  demonyms: string[];
}

export function loadCountLexicon(): CountLexicon {
  const countries = readDataJson<CountryRow[]>('countries.json');
  const demonyms = countries.flatMap((c) => c.demonyms).filter((d) => /s$/.test(d));
  const singularDemonyms = countries.flatMap((c) => c.demonyms).filter((d) => !/s$/.test(d));
  return {
    numbers: readDataJson<NumbersData>('quantities', 'numbers.json'),
    cues: readDataJson<CuesData>('quantities', 'cues.json'),
    people: readDataJson<PeopleData>('quantities', 'people.json'),
    demonyms,
    singularDemonyms,
  };
}

export type BoundKind = 'lower' | 'approximate' | 'upper';

export interface CueInfo {
  kind: CountKind;
  /** 'event' cues type any near count; 'people' nouns only when no event cue is near. */
  role: 'event' | 'people';
  transitive: boolean;
  /** Also a noun for people ("the dead", "the wounded"): after a determiner it is one. */
  namesPeople: boolean;
}

/** Everything compiled from the lexicon; immutable and shared by every document. */
export interface CountMatcher {
  /** Number phrases: groups `phrase` (vague/article), `words`, `digits` (+ `scale`). */
  quantity: RegExp;
  /** The same, sticky, for the second half of a range ("20 to 30"). */
  quantityAt: RegExp;
  wordValues: ReadonlyMap<string, number>;
  phraseValues: ReadonlyMap<string, { value: number; vague: boolean }>;
  /** Bound words just before a number, anchored at the end of the preceding text. */
  boundBefore: RegExp;
  boundKinds: ReadonlyMap<string, BoundKind>;
  lowerSuffix: RegExp;
  approximateSuffix: RegExp;
  cue: RegExp;
  cues: ReadonlyMap<string, CueInfo>;
  zero: RegExp;
  /** Quick test for any word of killing or wounding: only then can a pronoun or an unknown noun count. */
  hurtHint: RegExp;
  /** Quick test for the start of any cue word: a sentence without one types no single person. */
  cueHint: RegExp;
  /**
   * Where one person may be named: an article or possessive before a noun ("a man", "the
   * commander", "his brother"; group `det`), a title before a name ("President X"; group `title`)
   * or a pronoun ("he was killed", "killing him"; group `pronoun`).
   */
  single: RegExp;
  zeroKinds: ReadonlyMap<string, CountKind>;
  pluralHeads: ReadonlySet<string>;
  singularHeads: ReadonlySet<string>;
  singularDemonyms: ReadonlySet<string>;
  modifiers: ReadonlySet<string>;
  notModifiers: ReadonlySet<string>;
  notPeople: ReadonlySet<string>;
  rejectBefore: ReadonlySet<string>;
  rejectAfter: ReadonlySet<string>;
}

/**
 * Letter classes without the `u` flag: V8 runs these large alternations several times faster
 * without it, and Latin letters (with accents) are all that can touch an English number or cue.
 */
const LETTER = 'A-Za-z\\u00C0-\\u024F';
const ALNUM = `${LETTER}0-9`;

/** Escapes a phrase for a regex, letting any run of spaces match. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

/** One alternation, longest phrase first so "tens of thousands" wins over "tens". */
export function alternation(phrases: Iterable<string>): string {
  const unique = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return unique.map(phrasePattern).join('|');
}

function quantitySource(n: NumbersData): string {
  const unit = alternation(Object.keys(n.units));
  const ten = alternation(Object.keys(n.tens));
  const scale = alternation(Object.keys(n.scales));
  const small = `(?:(?:${ten})(?:[-\\s](?:${unit}))?|${unit})`;
  const words = `${small}(?:\\s+(?:${scale})(?:\\s+(?:and\\s+)?${small})?)*`;
  const phrases = alternation([...Object.keys(n.vague), ...Object.keys(n.article)]);
  // A digit run not glued to letters, digits or a code ("Su-25", "10:30", "$5", "3rd").
  const digits = `(?<![${ALNUM}.,:/$€£#])(?<![${LETTER}]-)(?<digits>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?![${ALNUM}]|[.,:]\\d)(?:\\s+(?<scale>million|thousand|hundred))?`;
  return `(?<![${ALNUM}])(?:(?<phrase>${phrases})|(?<words>${words}))(?![${ALNUM}])|${digits}`;
}

function cueTable(c: CuesData): Map<string, CueInfo> {
  const transitive = new Set(c.transitive.map((w) => w.toLowerCase()));
  const table = new Map<string, CueInfo>();
  const nouns = new Set(COUNT_KINDS.flatMap((kind) => (c.people[kind] ?? []).map((w) => w.toLowerCase())));
  for (const kind of COUNT_KINDS) {
    for (const word of c.people[kind] ?? []) {
      table.set(word.toLowerCase(), { kind, role: 'people', transitive: false, namesPeople: true });
    }
    // Event cues overwrite people nouns of the same spelling ("dead", "wounded").
    for (const word of c.event[kind] ?? []) {
      const w = word.toLowerCase();
      table.set(w, { kind, role: 'event', transitive: transitive.has(w), namesPeople: nouns.has(w) });
    }
  }
  return table;
}

function zeroTable(c: CuesData): Map<string, CountKind> {
  const table = new Map<string, CountKind>();
  for (const kind of COUNT_KINDS) for (const word of c.zero[kind] ?? []) table.set(word.toLowerCase(), kind);
  return table;
}

function boundTable(b: NumbersData['bounds']): Map<string, BoundKind> {
  const table = new Map<string, BoundKind>();
  for (const w of b.lower) table.set(w, 'lower');
  for (const w of b.approximate) table.set(w, 'approximate');
  for (const w of b.upper) table.set(w, 'upper');
  return table;
}

function lastWord(phrase: string): string {
  return phrase.trim().split(/\s+/).pop() ?? phrase;
}

function leadingWords(phrase: string): string[] {
  return phrase.trim().split(/\s+/).slice(0, -1);
}

export function compileCountMatcher(lexicon: CountLexicon): CountMatcher {
  const { numbers, cues, people } = lexicon;
  const source = quantitySource(numbers);
  const wordValues = new Map<string, number>([
    ...Object.entries(numbers.units),
    ...Object.entries(numbers.tens),
    ...Object.entries(numbers.scales),
  ]);
  const phraseValues = new Map<string, { value: number; vague: boolean }>([
    ...Object.entries(numbers.article).map(([k, v]) => [k, { value: v, vague: false }] as const),
    ...Object.entries(numbers.vague).map(([k, v]) => [k, { value: v, vague: true }] as const),
  ]);
  const cueWords = cueTable(cues);
  const zeroKinds = zeroTable(cues);
  const boundKinds = boundTable(numbers.bounds);
  const lowerCase = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  const zeroWords = alternation(zeroKinds.keys());
  return {
    quantity: new RegExp(source, 'gi'),
    quantityAt: new RegExp(source, 'yi'),
    wordValues,
    phraseValues,
    boundBefore: new RegExp(`(?<![${ALNUM}])(?<bound>${alternation(boundKinds.keys())})\\s+$`, 'i'),
    boundKinds,
    lowerSuffix: new RegExp(`^(?:\\s+or\\s+more\\b|-?\\s*plus\\b|\\+)`, 'i'),
    approximateSuffix: new RegExp(`^\\s+(?:${alternation(numbers.bounds.approximateSuffix)})\\b`, 'i'),
    cue: new RegExp(`(?<![${ALNUM}-])(?:${alternation(cueWords.keys())})(?![${ALNUM}]|-[${LETTER}])`, 'gi'),
    cues: cueWords,
    zero: new RegExp(
      `(?<![${LETTER}])(?<neg>no(?:\\s+one|body)?|none|without)` +
        `(?:\\s+(?:immediate|reported|known|other|further|more|serious))*` +
        `(?:\\s+(?:reports?|word|sign|news)\\s+of)?` +
        `(?:\\s+(?:was|were|has\\s+been|have\\s+been|had\\s+been|is|are|being))?` +
        `(?:\\s+(?:reported|reportedly|seriously|immediately))?` +
        `\\s+(?<first>${zeroWords})(?:\\s+(?:or|and|nor)\\s+(?<second>${zeroWords}))?(?![${LETTER}])`,
      'gi',
    ),
    zeroKinds,
    hurtHint: new RegExp(
      `(?:${alternation(new Set([...cueWords].filter(([, info]) => info.kind === 'killed' || info.kind === 'injured').map(([w]) => w.split(/\s+/)[0]!.slice(0, 5))))})`,
      'i',
    ),
    cueHint: new RegExp(`(?:${alternation(new Set([...cueWords].filter(([, info]) => info.role === 'event').map(([w]) => w.split(/\s+/)[0]!.slice(0, 5))))})`, 'i'),
    single: new RegExp(
      `(?<![${ALNUM}])(?:(?<det>[Aa]n?|[Aa]nother|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\\s+|(?<title>${alternation(people.titles)})\\s+(?=[A-Z\\u00C0-\\u00DE])|(?<pronoun>[Hh]e|[Ss]he|him)(?![${ALNUM}'’-]))`,
      'g',
    ),
    pluralHeads: lowerCase([...people.plural.map(lastWord), ...lexicon.demonyms]),
    singularHeads: lowerCase(people.singular.map(lastWord)),
    singularDemonyms: lowerCase(lexicon.singularDemonyms),
    // "asylum seekers": the head is the last word; the words before it may modify it.
    modifiers: lowerCase([...people.modifiers, ...[...people.plural, ...people.singular].flatMap(leadingWords)]),
    notModifiers: lowerCase(people.notModifiers),
    notPeople: lowerCase(people.notPeople),
    rejectBefore: lowerCase(people.rejectBefore),
    rejectAfter: lowerCase(people.rejectAfter),
  };
}

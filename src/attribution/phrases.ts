/**
 * Finds the phrases a sentence cites: "X said", "said X", "according to X", "X, a spokesman for
 * Y, said", "he added". Quoted words never count: in “They said we had to leave,” he said, only
 * "he" is cited. Returns token ranges; `resolve.ts` turns them into source names.
 */
import type { SourceTables } from './dictionary.js';
import { isCapitalised, isWord, type Tok } from './tokens.js';

export type CitedRule = 'according-to' | 'said-x' | 'x-said' | 'appositive' | 'pronoun';

export interface Cited {
  /** Token range [from, to) of the cited words. */
  from: number;
  to: number;
  /** Token range of an appositive role ("governor of the Donetsk region"), when there is one. */
  role: [number, number] | null;
  /** Index of the reporting verb (or of "according"). */
  verb: number;
  rule: CitedRule;
}

export interface Window {
  toks: readonly Tok[];
  /** Sentence token range [from, to). */
  from: number;
  to: number;
  /** True for tokens inside a quotation (its marks excluded). */
  quoted: readonly boolean[];
  tables: SourceTables;
  /** Dictionary names as token ranges, keyed both ways, so a cited phrase takes a name whole. */
  nameStartByEnd: ReadonlyMap<number, number>;
  nameEndByStart: ReadonlyMap<number, number>;
}

const CONNECTORS = new Set(['of', 'for', 'in', 'at', 'from', 'the', 'a', 'an', 'and', "'s", '’s', 'on', 'with']);
const DETERMINERS = new Set(['the', 'a', 'an', 'another', 'one']);
/** A phrase opened by these cites nobody: "No group has claimed responsibility". */
const NEGATIONS = new Set(['no', 'none', 'nobody', 'neither']);
const AUX = new Set(['has', 'have', 'had', 'also', 'later', 'earlier', 'previously', 'would', 'will', 'did', 'does', 'again', 'further', 'separately', 'then', 'reportedly', 'had', 'just', 'initially', 'first']);
const PASSIVE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'to', 'so', 'not', 'never']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
/** Capitalised words that open a sentence without naming anyone. */
const OPENERS = new Set([
  'in', 'on', 'at', 'but', 'and', 'however', 'after', 'before', 'when', 'while', 'meanwhile', 'also',
  'this', 'that', 'it', 'as', 'since', 'yet', 'still', 'both', 'with', 'by', 'for', 'of', 'to', 'from',
  'despite', 'although', 'though', 'because', 'if', 'unless', 'until', 'whereas', 'so', 'thus',
  'therefore', 'instead', 'now', 'then', 'only', 'even', 'just', 'already', 'indeed', 'here', 'there',
]);
const ACCORDING_PREFIX = new Set(['statement', 'statements', 'report', 'reports', 'tally', 'count', 'figures', 'data', 'estimate', 'estimates', 'toll', 'list', 'document', 'post', 'video', 'footage', 'preliminary', 'initial', 'latest', 'new', 'official', 'an', 'a', 'the', 'released', 'compiled', 'published', 'issued', 'posted', 'seen', 'obtained']);
const LINKS = new Set(['from', 'by', 'of', 'on']);
const MAX_PHRASE = 12;

function allowed(tok: Tok, t: SourceTables): boolean {
  if (!isWord(tok)) return tok.lower === "'s" || tok.lower === '’s';
  return isCapitalised(tok) || t.sourceNouns.has(tok.lower) || t.modifiers.has(tok.lower) || t.titles.has(tok.lower) || CONNECTORS.has(tok.lower);
}

/** A head word may end a cited phrase: a name or a noun such as "officials". */
function isHead(tok: Tok, t: SourceTables): boolean {
  return isWord(tok) && !CONNECTORS.has(tok.lower) && (isCapitalised(tok) || t.sourceNouns.has(tok.lower) || t.titles.has(tok.lower));
}

/** Drops connectors from the edges (a determiner may open a phrase) and sentence openers. */
function trim(w: Window, from: number, to: number): [number, number] {
  const { toks } = w;
  while (from < to && (OPENERS.has(toks[from]!.lower) || w.tables.temporal.has(toks[from]!.lower) || (CONNECTORS.has(toks[from]!.lower) && !DETERMINERS.has(toks[from]!.lower)))) from++;
  while (to > from && !isHead(toks[to - 1]!, w.tables)) to--;
  return [from, to];
}

/** The cited words ending at token `last` (inclusive), read leftwards. */
export function phraseBefore(w: Window, last: number): [number, number] | null {
  if (last < w.from || w.quoted[last] || !isHead(w.toks[last]!, w.tables)) return null;
  let first = w.nameStartByEnd.get(last + 1) ?? last;
  while (first - 1 >= w.from && last - first < MAX_PHRASE && !w.quoted[first - 1]) {
    const nameStart = w.nameStartByEnd.get(first);
    if (nameStart !== undefined && nameStart >= w.from) first = nameStart;
    else if (allowed(w.toks[first - 1]!, w.tables)) first--;
    else break;
  }
  const [from, to] = trim(w, first, last + 1);
  if (to <= from || NEGATIONS.has(w.toks[from]!.lower)) return null;
  return [from, to];
}

/** The cited words starting at token `first`, read rightwards ("said the Syrian Observatory..."). */
export function phraseAfter(w: Window, first: number): [number, number] | null {
  const { toks, tables } = w;
  let end = first;
  while (end < w.to && end - first < MAX_PHRASE && !w.quoted[end]) {
    const nameEnd = w.nameEndByStart.get(end);
    if (nameEnd !== undefined && nameEnd <= w.to) {
      end = nameEnd;
      continue;
    }
    const tok = toks[end]!;
    if (!allowed(tok, tables)) break;
    if (tables.temporal.has(tok.lower) && !(tok.lower === 'in' && toks[end + 1] && isCapitalised(toks[end + 1]!))) break;
    end++;
  }
  const [from, to] = trim(w, first, end);
  if (to <= from || from !== first) return null;
  return [from, to];
}

function accordingTo(w: Window, i: number): Cited | null {
  let j = i + 2;
  // "according to a statement from the ministry": skip to the body that issued it.
  let k = j;
  while (k < w.to && ACCORDING_PREFIX.has(w.toks[k]!.lower)) k++;
  if (k > j && k < w.to && LINKS.has(w.toks[k]!.lower)) j = k + 1;
  const phrase = phraseAfter(w, j);
  return phrase ? { from: phrase[0], to: phrase[1], role: null, verb: i, rule: 'according-to' } : null;
}

/** "Pavlo Kyrylenko, governor of the Donetsk region, said": the name before the aside. */
function appositive(w: Window, comma: number, verb: number): Cited | null {
  for (let k = comma - 1; k > w.from && comma - k < 14; k--) {
    const tok = w.toks[k]!;
    if (w.quoted[k]) return null;
    if (tok.text !== ',') continue;
    const role: [number, number] = [k + 1, comma];
    const opener = w.toks[k + 1]!;
    const looksLikeRole = DETERMINERS.has(opener.lower) || w.tables.titles.has(opener.lower) || isCapitalised(opener);
    const name = phraseBefore(w, k - 1);
    if (!looksLikeRole || !name || !isCapitalised(w.toks[name[1] - 1]!)) return null;
    return { from: name[0], to: name[1], role, verb, rule: 'appositive' };
  }
  return null;
}

function skipBack(w: Window, j: number): number {
  let k = j;
  while (k >= w.from && (AUX.has(w.toks[k]!.lower) || w.tables.temporal.has(w.toks[k]!.lower)) && j - k < 4) k--;
  return k;
}

/** The cited phrase of one reporting verb at token `i`, if it has one. */
function citedByVerb(w: Window, i: number): Cited | null {
  const { toks } = w;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  // "is said to", "was reported", "reports said" (the first is a noun): no citation here.
  if (next?.lower === 'to' || (prev && PASSIVE.has(prev.lower)) || (next && w.tables.verbs.has(next.text))) return null;
  // "the claims of", "denies," after a noun: a plural noun, not a verb.
  if (toks[i]!.text.endsWith('s') && (next?.lower === 'of' || next?.text === ',')) return null;
  const j = skipBack(w, i - 1);
  const before = j >= w.from ? toks[j]! : null;
  if (before && PRONOUNS.has(before.lower) && !w.quoted[j]) return { from: j, to: j + 1, role: null, verb: i, rule: 'pronoun' };
  const opensClause = !before || before.text === ',' || /^[”"»—–]$/.test(before.text);
  if (before?.text === ',') {
    const aside = appositive(w, j, i);
    if (aside) return aside;
  }
  if (opensClause) {
    if (!w.tables.invertibleVerbs.has(toks[i]!.text)) return null;
    const after = phraseAfter(w, i + 1);
    if (after) return { from: after[0], to: after[1], role: null, verb: i, rule: 'said-x' };
    return null;
  }
  const phrase = phraseBefore(w, j);
  return phrase ? { from: phrase[0], to: phrase[1], role: null, verb: i, rule: 'x-said' } : null;
}

/** "the Britain-based Observatory and Syrian state media say": one citation per body. */
function splitOnAnd(w: Window, c: Cited): Cited[] {
  for (let k = c.from + 1; k < c.to - 1; k++) {
    if (w.toks[k]!.lower !== 'and') continue;
    // "Rescue workers and medics", "the Observatory and state media" are two; "the Union of
    // Medical Care and Relief Organizations" is one name.
    const left = w.toks[k - 1]!;
    const separate = w.nameStartByEnd.has(k) || (isWord(left) && w.tables.sourceNouns.has(left.lower));
    if (separate && isHead(w.toks[c.to - 1]!, w.tables)) {
      return [{ ...c, to: k }, ...splitOnAnd(w, { ...c, from: k + 1 })];
    }
  }
  return [c];
}

/** Every citation in one sentence, left to right. */
export function findCited(w: Window): Cited[] {
  const found: Cited[] = [];
  for (let i = w.from; i < w.to; i++) {
    if (w.quoted[i]) continue;
    const tok = w.toks[i]!;
    let cited: Cited | null = null;
    if (tok.lower === 'according' && w.toks[i + 1]?.lower === 'to') cited = accordingTo(w, i);
    else if (w.tables.verbs.has(tok.text)) cited = citedByVerb(w, i);
    if (cited) found.push(...splitOnAnd(w, cited));
  }
  return found;
}

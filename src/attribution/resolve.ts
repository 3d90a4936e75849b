/**
 * Turns a cited phrase into a source name: a dictionary body named in it ("state news agency
 * SANA" → SANA), a person's organisation ("Observatory chief Rami Abdel Rahman", later "Abdel
 * Rahman"), the last body of the right kind for a generic phrase ("the monitor"), the last
 * source for a pronoun ("he added"), or else a tidy form of the phrase ("Ukrainian officials").
 */
import type { Span } from '../types.js';
import type { SourceTables } from './dictionary.js';
import { mentionName, type Mention } from './mentions.js';
import type { Cited } from './phrases.js';
import { isCapitalised, spanOf, type Tok } from './tokens.js';

export interface Resolved {
  source: string;
  rule: string;
  /** For a pronoun: the phrase it stands for, the quote's speaker. */
  antecedent: Span | null;
}

interface Said {
  source: string;
  span: Span;
  person: boolean;
}

/** What the document has cited so far; one per document, built as the stage reads it. */
export interface ResolveContext {
  toks: readonly Tok[];
  text: string;
  mentions: readonly Mention[];
  tables: SourceTables;
  /** Person names (and their last words) → organisation. */
  persons: Map<string, string>;
  history: Said[];
}

export function createContext(text: string, toks: readonly Tok[], mentions: readonly Mention[], tables: SourceTables): ResolveContext {
  return { text, toks, mentions, tables, persons: new Map(), history: [] };
}

function inside(ctx: ResolveContext, from: number, to: number): Mention[] {
  return ctx.mentions.filter((m) => m.from >= from && m.to <= to);
}

/** Capitalised words of a range that are not titles: the person's name. */
function nameTokens(ctx: ResolveContext, from: number, to: number): Tok[] {
  return ctx.toks.slice(from, to).filter((t) => isCapitalised(t) && !ctx.tables.titles.has(t.lower));
}

/** Remembers "Rami Abdel Rahman" (and "Abdel Rahman", "Rahman") as speaking for `source`. */
function rememberPerson(ctx: ResolveContext, name: readonly Tok[], source: string): void {
  if (name.length === 0) return;
  for (let k = 0; k < name.length; k++) ctx.persons.set(name.slice(k).map((t) => t.text).join(' '), source);
}

function tidy(ctx: ResolveContext, c: Cited): string {
  const raw = ctx.text.slice(ctx.toks[c.from]!.start, ctx.toks[c.to - 1]!.end).replace(/\s+/g, ' ');
  return raw
    .replace(/^(?:a|an)\s+/i, '')
    .replace(/^The\s+/, 'the ')
    .replace(/\s+(['’]s)/g, '$1');
}

function fromDictionary(ctx: ResolveContext, c: Cited): Resolved | null {
  for (const m of inside(ctx, c.from, c.to)) {
    const name = mentionName(m);
    if (!name) continue;
    rememberPerson(ctx, nameTokens(ctx, m.to, c.to), name);
    return { source: name, rule: 'attribution/dictionary', antecedent: null };
  }
  if (!c.role) return null;
  for (const m of inside(ctx, c.role[0], c.role[1])) {
    const name = mentionName(m);
    if (!name) continue;
    rememberPerson(ctx, nameTokens(ctx, c.from, c.to), name);
    return { source: name, rule: 'attribution/role', antecedent: null };
  }
  return null;
}

function fromPerson(ctx: ResolveContext, c: Cited): Resolved | null {
  const name = nameTokens(ctx, c.from, c.to).map((t) => t.text).join(' ');
  const source = name ? ctx.persons.get(name) : undefined;
  return source ? { source, rule: 'attribution/person', antecedent: null } : null;
}

/** "the monitor", "Syrian state media", "the group": the body of that kind named nearest before. */
function fromGeneric(ctx: ResolveContext, c: Cited): Resolved | null {
  const toks = ctx.toks.slice(c.from, c.to);
  let skip = toks[0] && ['the', 'a', 'an'].includes(toks[0].lower) ? 1 : 0;
  const lead = toks[skip];
  const country = lead ? (ctx.tables.countries.get(lead.lower) ?? null) : null;
  if (country) skip += toks[skip + 1]?.lower === "'s" || toks[skip + 1]?.lower === '’s' ? 2 : 1;
  const phrase = toks.slice(skip).map((t) => t.text).join(' ').replace(/ (['’]s)/g, '$1').toLowerCase();
  const group = ctx.tables.generic.get(phrase);
  if (!group) return null;
  const at = ctx.toks[c.from]!.start;
  const fits = (m: Mention): boolean =>
    group.kinds.includes(m.entry.kind) && mentionName(m) !== null && (!country || m.entry.iso3 === country.iso3);
  const before = ctx.mentions.filter((m) => m.end <= at && fits(m) && (group.near === null || at - m.end <= group.near)).pop();
  const after = group.near === null ? ctx.mentions.find((m) => m.start >= at && fits(m)) : undefined;
  const mention = before ?? after;
  if (mention) return { source: mentionName(mention)!, rule: before ? 'attribution/generic' : 'attribution/generic-ahead', antecedent: null };
  const entry = country ? ctx.tables.entries.find((e) => group.kinds.includes(e.kind) && e.iso3 === country.iso3) : undefined;
  return entry ? { source: entry.name, rule: 'attribution/generic-country', antecedent: null } : null;
}

function fromPronoun(ctx: ResolveContext, c: Cited): Resolved | null {
  const personal = ['he', 'she'].includes(ctx.toks[c.from]!.lower);
  const said = [...ctx.history].reverse().find((s) => !personal || s.person) ?? ctx.history[ctx.history.length - 1];
  return said ? { source: said.source, rule: 'attribution/pronoun', antecedent: said.span } : null;
}

/** True when the phrase names a person ("Abdel Rahman", "Mayor Oleksandr Honcharenko"). */
function isPerson(ctx: ResolveContext, c: Cited): boolean {
  const last = c.to - 1;
  const head = ctx.toks[last]!;
  const inName = ctx.mentions.some((m) => m.from <= last && last < m.to);
  return isCapitalised(head) && !inName && !ctx.tables.sourceNouns.has(head.lower) && !ctx.tables.titles.has(head.lower);
}

/** Documents, not bodies: "a statement said" cites whoever issued it, if the phrase names them. */
const DOCUMENTS = new Set(['statement', 'statements', 'report', 'reports', 'post', 'video', 'footage', 'document', 'communique', 'tweet', 'bulletin']);
const ISSUED = new Set(['from', 'by', 'of', 'issued', 'released', 'published']);

/**
 * "a statement from the ISPR" → "the ISPR"; "the NISA statement" → "the NISA"; a bare "a
 * statement" → null (nobody is named).
 */
function withoutDocument(ctx: ResolveContext, c: Cited): Cited | null {
  const toks = ctx.toks;
  if (DOCUMENTS.has(lowerAt(toks, c.to - 1))) {
    const to = c.to - 1;
    return to > c.from && !['a', 'an', 'the'].includes(lowerAt(toks, to - 1)) ? { ...c, to } : null;
  }
  for (let k = c.from; k < c.to; k++) {
    if (!DOCUMENTS.has(lowerAt(toks, k))) continue;
    let from = k + 1;
    while (from < c.to && ISSUED.has(lowerAt(toks, from))) from++;
    return from > k + 1 && from < c.to ? { ...c, from } : c;
  }
  return c;
}

/** The lower-cased token `i`, or "" past either end. */
function lowerAt(toks: readonly Tok[], i: number): string {
  return toks[i]?.lower ?? '';
}

/** The source of one citation, or null for a pronoun with nothing before it. */
export function resolveCited(ctx: ResolveContext, cited: Cited): Resolved | null {
  const c = withoutDocument(ctx, cited);
  if (!c) return null;
  const resolved =
    c.rule === 'pronoun'
      ? fromPronoun(ctx, c)
      : (fromDictionary(ctx, c) ??
        fromPerson(ctx, c) ??
        fromGeneric(ctx, c) ?? { source: tidy(ctx, c), rule: 'attribution/phrase', antecedent: null });
  if (!resolved) return null;
  const span = resolved.antecedent ?? spanOf(ctx.toks, c.from, c.to);
  const person = c.rule === 'pronoun' ? ['he', 'she'].includes(ctx.toks[c.from]!.lower) : isPerson(ctx, c) || c.rule === 'appositive';
  // A person cited by full name stands for the same source when named again: "Liman said".
  if (person && c.rule !== 'pronoun' && resolved.rule === 'attribution/phrase') {
    const name = nameTokens(ctx, c.from, c.to);
    if (name.length > 1) rememberPerson(ctx, name, resolved.source);
  }
  ctx.history.push({ source: resolved.source, span, person });
  return resolved;
}

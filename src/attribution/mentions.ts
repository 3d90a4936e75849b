/**
 * Where the document names a body from the dictionary ("Syrian Observatory for Human Rights",
 * "SANA", "Russia's Defence Ministry"), in one pass over its tokens. Short forms ("the
 * Observatory") count only after the full name; generic bodies ("army") keep the country
 * written just before them.
 */
import type { Span } from '../types.js';
import type { Alias, Country, SourceEntry, SourceTables } from './dictionary.js';
import type { Tok } from './tokens.js';

export interface Mention extends Span {
  entry: SourceEntry;
  /** Token range [from, to). */
  from: number;
  to: number;
  country: Country | null;
}

function matches(toks: readonly Tok[], i: number, alias: Alias): boolean {
  for (let k = 0; k < alias.words.length; k++) {
    const tok = toks[i + k];
    if (!tok) return false;
    if (alias.caseSensitive ? tok.text !== alias.words[k] : tok.lower !== alias.lowerWords[k]) return false;
  }
  return true;
}

/** The country written right before a generic body: "Russia's Defence Ministry", "the Syrian army". */
export function countryBefore(toks: readonly Tok[], i: number, t: SourceTables): Country | null {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const tok = toks[k]!;
    if (tok.lower === "'s" || tok.lower === '’s') continue;
    const two = k > 0 ? `${toks[k - 1]!.lower} ${tok.lower}` : '';
    return t.countries.get(two) ?? t.countries.get(tok.lower) ?? null;
  }
  return null;
}

export function scanMentions(toks: readonly Tok[], t: SourceTables): Mention[] {
  const mentions: Mention[] = [];
  const named = new Set<SourceEntry>();
  for (let i = 0; i < toks.length; i++) {
    const candidates = t.byFirstWord.get(toks[i]!.lower);
    if (!candidates) continue;
    const alias = candidates.find((a) => matches(toks, i, a) && (!a.short || named.has(a.entry)));
    if (!alias) continue;
    const end = i + alias.words.length;
    const country = alias.entry.qualified ? countryBefore(toks, i, t) : null;
    mentions.push({ start: toks[i]!.start, end: toks[end - 1]!.end, entry: alias.entry, from: i, to: end, country });
    if (!alias.short) named.add(alias.entry);
    i = end - 1;
  }
  return mentions;
}

/** A generic body's canonical name needs its country: "Military Forces of Ukraine". */
export function mentionName(m: Mention): string | null {
  if (!m.entry.qualified) return m.entry.name;
  return m.country ? `${m.entry.name} of ${m.country.name}` : null;
}

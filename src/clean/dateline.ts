/**
 * Datelines at the start of the first body paragraph: "BEIRUT, Lebanon —",
 * "KRAMATORSK, Ukraine, April 8 (Reuters) -", "(AFP) BEIRUT, Lebanon —", "Kabul, Afghanistan —",
 * "Maiduguri (Nigeria) (AFP) -". The place is where the reporter was, kept as written.
 */
import type { Dateline, WireCredit } from '../types.js';
import type { Line } from './lines.js';
import type { WireMatcher } from './wire.js';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const CAPS_WORD = "\\p{Lu}[\\p{Lu}\\p{M}'\\u2019.-]*";
const TITLE_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'\\u2019-]+";
/** Lower-case links inside place names: Deir ez-Zor, Port-au-Prince, Ras al Ain. */
const PARTICLE = '(?:al|el|ez|az|ad|ash|as|an|ar|at|de|du|des|di|da|do|dos|la|le|les|au|aux|sur|en|of|upon|on)';
const PLACE = `(?:${CAPS_WORD}(?:[ /]${CAPS_WORD}){0,3}|${TITLE_WORD}(?:[ -](?:${TITLE_WORD}|${PARTICLE}(?=[ -]\\p{Lu}))){0,4})`;
const REGION = "\\p{Lu}[\\p{L}\\p{M}.'\\u2019-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'\\u2019-]*|of|and|the)){0,3}";

const DATELINE = new RegExp(
  '^(?<lead>\\(\\s*(?<leadCredit>[^()]{1,40}?)\\s*\\)\\s*(?:[\\u2013\\u2014-]+\\s*)?)?' +
    `(?<place>${PLACE})` +
    `(?<region>,\\s*${REGION})?` +
    '(?:\\s*\\((?<paren1>[^()]{1,40})\\))?' +
    `(?<date>,\\s*(?<month>${MONTH})\\s+(?<day>\\d{1,2})(?:,\\s*\\d{4})?)?` +
    '(?:\\s*\\((?<paren2>[^()]{1,40})\\))?' +
    '\\s*(?<sep>[\\u2013\\u2014]+|-{1,2}|:)\\s',
  'u',
);
/** "(AFP) A car bomb …": a credit with no place. */
const LEAD_CREDIT = /^\(\s*(?<credit>[^()]{1,40}?)\s*\)\s*(?:[\u2013\u2014-]+\s*)?/u;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "April 8" with the publication year; a day after publication means the year before. */
export function resolveDatelineDate(month: string, day: number, published: string | null): string | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return null;
  const monthIndex = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  const year = Number(published.slice(0, 4));
  const candidate = new Date(Date.UTC(year, monthIndex, day));
  if (monthIndex < 0 || candidate.getUTCDate() !== day) return null;
  const publishedTime = Date.parse(`${published}T00:00:00Z`);
  if (candidate.getTime() > publishedTime + 86_400_000) candidate.setUTCFullYear(year - 1);
  return candidate.toISOString().slice(0, 10);
}

export interface DatelineResult {
  dateline: Dateline | null;
  wire: WireCredit | null;
}

/** Words that make a parenthesised credit an agency even when it is not in wires.json. */
const AGENCY_WORD = /\b(?:Press|News|Agency|Wire|Service|Presse|Agence|Agencia|Agenzia|Nachrichten)\b/u;
/** Capitalised tags that sit in datelines' parentheses but name no one. */
const NOT_CREDITS = new Set(['UPDATE', 'LEAD', 'FILE', 'PHOTO', 'VIDEO', 'AUDIO', 'LIVE', 'URGENT', 'FLASH', 'WRAP', 'FOCUS', 'REFILE']);

/** An agency that wires.json does not list: "(Meridian Press Agency)", "(MPA)", "(CNN)". */
function unlistedAgency(text: string): boolean {
  if (NOT_CREDITS.has(text)) return false;
  return /^\p{Lu}{2,5}$/u.test(text) || (AGENCY_WORD.test(text) && /^\p{Lu}/u.test(text) && text.split(/\s+/).length <= 5);
}

/** The wire named in the first parenthesis that names one, with its offsets in the line. */
function creditFrom(line: Line, groups: Array<string | undefined>, wires: WireMatcher): WireCredit | null {
  for (const group of groups) {
    if (!group) continue;
    // "(AFP/Reuters)": the first agency named is the credit.
    const alias = group.trim().split(/\s*[/,]\s*/)[0]!;
    const listed = wires.exact(alias);
    if (!listed && !unlistedAgency(alias)) continue;
    // Found through its parenthesis: "AP" alone would also match inside "JAPAN".
    const paren = line.text.indexOf(`(${group}`);
    const at = line.start + line.text.indexOf(alias, paren + 1);
    const rule = listed ? 'wire.dateline-credit' : 'wire.dateline-credit-unlisted';
    return { start: at, end: at + alias.length, name: listed ?? alias, rule };
  }
  return null;
}

function acceptPlace(groups: Record<string, string | undefined>, credit: WireCredit | null): boolean {
  const place = groups.place!;
  const isCaps = !/\p{Ll}/u.test(place) && place.replace(/[^\p{L}]/gu, '').length >= 2;
  if (isCaps) return true;
  // A title-case word before a dash is often just a sentence ("Hamas — which rules Gaza —"):
  // ask for a region, a credit or any parenthesis as well, and a dash rather than a colon.
  const framed = Boolean(groups.region || groups.paren1 || groups.paren2 || credit);
  return framed && groups.sep !== ':';
}

/** A dateline (and its credit) at the start of a body line, else a lone "(AFP)" lead credit. */
export function findDateline(line: Line, wires: WireMatcher, published: string | null): DatelineResult {
  const match = DATELINE.exec(line.text);
  if (match?.groups) {
    const groups = match.groups;
    const credit = creditFrom(line, [groups.paren2, groups.paren1, groups.leadCredit], wires);
    if (acceptPlace(groups, credit)) {
      const end = line.start + match[0].trimEnd().length;
      const date = groups.month ? resolveDatelineDate(groups.month, Number(groups.day), published) : null;
      const rule = /\p{Ll}/u.test(groups.place!) ? 'dateline.framed-place' : 'dateline.caps-place';
      const dateline: Dateline = { start: line.start, end, place: groups.place!, date, rule };
      return { dateline, wire: credit };
    }
  }
  const lead = LEAD_CREDIT.exec(line.text);
  const credit = lead?.groups ? creditFrom(line, [lead.groups.credit], wires) : null;
  return { dateline: null, wire: credit ? { ...credit, rule: credit.rule.replace('dateline-credit', 'lead-credit') } : null };
}

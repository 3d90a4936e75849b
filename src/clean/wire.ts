/**
 * News-agency credits: "(AFP)", "— Reuters", "By Jane Doe, Associated Press", "© 2019 AFP".
 * An agency name counts as a credit only where credits are written (a dateline, a credit
 * line), never in prose: "told Reuters" is not the article's source.
 */
import type { BoilerplateRule, WireEntry } from './resources.js';

export interface WireHit {
  start: number;
  end: number;
  name: string;
}

export interface WireMatcher {
  /** Canonical name for text that is exactly one agency alias ("Agence France-Presse" → "AFP"). */
  exact(text: string): string | null;
  /** The first agency alias in a credit line that stands as a credit, offsets within `line`. */
  creditIn(line: string): WireHit | null;
  /** Rules marking lines that are only a credit ("— AFP", "Reuters") and credits ending a paragraph. */
  rules: BoilerplateRule[];
}

function escapeRegex(text: string): string {
  // No escape for '-' or '/': the 'u' flag rejects escapes of non-syntax characters.
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What may stand before an agency name in a credit: line start, "By", a separator, a year. */
const CREDIT_BEFORE = /(?:^|[,|/(;:\u2013\u2014-]|\bby|\bBY|\band|\bwith|\bWith|©|\bCopyright|\bcopyright|\d{4})\s*$/;
/** What may follow it: line end, punctuation, or a role word ("Writer", "staff"). */
const CREDIT_AFTER = /^\s*(?:$|[),.;:|/\u2013\u2014-]|and\b|&|(?:[Ww]riters?|[Cc]orrespondents?|[Rr]eporters?|[Ss]taff|[Nn]ewsroom|[Jj]ournalists?|[Bb]ureau|[Pp]hotographers?|[Ee]ditors?)\b)/;

/**
 * "Eastbridge News Agency (ENA)": an acronym the text itself defines is that body's, even
 * when a listed agency shares it.
 */
function definesOtherAcronym(line: string, start: number, alias: string): boolean {
  if (line[start - 1] !== '(' || !/^\p{Lu}{2,6}$/u.test(alias)) return false;
  const before = /((?:\p{Lu}[\p{L}.'\u2019&-]*\s+){2,6})\($/u.exec(line.slice(Math.max(0, start - 80), start));
  if (!before) return false;
  const initials = before[1]!.trim().split(/\s+/).map((word) => word[0]).join('');
  return initials.endsWith(alias) || initials.startsWith(alias);
}

export function createWireMatcher(wires: WireEntry[]): WireMatcher {
  const nameByAlias = new Map<string, string>();
  for (const wire of wires) for (const alias of wire.aliases) nameByAlias.set(alias, wire.name);
  // Longest first, so "Associated Press of Pakistan" wins over "Associated Press".
  const aliases = [...nameByAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
  const aliasGroup = `(?<![\\p{L}\\p{N}])(?:${aliases})(?![\\p{L}\\p{N}])`;
  const anyAlias = new RegExp(aliasGroup, 'gu');
  const list = `${aliasGroup}(?:\\s*(?:/|,|and|&)\\s*${aliasGroup})*`;

  const rules: BoilerplateRule[] = [
    {
      id: 'byline.wire-only-line',
      kind: 'byline',
      scope: 'line',
      regex: new RegExp(`^(?:[\\u2013\\u2014-]+\\s*)?\\(?\\s*(?:(?:[Ww]ith|By|BY|Source:?)\\s+)?${list}\\s*\\)?\\.?$`, 'u'),
      maxLength: 120,
      literals: null,
    },
    {
      id: 'byline.wire-tail',
      kind: 'byline',
      scope: 'tail',
      regex: new RegExp(`(?<=[.!?\\u201d"]\\s*)[\\u2013\\u2014-]+\\s*${list}\\s*\\.?$`, 'gu'),
      maxLength: 80,
      literals: null,
    },
  ];

  return {
    exact: (text) => nameByAlias.get(text.trim()) ?? null,
    creditIn(line) {
      anyAlias.lastIndex = 0;
      for (let match = anyAlias.exec(line); match; match = anyAlias.exec(line)) {
        const end = match.index + match[0].length;
        if (definesOtherAcronym(line, match.index, match[0])) continue;
        if (CREDIT_BEFORE.test(line.slice(Math.max(0, match.index - 12), match.index)) && CREDIT_AFTER.test(line.slice(end, end + 16))) {
          return { start: match.index, end, name: nameByAlias.get(match[0])! };
        }
      }
      return null;
    },
    rules,
  };
}

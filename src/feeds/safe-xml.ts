/**
 * Feeds are read without their DTD. A document type declaration is where XML declares entities,
 * and entities are how a feed attacks its reader: an external one (`<!ENTITY x SYSTEM
 * "file:///etc/passwd">`, or an http:// URL into the reader's network) would be read and pasted
 * into the text (XXE), and nested internal ones blow up in memory ("billion laughs"). No RSS or
 * Atom feed needs one (RSS 0.91's public DTD only names HTML's entities, which the feed parser
 * decodes without it), so every DOCTYPE is cut out before parsing: an entity reference then
 * stays the literal text it is, and nothing outside the feed is ever read.
 */

/** The XML without its DOCTYPE declarations, and what was removed. */
export interface DoctypeFree {
  xml: string;
  /** How many declarations were cut (0 for nearly every feed). */
  doctypes: number;
  /** One of them declared entities: worth a warning, since the feed meant them to be expanded. */
  declaredEntities: boolean;
}

// What the scanner must step over (CDATA sections and comments may contain any text) or cut.
const MARKUP = /<!\[CDATA\[|<!--|<!DOCTYPE/gi;

/**
 * Where the declaration that starts at `from` ends (the index after its `>`), or -1 if it never
 * does. Quoted strings, comments and processing instructions may hold `>` or `]`; the internal
 * subset in brackets holds the declarations, each with its own `>`.
 */
function declarationEnd(xml: string, from: number): number {
  let depth = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (xml.startsWith('<!--', i) || xml.startsWith('<?', i)) {
      const close = xml.indexOf(xml[i + 1] === '!' ? '-->' : '?>', i + 2);
      if (close < 0) return -1;
      i = close + (xml[i + 1] === '!' ? 2 : 1);
    } else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Cuts every DOCTYPE declaration out of a document (outside CDATA sections and comments, where
 * the same letters are only text). Returns null for a declaration that never ends: such a
 * document is not well-formed, and guessing where it was meant to end could let entities through.
 */
export function withoutDoctype(xml: string): DoctypeFree | null {
  let out = '';
  let copiedTo = 0;
  let doctypes = 0;
  let declaredEntities = false;
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(xml); match; match = MARKUP.exec(xml)) {
    const at = match.index;
    if (match[0] === '<![CDATA[' || match[0] === '<!--') {
      const close = xml.indexOf(match[0] === '<!--' ? '-->' : ']]>', at + match[0].length);
      if (close < 0) break; // the rest is text of an unclosed section: nothing is declared in it
      MARKUP.lastIndex = close + 3;
      continue;
    }
    const end = declarationEnd(xml, at + match[0].length);
    if (end < 0) return null;
    const declaration = xml.slice(at, end);
    declaredEntities ||= /<!ENTITY/i.test(declaration);
    out += xml.slice(copiedTo, at);
    copiedTo = end;
    doctypes++;
    MARKUP.lastIndex = end;
  }
  return { xml: doctypes === 0 ? xml : out + xml.slice(copiedTo), doctypes, declaredEntities };
}

/**
 * Which character encoding bytes declare for themselves, the way a browser looks: a byte order
 * mark first, then the HTTP header's charset, then `<meta charset>`, `<meta http-equiv=
 * "Content-Type">` or an XML declaration near the start. Labels are resolved with the WHATWG
 * Encoding Standard's table, which Node's TextDecoder implements (full ICU: windows-1256,
 * ISO-8859-6, KOI8-R, GBK, Shift_JIS …).
 */

/** Where the encoding in use was found. */
export type CharsetSource = 'bom' | 'header' | 'document';

export interface DeclaredCharset {
  /** The canonical WHATWG name (`windows-1256`, `utf-8`), not the label as written. */
  encoding: string;
  from: CharsetSource;
}

/**
 * How far into the bytes a declaration is looked for. Browsers stop at 1,024 bytes; pages whose
 * head carries long scripts or styles before `<meta charset>` are common enough to look further.
 */
const PRESCAN_BYTES = 8192;

/** The canonical encoding name for a label, or null for a label no decoder knows. */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The encoding a byte order mark announces. */
export function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset parameter of a Content-Type header value (`text/html; charset="windows-1256"`). */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match ? match[2]! : null;
}

const META_TAG = /<meta\b[^>]*>/gi;
const META_CHARSET = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i;
const HTTP_EQUIV_CONTENT_TYPE = /\bhttp-equiv\s*=\s*["']?\s*content-type/i;
const XML_DECLARATION = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([^"']+)["']/i;

/**
 * The encoding label a document declares in its first bytes: an XML declaration's `encoding`, or
 * the first `<meta charset>` / `<meta http-equiv="Content-Type" content="…; charset=…">`. The
 * bytes are read as Latin-1, which keeps every ASCII-compatible encoding's markup intact.
 */
export function documentCharsetLabel(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const xml = XML_DECLARATION.exec(head);
  if (xml) return xml[1]!;
  for (const [tag] of head.matchAll(META_TAG)) {
    // `<meta charset="…">`, or http-equiv whose content holds "charset=…"; other metas that happen
    // to mention a charset (a description) do not count.
    const direct = /^<meta\b[^>]*?\scharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct) return direct[1]!;
    if (HTTP_EQUIV_CONTENT_TYPE.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])([^"']*)\1/i.exec(tag)?.[2] ?? '';
      const label = META_CHARSET.exec(content)?.[1];
      if (label) return label;
    }
  }
  return null;
}

/**
 * The encoding the bytes declare, in the browser's order of precedence: BOM, then the transport's
 * charset (`header`, as the HTTP Content-Type gave it), then the document's own declaration.
 * A declaration no decoder knows is passed over. A document that calls itself UTF-16 in a meta
 * tag cannot be, since the tag was readable as ASCII: that is UTF-8, as browsers decide too.
 */
export function declaredCharset(bytes: Uint8Array, header?: string | null): DeclaredCharset | null {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, from: 'bom' };
  const fromHeader = header ? canonicalEncoding(header) : null;
  if (fromHeader) return { encoding: fromHeader, from: 'header' };
  const label = documentCharsetLabel(bytes);
  const fromDocument = label ? canonicalEncoding(label) : null;
  if (!fromDocument) return null;
  return { encoding: fromDocument.startsWith('utf-16') ? 'utf-8' : fromDocument, from: 'document' };
}

/**
 * Bytes to a string. Input is meant to be UTF-8 text; anything else is either refused
 * (binary) or decoded as well as it can be, with a warning that names the input.
 */
import { SitrepError } from '../errors.js';
import { bomEncoding, declaredCharset } from './charset.js';

/** How much of the start of an input is sniffed for binary content. */
const SNIFF_BYTES = 8192;
/** Above this share of control bytes in the sniffed part, the input is not text. */
const MAX_CONTROL_SHARE = 0.1;

export interface Decoded {
  text: string;
  /** The encoding the text was decoded from (a WHATWG name: `utf-8`, `windows-1256`). */
  encoding: string;
  warnings: string[];
}


/** C0 controls other than tab, LF, VT, FF, CR; plus DEL. */
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f;
}

/** True for content that is not text: NUL bytes, or many control bytes, near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  // UTF-16 with a BOM is text even though it is full of NUL bytes.
  if (bomEncoding(bytes)?.startsWith('utf-16')) return false;
  const sniffed = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < sniffed; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return true;
    if (isControlByte(byte)) controls++;
  }
  return sniffed > 0 && controls / sniffed > MAX_CONTROL_SHARE;
}

/**
 * Windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €); undefined ones stay as C1 controls.
 * Written out because Node's TextDecoder treats "windows-1252" as plain ISO-8859-1.
 */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Windows-1252, the usual "latin1" of legacy web pages and word processors. */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** Counts U+FFFD replacements and other non-ASCII characters in a lenient UTF-8 decoding. */
function countDecoding(text: string): { replaced: number; multibyte: number } {
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f) multibyte++;
  }
  return { replaced, multibyte };
}

/** Strict UTF-8, or null when the bytes are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The UTF-8 guess for undeclared bytes: Windows-1252 when almost nothing is valid UTF-8. */
function decodeUndeclared(bytes: Uint8Array, name: string): Decoded {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const { replaced, multibyte } = countDecoding(lenient);
  if (multibyte === 0 || replaced > 4 * multibyte) {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      warnings: [`${name}: not valid UTF-8; decoded as Windows-1252 (latin1)`],
    };
  }
  const bytesWord = replaced === 1 ? 'byte' : 'bytes';
  return {
    text: lenient,
    encoding: 'utf-8',
    warnings: [`${name}: not valid UTF-8; ${replaced} undecodable ${bytesWord} replaced with U+FFFD`],
  };
}

/** Bytes in the encoding they declare; bytes the encoding does not define become U+FFFD. */
function decodeDeclared(bytes: Uint8Array, encoding: string, name: string): Decoded {
  // Node's TextDecoder reads "windows-1252" as ISO-8859-1: the table above has the difference.
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  const replaced = countDecoding(text).replaced;
  const bytesWord = replaced === 1 ? 'byte' : 'bytes';
  return {
    text,
    encoding,
    warnings: replaced ? [`${name}: ${replaced} ${bytesWord} undefined in ${encoding} replaced with U+FFFD`] : [],
  };
}

export interface DecodeOptions {
  /** The charset the transport declared (HTTP Content-Type), which a BOM overrides. */
  charset?: string | null;
}

/**
 * Decodes text bytes in the encoding they declare (BOM, the `charset` option, `<meta charset>`,
 * http-equiv or an XML declaration; see charset.ts), else as UTF-8. Two kinds of mistake are
 * common on the web and handled: a page declared as a legacy encoding (often the ISO-8859-1
 * default of a server) whose bytes are valid UTF-8 with non-ASCII characters is UTF-8, since
 * text in a legacy 8-bit encoding is practically never valid UTF-8; and undeclared bytes that are
 * not UTF-8 are decoded anyway, as Windows-1252 when the input has (almost) no valid multi-byte
 * sequences, which is what a legacy 8-bit file looks like, else as UTF-8 with U+FFFD for the
 * broken bytes. `name` is used in warnings.
 */
export function decodeBytes(bytes: Uint8Array, name: string, options: DecodeOptions = {}): Decoded {
  const declared = declaredCharset(bytes, options.charset);
  if (declared?.from === 'bom' && declared.encoding !== 'utf-8') return decodeDeclared(bytes, declared.encoding, name);
  const utf8 = strictUtf8(bytes);
  if (!declared || declared.encoding === 'utf-8') return utf8 !== null ? { text: utf8, encoding: 'utf-8', warnings: [] } : decodeUndeclared(bytes, name);
  if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) return { text: utf8, encoding: 'utf-8', warnings: [] };
  return decodeDeclared(bytes, declared.encoding, name);
}

/** Refuses binary input with one message naming it. */
export function assertText(bytes: Uint8Array, name: string): void {
  if (looksBinary(bytes)) {
    throw new SitrepError('E_BINARY', `${name} looks like a binary file, not text or HTML`);
  }
}

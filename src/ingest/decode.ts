/**
 * Bytes to a string. Input is meant to be UTF-8 text; anything else is either refused
 * (binary) or decoded as well as it can be, with a warning that names the input.
 */
import { SitrepError } from '../errors.js';

/** How much of the start of an input is sniffed for binary content. */
const SNIFF_BYTES = 8192;
/** Above this share of control bytes in the sniffed part, the input is not text. */
const MAX_CONTROL_SHARE = 0.1;

export interface Decoded {
  text: string;
  warnings: string[];
}

/** UTF-16 with a BOM is text even though it is full of NUL bytes. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** C0 controls other than tab, LF, VT, FF, CR; plus DEL. */
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f;
}

/** True for content that is not text: NUL bytes, or many control bytes, near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Encoding(bytes)) return false;
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

/**
 * Decodes text bytes. Invalid UTF-8 is decoded anyway: as Windows-1252 when the input has
 * (almost) no valid multi-byte sequences, which is what a legacy 8-bit file looks like, else
 * as UTF-8 with U+FFFD for the broken bytes. `name` is used in warnings.
 */
export function decodeBytes(bytes: Uint8Array, name: string): Decoded {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    // Not valid UTF-8: fall through to the lenient decodings below.
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const { replaced, multibyte } = countDecoding(lenient);
  if (multibyte === 0 || replaced > 4 * multibyte) {
    return {
      text: decodeWindows1252(bytes),
      warnings: [`${name}: not valid UTF-8; decoded as Windows-1252 (latin1)`],
    };
  }
  const bytesWord = replaced === 1 ? 'byte' : 'bytes';
  return {
    text: lenient,
    warnings: [`${name}: not valid UTF-8; ${replaced} undecodable ${bytesWord} replaced with U+FFFD`],
  };
}

/** Refuses binary input with one message naming it. */
export function assertText(bytes: Uint8Array, name: string): void {
  if (looksBinary(bytes)) {
    throw new SitrepError('E_BINARY', `${name} looks like a binary file, not text or HTML`);
  }
}

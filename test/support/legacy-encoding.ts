/**
 * Encodes text in a single-byte legacy encoding (windows-1256, ISO-8859-6, …) for tests. The
 * table is the inverse of Node's own TextDecoder over the 256 byte values, so no encoder package
 * is needed; a character the encoding lacks is an error, not a silent "?".
 */
const tables = new Map<string, Map<string, number>>();

function tableOf(encoding: string): Map<string, number> {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding);
  for (let byte = 0xff; byte >= 0; byte--) {
    const char = decoder.decode(new Uint8Array([byte]));
    if (char !== '\ufffd') table.set(char, byte);
  }
  tables.set(encoding, table);
  return table;
}

export function encodeSingleByte(text: string, encoding: string): Buffer {
  const table = tableOf(encoding);
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = table.get(text[i]!);
    if (byte === undefined) throw new Error(`${encoding} has no byte for U+${text.charCodeAt(i).toString(16).padStart(4, '0')}`);
    bytes[i] = byte;
  }
  return bytes;
}

/**
 * A small RFC 4180 CSV reader: quoted fields may hold commas, line breaks and doubled quotes;
 * records end with LF or CRLF. Enough for ACLED's exports without a dependency.
 */
import { SitrepError } from '../errors.js';

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

/** All records of a CSV text, header included. A lone trailing newline adds no record. */
export function parseCsv(text: string, name = 'CSV'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false; // inside a quoted field
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
    recordLine = line;
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') {
        if (ch === '\n') line++;
        field += ch;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else field += ch; // a stray quote inside an unquoted field is kept as text
  }
  if (quoted) throw new SitrepError('E_BAD_GOLD', `${name} line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Records as objects keyed by the header row; a record with more fields than the header is an error. */
export function parseCsvObjects(text: string, name = 'CSV'): Array<{ line: number; row: Record<string, string> }> {
  const [header, ...records] = parseCsv(text, name);
  if (!header) return [];
  const columns = header.fields.map((column) => column.trim());
  return records
    .filter((record) => !(record.fields.length === 1 && record.fields[0] === ''))
    .map((record) => {
      if (record.fields.length > columns.length) {
        throw new SitrepError(
          'E_BAD_GOLD',
          `${name} line ${record.line}: ${record.fields.length} fields where the header has ${columns.length}`,
        );
      }
      const row = Object.fromEntries(columns.map((column, k) => [column, record.fields[k] ?? '']));
      return { line: record.line, row };
    });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeSingleByte } from '../../test/support/legacy-encoding.js';
import { bytesToArticle, charsetOfContentType, declaredCharset, decodeBytes, readArticle } from './index.js';

// Our own sentence: "Artillery shelled a village in the southern Aleppo countryside on Tuesday,
// killing four civilians."
const ARABIC = 'قصفت المدفعية قرية في ريف حلب الجنوبي يوم الثلاثاء، ما أسفر عن مقتل أربعة مدنيين.';
const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

function arabicPage(encoding: string, head: string): Buffer {
  return Buffer.concat([
    ascii(`<!DOCTYPE html><html lang="ar" dir="rtl"><head>${head}<title>`),
    encodeSingleByte('قصف على ريف حلب', encoding),
    ascii('</title></head><body><article><p>'),
    encodeSingleByte(ARABIC, encoding),
    ascii('</p></article></body></html>'),
  ]);
}

test('charset of a Content-Type header', () => {
  const cases: Array<[string | null, string | null]> = [
    ['text/html; charset=windows-1256', 'windows-1256'],
    ['text/html;charset="ISO-8859-6"', 'ISO-8859-6'],
    ['application/xhtml+xml; charset=utf-8; q=1', 'utf-8'],
    ['text/html', null],
    [null, null],
  ];
  for (const [header, expected] of cases) assert.equal(charsetOfContentType(header), expected, String(header));
});

test('declared charset: BOM, then header, then <meta charset>, http-equiv or XML declaration', () => {
  const cases: Array<[Buffer, string | null, { encoding: string; from: string } | null]> = [
    [ascii('<html><head><meta charset="windows-1256"></head></html>'), null, { encoding: 'windows-1256', from: 'document' }],
    [ascii("<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=iso-8859-6'></head>"), null, { encoding: 'iso-8859-6', from: 'document' }],
    [ascii('<?xml version="1.0" encoding="cp1256"?><rss></rss>'), null, { encoding: 'windows-1256', from: 'document' }],
    // Labels are WHATWG labels: latin1 and ascii both mean windows-1252.
    [ascii('<meta charset=latin1>'), null, { encoding: 'windows-1252', from: 'document' }],
    [ascii('<meta charset="windows-1256">'), 'utf-8', { encoding: 'utf-8', from: 'header' }],
    [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii('<meta charset="windows-1256">')]), 'windows-1256', { encoding: 'utf-8', from: 'bom' }],
    // A page that calls itself UTF-16 in ASCII-readable markup is not UTF-16.
    [ascii('<meta charset="utf-16">'), null, { encoding: 'utf-8', from: 'document' }],
    // Negative cases: an unknown label, a description that mentions a charset, no declaration.
    [ascii('<meta charset="klingon-8">'), 'made-up', null],
    [ascii('<meta name="description" content="charset=koi8-r explained">'), null, null],
    [ascii('Plain text about a charset=windows-1256 setting.'), null, null],
  ];
  for (const [bytes, header, expected] of cases) assert.deepEqual(declaredCharset(bytes, header), expected, bytes.toString('latin1'));
});

test('Arabic pages in windows-1256 and ISO-8859-6 decode to the right letters', () => {
  for (const encoding of ['windows-1256', 'iso-8859-6']) {
    const inMeta = bytesToArticle(arabicPage(encoding, `<meta charset="${encoding}">`), 'page.html');
    assert.equal(inMeta.text, `قصف على ريف حلب\n\n${ARABIC}`, encoding);
    assert.deepEqual(inMeta.warnings, []);
    const httpEquiv = bytesToArticle(arabicPage(encoding, `<meta http-equiv="Content-Type" content="text/html; charset=${encoding}">`), 'page.html');
    assert.ok(httpEquiv.text.endsWith(ARABIC), encoding);
    const fromHeader = bytesToArticle(arabicPage(encoding, ''), 'page.html', { charset: encoding });
    assert.ok(fromHeader.text.endsWith(ARABIC), encoding);
  }
  // Undeclared, the same bytes cannot be told from Windows-1252: mojibake, with a warning.
  const undeclared = bytesToArticle(arabicPage('windows-1256', ''), 'page.html');
  assert.ok(!undeclared.text.includes(ARABIC));
  assert.match(undeclared.warnings[0]!, /page\.html: not valid UTF-8; decoded as Windows-1252/);
});

test('a saved windows-1256 HTML file is read in its declared charset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-charset-'));
  try {
    const path = join(dir, 'arabic.html');
    writeFileSync(path, arabicPage('windows-1256', '<meta http-equiv="content-type" content="text/html; charset=windows-1256">'));
    const article = await readArticle(path);
    assert.ok(article.text.endsWith(ARABIC));
    assert.equal(article.meta.title, 'قصف على ريف حلب');
    assert.equal(article.meta.name, path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mislabelled pages: valid UTF-8 declared as a legacy charset is UTF-8', () => {
  const utf8 = Buffer.from(`<html><head><meta charset="iso-8859-1"></head><body><p>${ARABIC} — café</p></body></html>`);
  assert.equal(decodeBytes(utf8, 'x').encoding, 'utf-8');
  assert.ok(bytesToArticle(utf8, 'x', { charset: 'windows-1256' }).text.includes(`${ARABIC} — café`));
  // Real Latin-1 declared as such: Windows-1252 bytes (curly quotes) decoded by the table.
  const latin = Buffer.from([...ascii('<meta charset="iso-8859-1"><p>'), 0x93, 0x48, 0x69, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9, ...ascii('</p>')]);
  const decoded = decodeBytes(latin, 'x');
  assert.equal(decoded.encoding, 'windows-1252');
  assert.ok(decoded.text.includes('“Hi” café'));
  assert.deepEqual(decoded.warnings, []);
  // Bytes the declared encoding does not define are replaced, and said so.
  const gap = decodeBytes(Buffer.from([...ascii('<meta charset="iso-8859-6">'), 0xa1]), 'gap.html');
  assert.match(gap.warnings[0]!, /gap\.html: 1 byte undefined in iso-8859-6/);
});

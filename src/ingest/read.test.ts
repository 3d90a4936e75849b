import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SitrepError, type ErrorCode } from '../errors.js';
import { readArticle, resolveMaxBytes, DEFAULT_MAX_BYTES } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Asserts a SitrepError with the code, whose message names `mentions` (e.g. the file). */
async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, mentions: string[]): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof SitrepError, `expected a SitrepError, got ${String(err)}`);
    assert.equal(err.code, code);
    for (const part of mentions) assert.ok(err.message.includes(part), `"${err.message}" should mention "${part}"`);
    return true;
  });
}

test('plain text: BOM stripped, CRLF and CR become LF, name recorded', async () => {
  const cases: Array<[string, string]> = [
    ['\ufeffBEIRUT (Reuters) - Shelling hit the town.\r\n\r\nTwo died.', 'BEIRUT (Reuters) - Shelling hit the town.\n\nTwo died.'],
    ['Line one.\rLine two.\r\rLine three.', 'Line one.\nLine two.\n\nLine three.'],
    ['Already clean.\n\nSecond paragraph.', 'Already clean.\n\nSecond paragraph.'],
    ['Jesu\u0301s Mari\u0301a was hit.', 'Jesús María was hit.'],
  ];
  for (const [content, expected] of cases) {
    const path = file('plain.txt', content);
    const article = await readArticle(path);
    assert.equal(article.text, expected);
    assert.equal(article.meta.name, path);
    assert.deepEqual(article.warnings, []);
  }
});

test('empty file gives empty text and no error', async () => {
  const article = await readArticle(file('empty.txt', ''));
  assert.equal(article.text, '');
  assert.deepEqual(article.warnings, []);
});

test('missing file and directory are refused with the path in the message', async () => {
  const missing = join(dir, 'nope.txt');
  await rejectsWith(readArticle(missing), 'E_NOT_FOUND', [missing]);
  const sub = join(dir, 'subdir');
  mkdirSync(sub, { recursive: true });
  await rejectsWith(readArticle(sub), 'E_IS_DIRECTORY', [sub]);
});

test('binary content is refused: NUL bytes, or mostly control bytes', async () => {
  const png = file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  await rejectsWith(readArticle(png), 'E_BINARY', [png]);
  const controls = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
  const noisy = file('noisy.bin', controls);
  await rejectsWith(readArticle(noisy), 'E_BINARY', [noisy]);
});

test('text with a few control bytes or a UTF-16 BOM is still text', async () => {
  const formFeed = await readArticle(file('ff.txt', 'Page one.\f\nPage two has \x1b escape.'));
  assert.match(formFeed.text, /Page two/);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('KABUL, Afghanistan — A blast.', 'utf16le')]);
  assert.equal((await readArticle(file('utf16.txt', utf16))).text, 'KABUL, Afghanistan — A blast.');
});

test('invalid UTF-8 is decoded anyway, with a warning naming the file', async () => {
  // Windows-1252: curly quotes 0x93/0x94 and é (0xe9), no valid UTF-8 sequence at all.
  const legacy = file('legacy.txt', Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9]));
  const latin = await readArticle(legacy);
  assert.equal(latin.text, '“Hi” café');
  assert.equal(latin.warnings.length, 1);
  assert.match(latin.warnings[0]!, /legacy\.txt.*Windows-1252/);
  // Mostly valid UTF-8 with one stray byte: keep UTF-8, replace the byte.
  const stray = file('stray.txt', Buffer.concat([Buffer.from('Daraa — Sweida — Quneitra '), Buffer.from([0xff]), Buffer.from(' end')]));
  const replaced = await readArticle(stray);
  assert.equal(replaced.text, 'Daraa — Sweida — Quneitra \ufffd end');
  assert.match(replaced.warnings[0]!, /stray\.txt.*1 undecodable byte/);
});

test('size cap: default 10 MB, option and SITREP_MAX_BYTES override, message says how to change it', async () => {
  const path = file('big.txt', 'x'.repeat(2000));
  await rejectsWith(readArticle(path, { maxBytes: 1000 }), 'E_TOO_LARGE', [path, '1000 bytes', 'SITREP_MAX_BYTES']);
  assert.equal((await readArticle(path, { maxBytes: 5000 })).text.length, 2000);
  assert.equal(resolveMaxBytes(undefined, {}), DEFAULT_MAX_BYTES);
  assert.equal(DEFAULT_MAX_BYTES, 10 * 1024 * 1024);
  assert.equal(resolveMaxBytes(undefined, { SITREP_MAX_BYTES: '2048' }), 2048);
  assert.equal(resolveMaxBytes(100, { SITREP_MAX_BYTES: '2048' }), 100);
  assert.throws(() => resolveMaxBytes(undefined, { SITREP_MAX_BYTES: 'ten' }), /SITREP_MAX_BYTES/);
  const saved = process.env.SITREP_MAX_BYTES;
  process.env.SITREP_MAX_BYTES = '1500';
  try {
    await rejectsWith(readArticle(path), 'E_TOO_LARGE', [path, '1.5 KB']);
  } finally {
    if (saved === undefined) delete process.env.SITREP_MAX_BYTES;
    else process.env.SITREP_MAX_BYTES = saved;
  }
});

test('`-` reads standard input, with the cap applied while streaming', async () => {
  const article = await readArticle('-', { stdin: Readable.from([Buffer.from('MOGADISHU, Somalia (AP) — '), Buffer.from('A blast.\r\n')]) });
  assert.equal(article.text, 'MOGADISHU, Somalia (AP) — A blast.\n');
  assert.equal(article.meta.name, '-');
  const endless = Readable.from((function* () {
    for (let i = 0; i < 100; i++) yield Buffer.alloc(100, 0x61);
  })());
  await rejectsWith(readArticle('-', { stdin: endless, maxBytes: 1000 }), 'E_TOO_LARGE', ['standard input']);
});

test('HTML files are detected and reduced to article text', async () => {
  const path = file('page.html', '<!DOCTYPE html><html><head><title>Clashes in Tripoli</title></head><body><p>Clashes broke out in Tripoli on Monday, killing four people, officials said.</p></body></html>');
  const article = await readArticle(path);
  assert.equal(article.text, 'Clashes in Tripoli\n\nClashes broke out in Tripoli on Monday, killing four people, officials said.');
  assert.equal(article.meta.title, 'Clashes in Tripoli');
});

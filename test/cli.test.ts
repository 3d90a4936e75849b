/**
 * The command line as a user meets it: bad input gives one line on stderr and a non-zero exit,
 * never a stack trace; odd but readable input is still processed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
const ARTICLE = 'MOGADISHU, Somalia (AP) — Al-Shabaab militants attacked a hotel in Mogadishu on Friday, killing at least 12 people, police said.\n';

function sitrep(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineError(r: ReturnType<typeof sitrep>, pattern: RegExp): void {
  assert.notEqual(r.status, 0);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('a missing file: one line naming it, non-zero exit', () => {
  expectOneLineError(sitrep(['extract', join(dir, 'nope.txt'), '--json']), /nope\.txt/);
});

test('a directory: one line, non-zero exit', () => {
  expectOneLineError(sitrep(['extract', dir, '--json']), /director/i);
});

test('a binary file: one line, non-zero exit', () => {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
  expectOneLineError(sitrep(['extract', file('image.bin', bytes), '--json']), /binary|not text/i);
});

test('--published that is not a date: one line, exit 2', () => {
  const r = sitrep(['extract', file('a.txt', ARTICLE), '--published', 'last tuesday', '--json']);
  expectOneLineError(r, /--published/);
  assert.equal(r.status, 2);
  expectOneLineError(sitrep(['extract', file('b.txt', ARTICLE), '--published', '2018-02-30', '--json']), /not a date/);
});

test('an empty file: exit 0 and no events', () => {
  const r = sitrep(['extract', file('empty.txt', ''), '--published', '2020-01-01', '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
});

test('text that is not valid UTF-8 is decoded with a warning and still processed', () => {
  const bytes = Buffer.concat([Buffer.from(ARTICLE.replace('Mogadishu on', 'Mogadishu\u00a0on'), 'latin1')]);
  const r = sitrep(['extract', file('latin1.txt', bytes), '--published', '2022-08-20', '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning/i);
  assert.ok(r.stdout.trim().length > 0, 'events still extracted');
  for (const line of r.stdout.trim().split('\n')) JSON.parse(line);
});

test('a 20 MB file is refused with a line naming the configurable cap', () => {
  const path = join(dir, 'huge.txt');
  writeFileSync(path, 'a'.repeat(20 * 1024 * 1024));
  expectOneLineError(sitrep(['extract', path, '--json']), /cap.*SITREP_MAX_BYTES|SITREP_MAX_BYTES.*cap/i);
});

test('the size cap is configurable', () => {
  expectOneLineError(sitrep(['extract', file('c.txt', ARTICLE), '--json'], { SITREP_MAX_BYTES: '50' }), /cap/);
});

test('stdin is read with -', () => {
  const r = spawnSync(process.execPath, [bin, 'extract', '-', '--published', '2022-08-20', '--json'], { input: ARTICLE, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes('"event_type"'));
});

test('--format csv writes ACLED column names in ACLED order', () => {
  const r = sitrep(['extract', file('d.txt', ARTICLE), '--published', '2022-08-20', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.split('\n')[0], 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp');
});

test('an unknown option: one line, exit 2', () => {
  const r = sitrep(['extract', '--frobnicate']);
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

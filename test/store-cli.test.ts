/**
 * The store's faces on the command line: `sitrep events`, `show`, `token create` and `serve`,
 * over a store that `sitrep ingest` filled from short articles written for this test.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/sitrep.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-cli-'));
const db = join(dir, 'events.db');

const ARTICLES = {
  'goma.txt':
    'GOMA, Democratic Republic of Congo — Rebels attacked the village of Kibumba north of Goma on Tuesday, killing seven civilians, a local official said. ' +
    'The attackers fled into the forest before soldiers arrived, residents said.\n',
  // The same story republished by another outlet: a wire copy.
  'goma-copy.txt':
    'GOMA, Democratic Republic of Congo (Lakes Daily) — Rebels attacked the village of Kibumba north of Goma on Tuesday, killing seven civilians, a local official said. ' +
    'The attackers fled into the forest before soldiers arrived, residents said.\n',
  'aden.txt': 'ADEN, Yemen — A car bomb exploded near a military checkpoint in Aden on Sunday, killing four soldiers, security officials said.\n',
};

function sitrep(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineError(r: ReturnType<typeof sitrep>, status: number, pattern: RegExp): void {
  assert.equal(r.status, status, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  assert.match(lines[0] ?? '', pattern);
  assert.equal(r.stdout, '');
}

const records = (stdout: string): Array<Record<string, unknown>> => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

before(() => {
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
  const r = sitrep(['ingest', '--db', db, '--published', '2024-03-14', '--no-progress', join(dir, 'goma.txt'), join(dir, 'aden.txt'), join(dir, 'goma-copy.txt')]);
  assert.equal(r.status, 0, r.stderr);
});

test('events: JSON lines by default when piped, filtered, newest first', () => {
  const all = records(sitrep(['events', '--db', db]).stdout);
  assert.equal(all.length, 2);
  assert.deepEqual(all.map((r) => r.iso3).sort(), ['COD', 'YEM']);
  const dates = all.map((r) => String(r.event_date));
  assert.deepEqual(dates, [...dates].sort().reverse());
  const yemen = records(sitrep(['events', '--db', db, '--country', 'YEM', '--json']).stdout);
  assert.deepEqual(yemen.map((r) => r.location), ['Aden']);
  assert.equal(records(sitrep(['events', '--db', db, '--min-fatalities', '5', '--json']).stdout).length, 1);
  assert.equal(records(sitrep(['events', '--db', db, '--text', 'Kibumba', '--json']).stdout).length, 1);
  assert.equal(records(sitrep(['events', '--db', db, '--limit', '1', '--json']).stdout).length, 1);
  const none = sitrep(['events', '--db', db, '--country', "' OR 1=1 --", '--json']);
  assert.equal(none.status, 0, none.stderr);
  assert.equal(none.stdout, '');
});

test('events: ACLED CSV, GeoJSON and the table', () => {
  const csv = sitrep(['events', '--db', db, '--csv']).stdout.trim().split('\n');
  assert.match(csv[0] ?? '', /^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,/);
  assert.equal(csv.length, 3);
  const geo = JSON.parse(sitrep(['events', '--db', db, '--geojson']).stdout) as { type: string; features: Array<{ geometry: { coordinates: number[] } }> };
  assert.equal(geo.type, 'FeatureCollection');
  assert.equal(geo.features.length, 2);
  const table = sitrep(['events', '--db', db, '--format', 'table']).stdout;
  assert.match(table, /^date\s+type\s+actor1/);
  assert.match(table, /2 event\(s\)\n$/);
});

test('events: a bad filter or format is one line and exit 2; a missing store one line and exit 1', () => {
  expectOneLineError(sitrep(['events', '--db', db, '--near', '12.8,45']), 2, /^sitrep: --near "12\.8,45" is not LAT,LON,KM/);
  expectOneLineError(sitrep(['events', '--db', db, '--from', '2024-02-30']), 2, /--from "2024-02-30" is not a date/);
  expectOneLineError(sitrep(['events', '--db', db, '--sub-type', 'car bomb']), 2, /--sub-type "car bomb" is not one of ACLED's 25 sub-event types/);
  expectOneLineError(sitrep(['events', '--db', db, '--status', 'maybe']), 2, /--status/);
  expectOneLineError(sitrep(['events', '--db', db, '--limit', '0']), 2, /--limit/);
  expectOneLineError(sitrep(['events', '--db', db, '--json', '--csv']), 2, /one output format/);
  expectOneLineError(sitrep(['events', '--db', join(dir, 'missing.db')]), 1, /no store at .*missing\.db/);
});

test('show: the record, evidence marked in its sentence, the reporting documents; --why the merge reasons', () => {
  const [goma] = records(sitrep(['events', '--db', db, '--country', 'COD', '--json']).stdout);
  const id = String(goma?.id);
  const r = sitrep(['show', id, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^${id}  Attack \\(Violence against civilians\\)`));
  assert.match(r.stdout, /fatalities\s+7/);
  assert.match(r.stdout, /«[^»]*Kibumba[^»]*»/, 'evidence marked with guillemets when not on a terminal');
  assert.doesNotMatch(r.stdout, /\x1b\[/);
  assert.match(r.stdout, /reported by 2 documents\n\s+.*goma\.txt.*\n\s+.*goma-copy\.txt.*copy of .*goma\.txt\n/);
  assert.doesNotMatch(r.stdout, /why merged/);
  const why = sitrep(['show', id, '--db', db, '--why']);
  assert.match(why.stdout, /why merged\n\s+mn\w+ \(.*goma\.txt\): founded the event\n\s+mn\w+ \(.*goma-copy\.txt\): same sub-type \(Attack\)/);
  const json = JSON.parse(sitrep(['show', id, '--db', db, '--json']).stdout) as { event: { id: string }; documents: unknown[]; links: unknown[] };
  assert.equal(json.event.id, id);
  assert.equal(json.documents.length, 2);
  expectOneLineError(sitrep(['show', 'ev0000000000000000', '--db', db]), 1, /no event "ev0000000000000000"/);
  expectOneLineError(sitrep(['show', "'; DROP TABLE events; --", '--db', db]), 1, /no event/);
});

test('token create prints the token once; the store keeps a hash; names are unique', () => {
  const r = sitrep(['token', 'create', 'newsroom', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^st_[\w-]{20,}\n$/);
  assert.match(r.stderr, /shown only this once/);
  const again = sitrep(['token', 'create', 'newsroom', '--db', db]);
  expectOneLineError(again, 2, /exists already/);
  expectOneLineError(sitrep(['token', 'create', 'bad name!', '--db', db]), 2, /token name/);
  const dump = spawnSync('sqlite3', [db, 'SELECT hash FROM tokens'], { encoding: 'utf8' });
  if (dump.status === 0) assert.doesNotMatch(dump.stdout, new RegExp(r.stdout.trim()), 'the token itself is not stored');
});

test('serve: listens, answers, takes writes with a token, and stops cleanly on SIGTERM', async () => {
  const token = sitrep(['token', 'create', 'server-test', '--db', db]).stdout.trim();
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address in: ${stderr}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /on (http:\/\/[^\s]+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`exited: ${stderr}`)));
  });
  try {
    const page = (await (await fetch(`${url}/events?country=YEM`)).json()) as { events: Array<{ location: string }>; next: string | null };
    assert.deepEqual(page.events.map((e) => e.location), ['Aden']);
    const body = JSON.stringify({ text: 'TRIPOLI, Libya — Armed men abducted a municipal official in Tripoli on Monday, his family said.', published: '2024-04-02' });
    const refused = await fetch(`${url}/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(refused.status, 401);
    const stored = await fetch(`${url}/documents`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    assert.equal(stored.status, 200);
    assert.equal(((await stored.json()) as { documents: Array<{ status: string }> }).documents[0]?.status, 'new');
  } finally {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  }
  const r = sitrep(['serve', '--db', db, '--port', 'eighty']);
  expectOneLineError(r, 2, /--port "eighty"/);
});

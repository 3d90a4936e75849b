/**
 * The HTTP API as a client meets it (fastify's inject, a temporary SQLite store, the real
 * extractor on short articles written for these tests): tokens on writes, clear 400s, 413,
 * 404s, ingestion through the API, and the OpenAPI document describing what is really sent.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Corpus } from '../corpus.js';
import { createExtractor } from '../extract.js';
import { buildApp } from './app.js';
import { tempStore, type TempStore } from './testing.js';

const GOMA = {
  id: 'goma-1',
  title: 'Rebels kill seven in village near Goma',
  published: '2024-03-14',
  source: 'Lakes Wire',
  text: 'GOMA, Democratic Republic of Congo — Rebels attacked the village of Kibumba north of Goma on Tuesday, killing seven civilians, a local official said.',
};
const ADEN = {
  id: 'aden-1',
  published: '2024-03-12',
  text: 'ADEN, Yemen — A car bomb exploded near a military checkpoint in Aden on Sunday, killing four soldiers, security officials said.',
};

let temp: TempStore;
let app: FastifyInstance;
let token: string;
const extractor = createExtractor();

before(async () => {
  temp = tempStore();
  app = await buildApp({ store: temp.store, corpus: new Corpus(temp.store, extractor), logError: () => {} });
  token = (await temp.store.createToken('tests')).token;
});
after(async () => {
  await app.close();
  await temp.dispose();
});

const auth = (t = token) => ({ authorization: `Bearer ${t}` });
const post = (payload: unknown, headers: Record<string, string> = auth()) =>
  app.inject({ method: 'POST', url: '/documents', headers, payload: payload as string });

/** An error response: the status, a one-line message, no stack trace. */
function assertError(r: LightMyRequestResponse, status: number, message?: RegExp): void {
  assert.equal(r.statusCode, status, r.body);
  const body = r.json() as { statusCode: number; error: string; message: string };
  assert.equal(body.statusCode, status);
  assert.equal(typeof body.error, 'string');
  assert.doesNotMatch(body.message, /\n/);
  assert.doesNotMatch(r.body, /\bat .+\.(ts|js):\d+/, 'no stack trace');
  if (message) assert.match(body.message, message);
}

test('writes without a token, with a wrong one or another scheme get 401; reads need none', async () => {
  const missing = await post(GOMA, {});
  assertError(missing, 401, /bearer token/);
  assert.match(String(missing.headers['www-authenticate']), /^Bearer/);
  assertError(await post(GOMA, auth('st_not-a-real-token')), 401, /not valid/);
  assertError(await post(GOMA, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }), 401);
  assertError(await post(GOMA, { authorization: 'Bearer' }), 401);
  assertError(await post(GOMA, { authorization: `Bearer ${token}x` }), 401);
  // A token of another store is no token here.
  const other = tempStore();
  const foreign = (await other.store.createToken('elsewhere')).token;
  await other.dispose();
  assertError(await post(GOMA, auth(foreign)), 401);
  assert.equal((await temp.store.stats()).documents, 0, 'nothing was stored');
  assert.equal((await app.inject({ url: '/events' })).statusCode, 200);
});

test('malformed JSON, wrong types and shapes get 400 naming what is wrong', async () => {
  const json = { ...auth(), 'content-type': 'application/json' };
  assertError(await post('{"text": "half', json), 400, /not valid JSON/);
  assertError(await post('', json), 400, /empty/);
  assertError(await post({ text: 42 }), 400, /^body text: expected string/);
  assertError(await post({ title: 'no text' }), 400, /needs "text" or "html"/);
  assertError(await post({ text: 'x', published: 'last week' }), 400, /published/);
  assertError(await post([GOMA, { text: 'ok', url: 5 }]), 400, /^body \[1\]\.url/);
  assertError(await post([]), 400, /empty list/);
  assertError(await post(Array.from({ length: 501 }, () => ({ text: 'x' }))), 400, /more than 500/);
  assertError(await post('"just a string"', json), 400, /a document .* or a list/);
  assertError(await post('plain words', { ...auth(), 'content-type': 'text/plain' }), 400);
  assertError(await post('<doc/>', { ...auth(), 'content-type': 'application/xml' }), 415);
  assertError(await post('{"text":"a"}\nnot json\n', { ...auth(), 'content-type': 'application/x-ndjson' }), 400, /line 2/);
  assertError(await app.inject({ url: '/events?limit=abc' }), 400, /^limit "abc"/);
  assertError(await app.inject({ url: '/events?limit=1001' }), 400, /limit/);
  assertError(await app.inject({ url: '/events?sub_typ=Attack' }), 400, /unknown parameter "sub_typ"/);
  assertError(await app.inject({ url: '/events?country=Syria&country=Iraq' }), 400, /country is given more than once/);
  assertError(await app.inject({ url: '/events?cursor=bm90IGEgY3Vyc29y' }), 400, /cursor/);
  assertError(await app.inject({ url: '/export.csv?from=2024-13-01' }), 400, /^from "2024-13-01" is not a date/);
  assert.equal((await temp.store.stats()).documents, 0);
});

test('bodies over the limit get 413', async () => {
  const small = await buildApp({ store: temp.store, corpus: null, bodyLimit: 4096 });
  try {
    const r = await small.inject({ method: 'POST', url: '/documents', headers: auth(), payload: { text: 'word '.repeat(2000) } });
    assertError(r, 413, /larger than/);
  } finally {
    await small.close();
  }
  assertError(await post({ text: 'a'.repeat(11 * 1024 * 1024) }), 413);
});

test('unknown ids and routes get 404', async () => {
  assertError(await app.inject({ url: '/events/ev0000000000000000' }), 404, /no event "ev0000000000000000"/);
  assertError(await app.inject({ url: '/documents/d0000000000000000' }), 404, /no document/);
  assertError(await app.inject({ url: `/events/${encodeURIComponent("' OR 1=1 --")}` }), 404);
  assertError(await app.inject({ url: '/events/' + 'x'.repeat(150) }), 400);
  assertError(await app.inject({ url: '/nowhere' }), 404, /no route GET \/nowhere/);
  assertError(await app.inject({ method: 'DELETE', url: '/events' }), 404);
});

test('POST /documents ingests one document or a batch, reports each, and is idempotent', async () => {
  const one = await post(GOMA);
  assert.equal(one.statusCode, 200, one.body);
  const [first] = (one.json() as { documents: Array<Record<string, unknown>> }).documents;
  assert.equal(first?.status, 'new');
  assert.equal(first?.id, 'goma-1');
  assert.equal(first?.events_new, 1);

  const batch = await post([GOMA, ADEN]);
  const outcomes = (batch.json() as { documents: Array<Record<string, unknown>> }).documents;
  assert.deepEqual(outcomes.map((o) => [o.index, o.status]), [[0, 'known'], [1, 'new']]);

  const lines = await post(`${JSON.stringify(ADEN)}\n\n${JSON.stringify(GOMA)}\n`, { ...auth(), 'content-type': 'application/x-ndjson' });
  assert.deepEqual((lines.json() as { documents: Array<{ status: string }> }).documents.map((o) => o.status), ['known', 'known']);
  assert.deepEqual(await temp.store.stats(), { documents: 2, copies: 0, mentions: 2, events: 2 });

  const doc = (await app.inject({ url: `/documents/${String(first?.document_id)}` })).json() as Record<string, unknown>;
  assert.equal(doc.text, GOMA.text);
  assert.equal(doc.external_id, 'goma-1');
  assert.equal(doc.title, GOMA.title);
  assert.equal(doc.published, '2024-03-14');
  const [eventId] = doc.events as string[];
  const detail = (await app.inject({ url: `/events/${String(eventId)}` })).json() as {
    event: { sub_event_type: string; fatalities: number; evidence: Array<{ doc: string; start: number; end: number; text: string }> };
    documents: Array<{ id: string; name: string }>;
    links: Array<{ why: string }>;
  };
  assert.equal(detail.event.sub_event_type, 'Attack');
  assert.equal(detail.event.fatalities, 7);
  assert.deepEqual(detail.documents.map((d) => d.name), ['goma-1']);
  assert.equal(detail.links[0]?.why, 'founded the event');
  const span = detail.event.evidence[0]!;
  assert.equal(GOMA.text.slice(span.start, span.end), span.text);
});

test('an internal failure is a 500 saying only "internal error"', async () => {
  const failing = Object.create(temp.store) as typeof temp.store;
  failing.findEvents = async () => {
    throw new Error('disk I/O error at /var/secret/sitrep.db');
  };
  const logged: string[] = [];
  const broken = await buildApp({ store: failing, corpus: null, logError: (line) => logged.push(line) });
  try {
    const r = await broken.inject({ url: '/events' });
    assertError(r, 500, /^internal error$/);
    assert.doesNotMatch(r.body, /secret|disk/);
    assert.match(logged.join('\n'), /disk I\/O error/, 'the details go to the server log');
  } finally {
    await broken.close();
  }
});

test('GET /openapi.json is OpenAPI 3.1 generated from the schemas, and real responses match it', async () => {
  const doc = (await app.inject({ url: '/openapi.json' })).json() as {
    openapi: string;
    paths: Record<string, Record<string, { parameters: Array<{ name: string }>; security?: unknown; requestBody?: unknown }>>;
    components: { schemas: Record<string, unknown> };
  };
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    '/documents', '/documents/{id}', '/events', '/events/cells', '/events/days', '/events/{id}', '/events/{id}/audit', '/events/{id}/review',
    '/export.csv', '/export.geojson', '/geo/admin1', '/places',
  ]);
  assert.ok(doc.paths['/events/{id}/review']!.post!.security, 'a review needs a token');
  const params = doc.paths['/events']!.get!.parameters.map((p) => p.name);
  for (const name of ['from', 'to', 'country', 'admin1', 'type', 'sub_type', 'actor', 'near', 'bbox', 'text', 'min_fatalities', 'status', 'cursor', 'limit']) {
    assert.ok(params.includes(name), `GET /events documents ${name}`);
  }
  assert.ok(doc.paths['/documents']!.post!.security, 'POST /documents says it needs a token');
  assert.ok(doc.paths['/documents']!.post!.requestBody);

  // The event record component says what the contract's JSON Schema says.
  const contract = JSON.parse(readFileSync(new URL('../../contract/event.schema.json', import.meta.url), 'utf8')) as { required: string[]; properties: object };
  const record = doc.components.schemas.EventRecord as { required: string[]; properties: object };
  assert.deepEqual([...record.required].sort(), [...contract.required].sort());
  assert.deepEqual(Object.keys(record.properties).sort(), Object.keys(contract.properties).sort());

  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: 'api', components: doc.components });
  const check = (name: string, value: unknown): void => {
    const validate = ajv.compile({ $ref: `api#/components/schemas/${name}` });
    assert.ok(validate(value), `${name}: ${JSON.stringify(validate.errors)}`);
  };
  const validateContract = new Ajv2020({ strict: false }).compile(contract);
  const page = (await app.inject({ url: '/events' })).json() as { events: unknown[] };
  check('EventPage', page);
  for (const e of page.events) assert.ok(validateContract(e), JSON.stringify(validateContract.errors));
  const id = (page.events[0] as { id: string }).id;
  check('EventDetail', (await app.inject({ url: `/events/${id}` })).json());
  const docId = ((await app.inject({ url: `/events/${id}` })).json() as { documents: Array<{ id: string }> }).documents[0]!.id;
  check('Document', (await app.inject({ url: `/documents/${docId}` })).json());
  check('IngestResponse', (await post(GOMA)).json());
  check('Error', (await app.inject({ url: '/events/nope' })).json());
});

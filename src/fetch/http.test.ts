import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { answerLater, startTestServer, streamLargeBody } from '../../test/support/http-server.js';
import { FetchError, fetchUrl, type FetchFailure, type FetchLog } from './index.js';

const PAGE = '<!doctype html><html><head><title>Shelling in the north</title></head><body><p>Shelling hit the town on Monday.</p></body></html>';
const MB = 1024 * 1024;
let bigPageSent = (): number => 0;

const server = await startTestServer({
  '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  '/gzip': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE)),
  '/br': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(PAGE)),
  '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(PAGE)),
  '/deflate-raw': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(PAGE)),
  '/gzip-then-br': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip, br' }).end(brotliCompressSync(gzipSync(PAGE))),
  '/bad-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all')),
  '/compress': (_req, res) => res.writeHead(200, { 'content-encoding': 'compress' }).end('x'),
  '/slow-head': answerLater(5000, (res) => res.end(PAGE)),
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>');
    const timer = setInterval(() => res.write('.'), 100);
    res.on('close', () => clearInterval(timer));
  },
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    bigPageSent = streamLargeBody(res, 50 * MB, Buffer.alloc(64 * 1024, '<p>filler</p>')).sent;
  },
  '/huge-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * MB) });
    streamLargeBody(res, 50 * MB, Buffer.alloc(64 * 1024, 'a'));
  },
  // 5 MB of zeros gzip to about 5 KB: the cap applies to what comes out of the decoder.
  '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5 * MB))),
  '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_req, res) => res.writeHead(301, { location: server.url('/loop-a') }).end(),
  '/self': (_req, res) => res.writeHead(307, { location: '/self' }).end(),
  '/hop1': (_req, res) => res.writeHead(301, { location: '/hop2' }).end(),
  '/hop2': (_req, res) => res.writeHead(302, { location: 'hop3?x=1' }).end(),
  '/hop3': (_req, res) => res.writeHead(303, { location: '/page' }).end(),
  '/to-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://127.0.0.1/file' }).end(),
  '/conditional': (req, res) => {
    const etag = '"v7"';
    const modified = 'Tue, 05 Mar 2024 10:00:00 GMT';
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === modified) return res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'text/html', etag, 'last-modified': modified }).end(PAGE);
  },
  '/gone': (_req, res) => res.writeHead(410, 'Gone').end(),
  '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end(),
  '/drop': (req) => req.socket.destroy(),
});
for (let i = 0; i < 8; i++) server.route(`/chain${i}`, (_req, res) => res.writeHead(302, { location: `/chain${i + 1}` }).end());
server.route('/chain8', (_req, res) => res.end('end of the chain'));

// A TCP server that accepts and never speaks: a TLS handshake with it never completes.
const mute: Server = createServer(() => {});
await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
const mutePort = (mute.address() as AddressInfo).port;
after(async () => {
  await server.close();
  await new Promise((resolve) => mute.close(resolve));
});

/** Fails with a FetchError of this kind, whose one-line message names the URL and says `says`. */
async function failsWith(promise: Promise<unknown>, failure: FetchFailure, says: RegExp): Promise<FetchError> {
  let caught: unknown = null;
  await promise.catch((error: unknown) => (caught = error));
  assert.ok(caught instanceof FetchError, `expected a FetchError, got ${String(caught)}`);
  assert.equal(caught.failure, failure, caught.message);
  assert.equal(caught.code, 'E_FETCH');
  assert.match(caught.toLine(), says);
  assert.ok(!caught.toLine().includes('\n'), 'one line');
  return caught;
}

function recorder(): FetchLog & { lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> } {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: object, message: string) => void lines.push({ level, fields: fields as Record<string, unknown>, message });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn') };
}

test('a page: body, content type, User-Agent and Accept-Encoding sent, one info log line', async () => {
  const log = recorder();
  const result = await fetchUrl(server.url('/page'), { log });
  assert.equal(result.status, 200);
  assert.equal(result.body.toString(), PAGE);
  assert.equal(result.contentType, 'text/html; charset=utf-8');
  assert.equal(result.url, server.url('/page'));
  assert.deepEqual(result.redirects, []);
  const sent = server.requests.findLast((r) => r.path === '/page')!.headers;
  assert.match(sent['user-agent']!, /^sitrep\/\d+\.\d+\.\d+/);
  assert.equal(sent['accept-encoding'], 'gzip, deflate, br');
  assert.deepEqual(log.lines.map((l) => [l.level, l.message]), [['info', 'fetched']]);
  assert.equal(log.lines[0]!.fields.bytes, PAGE.length);
});

test('gzip, Brotli, deflate (zlib or raw) and stacked encodings are decoded', async () => {
  for (const path of ['/gzip', '/br', '/deflate', '/deflate-raw', '/gzip-then-br']) {
    assert.equal((await fetchUrl(server.url(path))).body.toString(), PAGE, path);
  }
  await failsWith(fetchUrl(server.url('/bad-gzip')), 'decoding', /\/bad-gzip: body is not valid gzip/);
  await failsWith(fetchUrl(server.url('/compress')), 'decoding', /unsupported Content-Encoding "compress"/);
});

test('a server slower than the timeout: headers or body', async () => {
  const started = Date.now();
  await failsWith(fetchUrl(server.url('/slow-head'), { timeoutMs: 300 }), 'timeout', /\/slow-head: timed out after 0\.3 s$/);
  await failsWith(fetchUrl(server.url('/slow-body'), { timeoutMs: 400 }), 'timeout', /\/slow-body: timed out after 0\.4 s$/);
  assert.ok(Date.now() - started < 3000, 'gives up on time');
});

test('a connection that never completes (a TLS handshake nobody answers) hits the connect timeout', async () => {
  await failsWith(fetchUrl(`https://127.0.0.1:${mutePort}/`, { connectTimeoutMs: 200, timeoutMs: 5000 }), 'connect-timeout', /no connection to 127\.0\.0\.1:\d+ within 0\.2 s/);
});

test('a 50 MB page is cut off at the cap while streaming; a declared length over the cap is refused unread', async () => {
  const log = recorder();
  await failsWith(fetchUrl(server.url('/huge'), { maxBytes: MB, log }), 'too-large', /\/huge: larger than the 1 MB size cap; download stopped$/);
  // The server stops soon after the client hangs up: far less than 50 MB ever went out.
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(bigPageSent() < 20 * MB, `sent ${bigPageSent()} bytes`);
  assert.deepEqual(log.lines.map((l) => [l.level, l.message, l.fields.failure]), [['warn', 'fetch failed', 'too-large']]);
  await failsWith(fetchUrl(server.url('/huge-declared'), { maxBytes: MB }), 'too-large', /larger than the 1 MB size cap/);
  await failsWith(fetchUrl(server.url('/gzip-bomb'), { maxBytes: MB }), 'too-large', /larger than the 1 MB size cap/);
  assert.equal((await fetchUrl(server.url('/gzip-bomb'), { maxBytes: 6 * MB })).body.length, 5 * MB);
});

test('redirects: followed (relative too), counted, capped; loops caught', async () => {
  const hops = await fetchUrl(server.url('/hop1'));
  assert.equal(hops.body.toString(), PAGE);
  assert.equal(hops.url, server.url('/page'));
  assert.deepEqual(hops.redirects, [server.url('/hop2'), server.url('/hop3?x=1'), server.url('/page')]);
  await failsWith(fetchUrl(server.url('/loop-a')), 'redirect-loop', /\/loop-a: redirect loop: back to .*\/loop-a after 2 redirect\(s\)/);
  await failsWith(fetchUrl(server.url('/self')), 'redirect-loop', /redirect loop/);
  await failsWith(fetchUrl(server.url('/chain0'), { maxRedirects: 5 }), 'too-many-redirects', /more than 5 redirects \(the last to .*\/chain6\)/);
  assert.equal((await fetchUrl(server.url('/chain0'), { maxRedirects: 8 })).body.toString(), 'end of the chain');
  await failsWith(fetchUrl(server.url('/to-ftp')), 'bad-url', /redirected to "ftp:.*", not an http\(s\) URL/);
});

test('conditional GET: validators out, 304 back with an empty body', async () => {
  const first = await fetchUrl(server.url('/conditional'));
  assert.equal(first.status, 200);
  assert.equal(first.etag, '"v7"');
  assert.equal(first.lastModified, 'Tue, 05 Mar 2024 10:00:00 GMT');
  const log = recorder();
  const again = await fetchUrl(server.url('/conditional'), { etag: first.etag, log });
  assert.equal(again.status, 304);
  assert.equal(again.notModified, true);
  assert.equal(again.body.length, 0);
  assert.equal(again.etag, '"v7"');
  assert.equal(server.requests.findLast((r) => r.path === '/conditional')!.headers['if-none-match'], '"v7"');
  assert.deepEqual(log.lines.map((l) => l.message), ['not modified']);
  const byDate = await fetchUrl(server.url('/conditional'), { lastModified: first.lastModified });
  assert.equal(byDate.status, 304);
  assert.equal(byDate.lastModified, first.lastModified, 'the validator sent is kept when the 304 repeats none');
  // A changed resource (another ETag) is sent whole.
  assert.equal((await fetchUrl(server.url('/conditional'), { etag: '"v6"' })).status, 200);
});

test('HTTP errors, refused and dropped connections, bad URLs and cancellation are one-line failures', async () => {
  await failsWith(fetchUrl(server.url('/nowhere')), 'http-status', /\/nowhere: HTTP 404 Not Found$/);
  await failsWith(fetchUrl(server.url('/gone')), 'http-status', /HTTP 410 Gone$/);
  const busy = await failsWith(fetchUrl(server.url('/busy')), 'http-status', /HTTP 503/);
  assert.equal(busy.status, 503);
  assert.equal(busy.retryAfterMs, 120_000);
  await failsWith(fetchUrl(server.url('/drop')), 'network', /\/drop: /);
  // A port nothing listens on: the mute server's port after it is known to be free is racy, so
  // ask for port 1, which an unprivileged test never has a listener on.
  await failsWith(fetchUrl('http://127.0.0.1:1/'), 'network', /127\.0\.0\.1:1\/: connection refused$/);
  await failsWith(fetchUrl('ftp://127.0.0.1/file'), 'bad-url', /not an http:\/\/ or https:\/\/ URL/);
  await failsWith(fetchUrl('not a url'), 'bad-url', /^not a url: not an http/);
  const controller = new AbortController();
  const pending = fetchUrl(server.url('/slow-head'), { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await failsWith(pending, 'aborted', /slow-head: cancelled$/);
});

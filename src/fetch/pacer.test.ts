import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostPacer } from './index.js';

/**
 * A pacer on a fake clock: every sleep is recorded and, when `sleepsAdvance`, moves the clock on
 * (a sequence of waits); otherwise the clock stands still (waits started at the same moment).
 */
function fakePacer(delayMs: number, sleepsAdvance = true): { pacer: HostPacer; slept: number[]; advance: (ms: number) => void } {
  let now = 1_000_000;
  const slept: number[] = [];
  const pacer = new HostPacer(delayMs, () => now, async (ms) => {
    slept.push(ms);
    if (sleepsAdvance) now += ms;
  });
  return { pacer, slept, advance: (ms) => void (now += ms) };
}

test('the same host waits the delay between request starts; other hosts do not wait', async () => {
  const { pacer, slept, advance } = fakePacer(1000);
  await pacer.wait('http://news.example/a');
  await pacer.wait('http://other.example/a');
  await pacer.wait('http://news.example/b');
  assert.deepEqual(slept, [1000]);
  advance(400);
  await pacer.wait('https://NEWS.example/c');
  assert.deepEqual(slept, [1000, 600], 'host names compare without case; 400 ms already passed');
  advance(5000);
  await pacer.wait('http://news.example/d');
  assert.deepEqual(slept, [1000, 600], 'no wait once the delay has passed');
  // Port numbers make different hosts.
  await pacer.wait('http://127.0.0.1:8001/');
  await pacer.wait('http://127.0.0.1:8002/');
  assert.deepEqual(slept, [1000, 600]);
  // What is no URL waits for nothing: the fetcher says what is wrong with it.
  await pacer.wait('not a url');
  await pacer.wait('not a url');
  assert.deepEqual(slept, [1000, 600]);
});

test('requests started together queue one delay apart', async () => {
  const { pacer, slept } = fakePacer(250, false);
  await Promise.all([pacer.wait('http://a.example/1'), pacer.wait('http://a.example/2'), pacer.wait('http://a.example/3')]);
  assert.deepEqual(slept, [250, 500]);
});

test('a real sleep can be cancelled', async () => {
  const pacer = new HostPacer(10_000);
  await pacer.wait('http://slow.example/');
  const controller = new AbortController();
  const waiting = pacer.wait('http://slow.example/', controller.signal);
  controller.abort(new Error('shutting down'));
  await assert.rejects(waiting, /shutting down/);
});

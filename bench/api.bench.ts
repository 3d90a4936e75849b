/**
 * API throughput (part of the store benchmark): `sitrep serve` in its own process over the
 * generated store, loaded on loopback by autocannon with `GET /events?country=…&from=…`, the
 * country and start date varying from request to request.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Row } from './table.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Targets {
  apiRequestsPerSecond: number;
  apiP99Ms: number;
}

/** Starts `sitrep serve` on a free port and resolves with its base URL. */
export function startServer(db: string): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolveStart, reject) => {
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const match = /on (http:\/\/\S+) /.exec(stderr);
      if (match) resolveStart({ url: match[1]!, pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`sitrep serve exited (${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`)));
  });
}

export async function apiThroughput(db: string, countries: readonly string[], targets: Targets, seconds = 10): Promise<Row[]> {
  const server = await startServer(db);
  try {
    let n = 0;
    const path = (): string => {
      n++;
      const day = new Date(Date.UTC(2019, 0, 1) + ((n * 97) % 2000) * 86_400_000).toISOString().slice(0, 10);
      return `/events?country=${countries[n % countries.length]}&from=${day}`;
    };
    const run = (duration: number) =>
      autocannon({ url: server.url, connections: 16, pipelining: 1, duration, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }] });
    await run(2); // warm-up: JIT, page cache
    const result = await run(seconds);
    const rate = result.requests.average;
    const p99 = result.latency.p99;
    const failures = result.non2xx + result.errors + result.timeouts;
    return [
      {
        metric: `API: GET /events?country=…&from=… (16 connections, ${seconds} s), requests/s`,
        value: `${rate.toFixed(0)} req/s`,
        target: `>= ${targets.apiRequestsPerSecond} req/s`,
        pass: rate >= targets.apiRequestsPerSecond && failures === 0,
      },
      { metric: 'API: latency p50 / p99', value: `${result.latency.p50} / ${p99} ms`, target: `p99 <= ${targets.apiP99Ms} ms`, pass: p99 <= targets.apiP99Ms },
      { metric: 'API: non-2xx / errors / timeouts', value: `${result.non2xx} / ${result.errors} / ${result.timeouts}`, target: '0', pass: failures === 0 },
    ];
  } finally {
    server.stop();
  }
}

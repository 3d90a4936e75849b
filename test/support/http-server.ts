/**
 * A local HTTP server for tests of downloading (pages now, feeds later): node:http on 127.0.0.1
 * at a random port, one handler per path, and a record of every request. Nothing here ever
 * leaves the loopback interface.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface TestServer {
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Adds or replaces a handler while the server runs. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const handlers = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers, at: Date.now() });
    const handler = handlers.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => void handlers.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Streams `total` bytes of a repeated chunk, waiting for the client to drain each write, and
 * stops when the client goes away: a huge page that is never held in memory. `sent` reports how
 * much went out.
 */
export function streamLargeBody(res: ServerResponse, total: number, chunk: Buffer): { sent: () => number } {
  let sent = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const pump = (): void => {
    while (!closed && sent < total) {
      const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
      sent += piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
  return { sent: () => sent };
}

/** Answers after `ms` (or never, if the client gives up first: the timer is cleared then). */
export function answerLater(ms: number, answer: (res: ServerResponse) => void): Handler {
  return (_req, res) => {
    const timer = setTimeout(() => answer(res), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

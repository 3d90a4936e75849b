/**
 * `sitrep serve`: the HTTP API (src/api/app.ts) on a port, over the store. It listens on the
 * loopback interface unless told otherwise, and closes the store cleanly on SIGINT or SIGTERM.
 */
import { buildApp } from '../api/app.js';
import { defaultWebRoot } from '../api/web.js';
import { Corpus } from '../corpus.js';
import { SitrepError } from '../errors.js';
import type { Extractor } from '../extract.js';
import type { Io } from './extract-command.js';
import { describeStore, openCommandStore } from './store-access.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
  /** Reads need a token too (or SITREP_PROTECT_READS=1). */
  protectReads?: boolean;
}

export const DEFAULT_PORT = 8080;

function portOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new SitrepError('E_BAD_ARGUMENT', `--port "${value}" is not a port number (0-65535)`);
  return n;
}

/** Resolves with the exit status once the server has been told to stop. */
export async function runServe(opts: ServeOptions, io: Io, makeExtractor: () => Extractor): Promise<number> {
  const port = portOf(opts.port);
  const host = opts.host ?? '127.0.0.1';
  const store = await openCommandStore(opts.db);
  const protectReads = opts.protectReads === true || process.env.SITREP_PROTECT_READS === '1';
  const webRoot = defaultWebRoot();
  const extractor = makeExtractor();
  const app = await buildApp({ store, corpus: new Corpus(store, extractor), logError: io.err, protectReads, webRoot, gazetteer: extractor.resources.gazetteer });
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is in use' : code === 'EACCES' ? 'needs privileges' : `cannot be opened (${(error as Error).message})`;
    throw new SitrepError('E_READ', `port ${port} on ${host} ${why}`, 'choose another with --port');
  }
  const address = app.server.address();
  const url = address && typeof address === 'object' ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : `port ${port}`;
  const web = webRoot ? `the workbench at ${url}/` : 'no workbench: run npm run build';
  io.err(`sitrep: serving ${describeStore(store)} on ${url} (${web}; GET /openapi.json describes the API${protectReads ? '; reads need a token' : ''}; Ctrl-C stops)`);
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void app.close().then(() => store.close()).then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

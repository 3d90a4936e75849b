/**
 * `sitrep token create NAME`: a bearer token for the API's write endpoints. The token is
 * printed once, on standard output; the store keeps only its hash, so a lost token is replaced
 * by creating another.
 */
import { openCommandStore } from './store-access.js';
import type { Io } from './extract-command.js';

export interface TokenOptions {
  db?: string;
}

export async function runTokenCreate(name: string, opts: TokenOptions, io: Io): Promise<number> {
  const store = await openCommandStore(opts.db);
  try {
    const { token } = await store.createToken(name);
    io.out(token);
    io.err(`sitrep: token "${name}" created in ${store.location}; it is shown only this once (send it as Authorization: Bearer <token>)`);
  } finally {
    await store.close();
  }
  return 0;
}

/**
 * The workbench (src/web, built by `npm run build` into dist/web) served at /. Its pages get a
 * content security policy that allows only this server: no script, style, font or image from
 * anywhere else, and no inline script, so that nothing in an article the page shows can run
 * even if it slipped past the rendering (which treats article text as text only).
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

/** The built web app beside the compiled sources: dist/web from both src/api and dist/api. */
export function defaultWebRoot(): string | null {
  const root = new URL('../../dist/web/', import.meta.url).pathname;
  return existsSync(join(root, 'index.html')) ? root : null;
}

export async function serveWeb(fastify: FastifyInstance, root: string): Promise<void> {
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per built file, registered at start: the API's routes and 404s stay as they are.
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply) => {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
    },
  });
}

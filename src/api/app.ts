/**
 * The HTTP API over the store (fastify, requests validated by zod schemas):
 *
 *   GET  /events            filters as in `sitrep events`, cursor pagination → {events, next}
 *   GET  /events/:id        the record, its reporting documents and why each mention joined
 *   GET  /documents/:id     a stored document with its text
 *   POST /documents         one batch document or a list (JSON, or JSON lines) → per-document outcomes
 *   GET  /export.csv        ACLED's columns, streamed
 *   GET  /export.geojson    a FeatureCollection, streamed
 *   POST /events/:id/review a reviewer's decision (confirm, edit, reject, merge, split)
 *   GET  /events/:id/audit  the event's audit log
 *   GET  /events/cells      events counted in a grid for the map (clusters)
 *   GET  /events/days       events per day and type for the timeline
 *   GET  /geo/admin1        admin-1 outlines of the store's countries (GeoJSON) for the map
 *   GET  /places            gazetteer search for the review panel's place field
 *   GET  /openapi.json      generated from the schemas
 *   GET  /                  the workbench (the built web app), when it is built
 *
 * Writes need `Authorization: Bearer <token>` (`sitrep token create`); reads need one too when
 * the server protects reads. Every error is `{statusCode, error, message}` with one line of
 * message and never a stack trace.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Corpus } from '../corpus.js';
import { SitrepError } from '../errors.js';
import { loadGazetteer, type Gazetteer } from '../geo/index.js';
import { toBatchItem } from '../ingest/batch.js';
import { createWriter, type Format } from '../record/writers.js';
import { toEventQuery } from '../store/filters.js';
import { eventPages } from '../store/pages.js';
import type { EventQuery, Store } from '../store/types.js';
import { createErrorHandler, errorBody } from './errors.js';
import { geoRoutes } from './geo-routes.js';
import { mapRoutes } from './map-routes.js';
import { reviewRoutes } from './review-routes.js';
import { serveWeb } from './web.js';
import { openapiDocument, type RouteDoc } from './openapi.js';
import {
  DocumentSchema, DocumentsBody, ErrorSchema, EventDetailSchema, EventPageSchema, EventsQuery, ExportQuery, IdParams, IngestResponseSchema,
} from './schemas.js';
import { documentView, eventView, failureView, outcomeView } from './views.js';

export interface AppOptions {
  store: Store;
  /** Ingests POSTed documents; without it POST /documents answers 503. */
  corpus?: Corpus | null;
  /** Largest request body in bytes (default 10 MB, as for files); larger ones get 413. */
  bodyLimit?: number;
  /** Where internal errors are reported (they never reach the client); default standard error. */
  logError?: (line: string) => void;
  /** Reads need a token too (default: open, as writes are not). */
  protectReads?: boolean;
  /** The folder of the built web app served at / (none: no workbench, only the API). */
  webRoot?: string | null;
  /** The gazetteer GET /places searches (the extractor's, when there is one); default: loaded on first use. */
  gazetteer?: Gazetteer;
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
const DEFAULT_PAGE = 100;

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const E400 = { description: 'a bad parameter or body, named in the message', schema: ErrorSchema };
const E404 = { description: 'no such id', schema: ErrorSchema };

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const corpus = options.corpus ?? null;
  const logError = options.logError ?? ((line: string) => process.stderr.write(line + '\n'));
  const fastify = Fastify({ bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: false, routerOptions: { maxParamLength: 200 } });
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  fastify.setErrorHandler(
    createErrorHandler((error, request) => {
      logError(`sitrep serve: internal error on ${request.method} ${request.url}: ${error.message}`);
      if (process.env.SITREP_DEBUG) logError(String(error.stack));
    }),
  );
  fastify.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(404, `no route ${request.method} ${request.url.split('?')[0]}`)));

  // A JSONL batch as the body: each line one document, as `sitrep ingest` reads them.
  fastify.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => {
    const items: unknown[] = [];
    const lines = String(body).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      try {
        items.push(JSON.parse(line));
      } catch {
        done(new SitrepError('E_BAD_BATCH', `line ${i + 1} of the body is not JSON`), undefined);
        return;
      }
    }
    done(null, items);
  });

  const routes: RouteOptions[] = [];
  fastify.addHook('onRoute', (route) => {
    routes.push(route);
  });

  // The name of the token each request was let in with: the reviewer of a review.
  const tokenNames = new WeakMap<FastifyRequest, string>();
  const requireToken = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer +(\S{1,200})$/i.exec(header.trim()) : null;
    const name = match ? await store.verifyToken(match[1]!) : null;
    if (name) {
      tokenNames.set(request, name);
      return undefined;
    }
    const message = header === undefined
      ? 'this needs a bearer token: send "Authorization: Bearer <token>" (create one with sitrep token create NAME)'
      : 'the bearer token is not valid';
    return reply.code(401).header('www-authenticate', 'Bearer realm="sitrep"').send(errorBody(401, message));
  };

  const readHooks = options.protectReads ? { onRequest: requireToken } : {};
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/events', {
    ...readHooks,
    schema: { querystring: EventsQuery },
    config: {
      doc: {
        summary: 'Events matching the filters, newest first, a page at a time',
        responses: { 200: { description: 'a page of events and the cursor of the next', schema: EventPageSchema }, 400: E400 },
      } satisfies RouteDoc,
    },
  }, async (request, reply) => {
    const { cursor, limit, ...filters } = request.query;
    const page = await store.findEvents({ ...toEventQuery(filters), cursor: cursor ?? null, limit: limit ?? DEFAULT_PAGE, asJson: true });
    // The records are sent as the store keeps them (contract JSON written by src/record), not
    // parsed and serialised again: the page is most of the work of the busiest route.
    return reply
      .type('application/json; charset=utf-8')
      .send(`{"events":[${(page.json ?? []).join(',')}],"next":${JSON.stringify(page.next)}}`);
  });

  app.get('/events/:id', {
    ...readHooks,
    schema: { params: IdParams },
    config: {
      doc: {
        summary: 'One event: its record, the documents that report it and why each mention joined it',
        responses: { 200: { description: 'the event', schema: EventDetailSchema }, 404: E404 },
      } satisfies RouteDoc,
    },
  }, async (request, reply) => {
    const stored = await store.getEvent(request.params.id);
    if (!stored) return reply.code(404).send(errorBody(404, `no event "${request.params.id}"`));
    return eventView(stored);
  });

  app.get('/documents/:id', {
    ...readHooks,
    schema: { params: IdParams },
    config: {
      doc: {
        summary: 'One stored document, with its text and the events it reports',
        responses: { 200: { description: 'the document', schema: DocumentSchema }, 404: E404 },
      } satisfies RouteDoc,
    },
  }, async (request, reply) => {
    const doc = await store.getDocument(request.params.id);
    if (!doc) return reply.code(404).send(errorBody(404, `no document "${request.params.id}"`));
    return documentView(doc);
  });

  app.post('/documents', {
    onRequest: requireToken,
    schema: { body: DocumentsBody },
    config: {
      doc: {
        summary: 'Ingest one document or a batch (the shape of a JSONL batch line); events merge across documents',
        auth: true,
        alsoAccepts: { 'application/x-ndjson': 'JSON lines: one document per line, each as in application/json' },
        responses: {
          200: { description: 'what became of each document, in request order', schema: IngestResponseSchema },
          400: E400,
          401: { description: 'no token, or not a valid one', schema: ErrorSchema },
          413: { description: 'the body is over the size limit', schema: ErrorSchema },
        },
      } satisfies RouteDoc,
    },
  }, async (request, reply) => {
    if (!corpus) return reply.code(503).send(errorBody(503, 'this server does not ingest documents'));
    const raw = request.body as unknown;
    const items: unknown[] = Array.isArray(raw) ? raw : [raw];
    const outcomes = [];
    for (const [index, value] of items.entries()) {
      const given = (value as { id?: unknown }).id;
      const id = given === undefined ? null : String(given);
      try {
        const item = toBatchItem(value, `document ${index}`);
        const outcome = await corpus.ingest({
          article: item.article,
          meta: {
            name: item.externalId ?? item.url ?? item.title ?? `POST /documents #${index}`,
            externalId: item.externalId, url: item.url, title: item.title,
            published: item.published ?? undefined, source: item.source ?? undefined,
          },
        });
        outcomes.push(outcomeView(index, id, outcome));
      } catch (error) {
        // One bad document is reported and skipped; the rest of the batch goes on.
        if (!(error instanceof SitrepError)) logError(`sitrep serve: document ${index} failed: ${(error as Error).message}`);
        outcomes.push(failureView(index, id, error instanceof SitrepError ? error.toLine() : 'internal error while ingesting this document'));
      }
    }
    return { documents: outcomes };
  });

  const exportRoute = (url: string, format: Format, type: string, summary: string): void => {
    app.get(url, {
      ...readHooks,
      schema: { querystring: ExportQuery },
      config: { doc: { summary, responses: { 200: { description: summary, content: { [type]: z.string() } }, 400: E400 } } satisfies RouteDoc },
    }, async (request, reply) => {
      const query = { ...toEventQuery(request.query), withInter: format === 'csv' };
      reply.header('content-type', `${type}; charset=utf-8`);
      reply.header('content-disposition', `attachment; filename="sitrep-events.${format}"`);
      return reply.send(Readable.from(exportChunks(store, query, format)));
    });
  };
  exportRoute('/export.csv', 'csv', 'text/csv', 'Every matching event in ACLED\'s CSV columns and order, streamed');
  exportRoute('/export.geojson', 'geojson', 'application/geo+json', 'Every matching event as a GeoJSON FeatureCollection, streamed');

  reviewRoutes(fastify, { store, requireToken, readHooks, reviewerOf: (request) => tokenNames.get(request) ?? 'unknown' });
  mapRoutes(fastify, store, readHooks);
  let gazetteer = options.gazetteer ?? null;
  geoRoutes(fastify, { store, readHooks, gazetteer: () => (gazetteer ??= loadGazetteer()) });
  if (options.webRoot) await serveWeb(fastify, options.webRoot);

  let openapi: object | null = null;
  app.get('/openapi.json', async () => (openapi ??= openapiDocument(routes, { title: 'sitrep', version })));

  await app.ready();
  return app;
}

/** The export a page at a time: the writer's lines for each page become one chunk. */
async function* exportChunks(store: Store, query: EventQuery, format: Format): AsyncGenerator<string> {
  let lines: string[] = [];
  const writer = createWriter(format, (line) => lines.push(line));
  const flush = (): string => {
    const chunk = lines.length ? lines.join('\n') + '\n' : '';
    lines = [];
    return chunk;
  };
  for await (const page of eventPages(store, query)) {
    writer.write(page.events, page.inter ?? []);
    const chunk = flush();
    if (chunk) yield chunk;
  }
  writer.end();
  const last = flush();
  if (last) yield last;
}

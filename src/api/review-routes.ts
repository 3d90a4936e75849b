/**
 * The review routes: a reviewer's decision on an event (POST /events/:id/review, needs a
 * token, whose name is recorded as the reviewer) and an event's audit log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../store/types.js';
import type { ReviewEdits } from '../types.js';
import { errorBody } from './errors.js';
import type { RouteDoc } from './openapi.js';
import { AuditSchema, ErrorSchema, IdParams, ReviewBody, ReviewResponseSchema } from './schemas.js';
import { auditView, eventView } from './views.js';

export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

export interface ReviewRouteOptions {
  store: Store;
  /** Refuses a request without a valid token; the token's name is then `reviewerOf(request)`. */
  requireToken: Guard;
  reviewerOf: (request: FastifyRequest) => string;
  /** Hooks of every read route (a token check when reads are protected). */
  readHooks: { onRequest?: Guard };
}

const E400 = { description: 'a bad body, or a request that does not fit the event', schema: ErrorSchema };
const E401 = { description: 'no token, or not a valid one', schema: ErrorSchema };
const E404 = { description: 'no such event', schema: ErrorSchema };

export function reviewRoutes(fastify: FastifyInstance, o: ReviewRouteOptions): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/events/:id/review', {
    onRequest: o.requireToken,
    schema: { params: IdParams, body: ReviewBody },
    config: {
      doc: {
        summary: 'Review an event: confirm, edit fields, reject, merge another event into it, or split a report off it',
        auth: true,
        responses: { 200: { description: 'the event after the review', schema: ReviewResponseSchema }, 400: E400, 401: E401, 404: E404 },
      } satisfies RouteDoc,
    },
  }, async (request, reply) => {
    const body = request.body;
    const request_ = body.action === 'edit' ? { ...body, edits: body.edits as ReviewEdits } : body;
    const outcome = await o.store.review(request.params.id, request_, o.reviewerOf(request));
    if (!outcome) return reply.code(404).send(errorBody(404, `no event "${request.params.id}"`));
    return { event: eventView(outcome.event), created: outcome.created };
  });

  app.get('/events/:id/audit', {
    ...o.readHooks,
    schema: { params: IdParams },
    config: {
      doc: {
        summary: "An event's audit log: every review, oldest first, with the record before and after (also for an event merged away)",
        responses: { 200: { description: 'the audit log', schema: AuditSchema } },
      } satisfies RouteDoc,
    },
  }, async (request) => ({ entries: (await o.store.audit(request.params.id)).map(auditView) }));
}

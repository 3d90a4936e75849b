/**
 * What the workbench's map and timeline read: events counted in a grid whose cells shrink as
 * the map zooms in (server-side clustering), and events counted per day and type. Both take
 * the filters of GET /events, so the map, the timeline and the list always agree.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toEventQuery } from '../store/filters.js';
import type { Store } from '../store/types.js';
import type { RouteDoc } from './openapi.js';
import type { Guard } from './review-routes.js';
import { binDays, bucketFor } from './day-bins.js';
import { CellsQuery, CellsSchema, DaysQuery, DaysSchema, ErrorSchema } from './schemas.js';

const E400 = { description: 'a bad parameter, named in the message', schema: ErrorSchema };

/** Cell size in degrees at a zoom level: 16° at zoom 0, halving at each level (about 40 px on screen). */
export const cellDegrees = (zoom: number): number => 16 / 2 ** zoom;

export function mapRoutes(fastify: FastifyInstance, store: Store, readHooks: { onRequest?: Guard }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/events/cells', {
    ...readHooks,
    schema: { querystring: CellsQuery },
    config: {
      doc: {
        summary: 'The matching events counted in a grid for a map at a zoom level (clusters), with their centres, tolls and types',
        responses: { 200: { description: 'the grid cells that hold events', schema: CellsSchema }, 400: E400 },
      } satisfies RouteDoc,
    },
  }, async (request) => {
    const { zoom, ...filters } = request.query;
    const size = cellDegrees(zoom ?? 2);
    const cells = await store.cells(toEventQuery(filters), size);
    return {
      cell_degrees: size,
      total: cells.reduce((n, c) => n + c.count, 0),
      cells: cells.map(({ byType, ...c }) => ({ ...c, by_type: byType })),
    };
  });

  app.get('/events/days', {
    ...readHooks,
    schema: { querystring: DaysQuery },
    config: {
      doc: {
        summary: 'The matching events per day and event type, oldest first (the timeline); per week or month when the days outnumber `bins`',
        responses: { 200: { description: 'counts per day (or week, or month) and type', schema: DaysSchema }, 400: E400 },
      } satisfies RouteDoc,
    },
  }, async (request) => {
    const { bins, ...filters } = request.query;
    const days = await store.days(toEventQuery(filters));
    const bucket = bucketFor(days, bins);
    return { bucket, days: binDays(days, bucket) };
  });
}

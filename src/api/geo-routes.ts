/**
 * Geography for the workbench: the admin-1 outlines the map draws under the events (built from
 * Natural Earth into data/geo/outlines by scripts/build-outlines.ts), and a gazetteer search
 * for the review panel's place field, so that a reviewer picks a real place (with its divisions,
 * coordinates and precision) instead of typing coordinates.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath, readDataJson } from '../data.js';
import type { Gazetteer } from '../geo/index.js';
import { errorBody } from './errors.js';
import type { Store } from '../store/types.js';
import type { Place } from '../types.js';
import type { RouteDoc } from './openapi.js';
import type { Guard } from './review-routes.js';
import { ErrorSchema, OutlinesQuery, PlacesQuery, PlacesSchema, type PlaceResult } from './schemas.js';

const E400 = { description: 'a bad parameter, named in the message', schema: ErrorSchema };

export interface GeoRouteOptions {
  store: Store;
  /** The gazetteer, loaded on the first search (about a quarter of a second). */
  gazetteer: () => Gazetteer;
  readHooks: { onRequest?: Guard };
}

/** What kind of place a gazetteer feature code is, in words for the search results. */
function kindOf(featureCode: string): string {
  if (featureCode === 'ADM1') return 'province';
  if (featureCode === 'ADM2') return 'district';
  if (featureCode.startsWith('PCL')) return 'country';
  if (featureCode.startsWith('PPL')) return 'town';
  return 'place';
}

export function placeResult(p: Place): PlaceResult {
  return {
    location: p.name, country: p.country, iso3: p.iso3, admin1: p.admin1, admin2: p.admin2,
    latitude: p.latitude, longitude: p.longitude, geo_precision: p.precision, kind: kindOf(p.featureCode), population: p.population, id: p.id,
  };
}

/** ISO 3166 alpha-2 or alpha-3 codes (any case) as alpha-3; unknown codes are dropped. */
function iso3Codes(): (code: string) => string | null {
  let byIso2: Map<string, string> | null = null;
  return (code) => {
    const upper = code.trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(upper)) return upper;
    byIso2 ??= new Map(readDataJson<Array<{ iso2: string; iso3: string }>>('countries.json').map((c) => [c.iso2, c.iso3]));
    return byIso2.get(upper) ?? null;
  };
}

/** Each country's outline features as JSON text, read once (a country's file is 1-600 kB). */
function outlineReader(): (iso3: string) => string | null {
  const cache = new Map<string, string | null>();
  return (iso3) => {
    let text = cache.get(iso3);
    if (text === undefined) {
      const path = dataPath('geo', 'outlines', `${iso3}.geojson`);
      const parsed = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { features: unknown[] }) : null;
      text = parsed && parsed.features.length ? parsed.features.map((f) => JSON.stringify(f)).join(',') : null;
      cache.set(iso3, text);
    }
    return text;
  };
}

export function geoRoutes(fastify: FastifyInstance, o: GeoRouteOptions): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const toIso3 = iso3Codes();
  const outlines = outlineReader();

  app.get('/geo/admin1', {
    ...o.readHooks,
    schema: { querystring: OutlinesQuery },
    config: {
      doc: {
        summary: 'First-level divisions (Natural Earth, simplified) of the given countries, or of every country the store holds events in, as GeoJSON',
        responses: { 200: { description: 'a FeatureCollection; each feature has name, admin1 (as records spell it), code (ISO 3166-2) and iso3', content: { 'application/geo+json': z.string() } }, 400: E400 },
      } satisfies RouteDoc,
    },
  }, async (request, reply) => {
    const asked = request.query.country;
    const codes = asked
      ? asked.split(',').map(toIso3).filter((c): c is string => c !== null)
      : (await o.store.countries({ review: 'all' })).map((c) => c.iso3);
    const parts = [...new Set(codes)].map(outlines).filter((t): t is string => t !== null);
    return reply.type('application/geo+json; charset=utf-8').send(`{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
  });

  app.get('/places', {
    ...o.readHooks,
    schema: { querystring: PlacesQuery },
    config: {
      doc: {
        summary: 'Places of the gazetteer a name may refer to, most likely first: towns, districts, provinces and countries, in any spelling it knows (Deraa, Dar\'a, Daraa)',
        responses: { 200: { description: 'the places, each as a review edit\'s place takes it', schema: PlacesSchema }, 400: E400 },
      } satisfies RouteDoc,
    },
  }, async (request, reply) => {
    const { q, country, limit } = request.query;
    const iso3 = country ? toIso3(country) : undefined;
    if (iso3 === null) return reply.code(400).send(errorBody(400, `country "${country}" is not an ISO 3166 country code`));
    const places = o.gazetteer().lookup(q, iso3);
    const seen = new Set<string>();
    const unique = places.filter((p) => !seen.has(p.id) && seen.add(p.id));
    return { places: unique.slice(0, limit ?? 10).map(placeResult) };
  });
}

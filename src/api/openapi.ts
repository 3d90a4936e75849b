/**
 * The OpenAPI 3.1 document, generated from the routes as registered: each route's zod schemas
 * (query string, path parameters, body) and the response schemas it declares in its config,
 * turned into JSON Schema by the fastify zod type provider's transforms. Nothing here is
 * written by hand but the titles.
 */
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** What a route says about itself for the document (kept in the route's `config`). */
export interface RouteDoc {
  summary: string;
  /** Needs `Authorization: Bearer <token>`. */
  auth?: boolean;
  /** Status code → description and schema (JSON) or content type → schema. */
  responses: Record<number, { description: string; schema?: z.ZodType; content?: Record<string, z.ZodType> }>;
  /** Other request body media types accepted besides JSON (as text), with what they hold. */
  alsoAccepts?: Record<string, string>;
}

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema & { description?: string }>; required?: string[]; [k: string]: unknown };

interface Transformed {
  querystring?: JsonSchema;
  params?: JsonSchema;
  body?: JsonSchema;
  response?: Record<string, JsonSchema & { description?: string; content?: Record<string, { schema: JsonSchema }> }>;
}

function parameters(schema: JsonSchema | undefined, where: 'query' | 'path'): object[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || (schema.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

/** The components the paths refer to, directly or through other components. */
function referenced(paths: object, components: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const name = key === '$ref' && typeof child === 'string' ? child.replace('#/components/schemas/', '') : null;
        if (name !== null && !(name in kept) && name in components) {
          kept[name] = components[name];
          visit(components[name]);
        } else visit(child);
      }
    }
  };
  visit(paths);
  return kept;
}

export function openapiDocument(routes: readonly RouteOptions[], info: { title: string; version: string }): object {
  const openapiObject = {
    openapi: '3.1.0',
    info: { ...info, description: 'Conflict events coded in ACLED\'s taxonomy, merged across reports, with their evidence.' },
  };
  const transform = jsonSchemaTransform;
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const doc = route.config?.doc;
    if (!doc) continue;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const response: Record<number, object> = {};
    for (const [code, r] of Object.entries(doc.responses)) {
      response[Number(code)] = r.content
        ? { description: r.description, content: Object.fromEntries(Object.entries(r.content).map(([type, schema]) => [type, { schema }])) }
        : r.schema ?? {};
    }
    const { schema } = transform({
      schema: { ...(route.schema as object), response },
      url: route.url,
      route,
      openapiObject,
    } as unknown as Parameters<typeof transform>[0]) as { schema: Transformed };
    const responses: Record<string, object> = {};
    for (const [code, r] of Object.entries(doc.responses)) {
      const out = schema.response?.[code];
      responses[code] = r.content
        ? { description: r.description, content: out?.content ?? {} }
        : { description: r.description, ...(r.schema && out ? { content: { 'application/json': { schema: out } } } : {}) };
    }
    const operation = {
      summary: doc.summary,
      parameters: [...parameters(schema.params, 'path'), ...parameters(schema.querystring, 'query')],
      ...(schema.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: schema.body },
                ...Object.fromEntries(Object.entries(doc.alsoAccepts ?? {}).map(([type, description]) => [type, { schema: { type: 'string', description } }])),
              },
            },
          }
        : {}),
      ...(doc.auth ? { security: [{ bearer: [] }] } : {}),
      responses,
    };
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    for (const method of methods) (paths[path] ??= {})[method.toLowerCase()] = operation;
  }
  const withComponents = jsonSchemaTransformObject({ openapiObject } as unknown as Parameters<typeof jsonSchemaTransformObject>[0]) as {
    components?: { schemas?: object };
  };
  return {
    ...openapiObject,
    paths,
    components: {
      schemas: referenced(paths, (withComponents.components?.schemas ?? {}) as Record<string, unknown>),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `sitrep token create NAME`' } },
    },
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's part of the OpenAPI document. */
    doc?: RouteDoc;
  }
}

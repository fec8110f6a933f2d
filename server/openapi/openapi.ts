import express, { type Router } from 'express';
import { z } from 'zod';
import type { RouteDoc } from './route-spec.js';

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()).optional() }),
});

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Dates and transforms cannot always be represented: describe them as "any" rather than fail the doc.
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
}

/** `/api/investigations/:id` → `/api/investigations/{id}` */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** The OpenAPI 3.1 document, built from the same zod schemas the routes validate with. */
export function buildOpenApi(docs: RouteDoc[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) {
    const path = openApiPath(doc.path);
    const params = [...doc.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = doc.query ? queryParameters(jsonSchema(doc.query, 'input')) : [];
    const responses: Record<string, unknown> = {
      [String(doc.status)]: doc.binary
        ? { description: 'File', content: { 'application/octet-stream': {} } }
        : doc.response
          ? {
              description: 'OK',
              content: { 'application/json': { schema: jsonSchema(doc.response, 'output') } },
            }
          : { description: 'No content' },
      default: {
        description: 'Error',
        content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } },
      },
    };
    paths[path] ??= {};
    paths[path][doc.method] = {
      summary: doc.summary,
      tags: [doc.tag],
      ...(doc.access === 'public' ? { security: [] } : {}),
      ...(Array.isArray(doc.access) ? { 'x-roles': doc.access } : {}),
      parameters: [...params, ...query],
      ...(doc.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'STJ GGSR survey platform', version },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'stj.sid' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}

function queryParameters(schema: JsonSchema): unknown[] {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

export function openApiRoutes(docs: () => RouteDoc[], version: string): Router {
  const router = express.Router();
  let cached: Record<string, unknown> | undefined;
  router.get('/api/openapi.json', (_req, res) => {
    cached ??= buildOpenApi(docs(), version);
    res.json(cached);
  });
  return router;
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { route, ResponseContractError } from '../../../server/openapi/route-spec.js';

const replySchema = z.object({ count: z.number().int(), at: z.iso.datetime() });
// The cast stands for what the typecheck cannot see: a lean() record that is not what its type says.
const drifted = { count: '3', at: new Date(0) } as unknown as z.input<typeof replySchema>;

const defs = [
  route({
    method: 'get',
    path: '/good',
    summary: 'good',
    tag: 'test',
    access: 'public',
    response: replySchema,
    handler: async () => ({ count: 3, at: new Date(0).toISOString() }),
  }),
  route({
    method: 'get',
    path: '/drifted',
    summary: 'drifted',
    tag: 'test',
    access: 'public',
    response: replySchema,
    handler: async () => drifted,
  }),
];

let server: Server;
let base: string;
const caught: unknown[] = [];

beforeAll(async () => {
  const app = express();
  for (const checkResponse of [true, false]) {
    for (const def of defs) {
      app.get(`/${checkResponse ? 'checked' : 'unchecked'}${def.path}`, (req, res) =>
        def.handle(req, res, { checkResponse }),
      );
    }
  }
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    caught.push(err);
    res.status(500).json({ error: { code: 'internal_error' } });
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('response contract check (on in tests)', () => {
  it('sends a reply that matches its schema', async () => {
    const reply = await fetch(`${base}/checked/good`);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ count: 3, at: '1970-01-01T00:00:00.000Z' });
  });

  it('turns a reply that breaks its schema into a 500 naming the route and the field', async () => {
    const reply = await fetch(`${base}/checked/drifted`);
    expect(reply.status).toBe(500);
    const error = caught.at(-1);
    expect(error).toBeInstanceOf(ResponseContractError);
    expect(String((error as Error).message)).toMatch(/GET \/drifted.*count/);
  });

  it('without the check (production) sends the reply as it is', async () => {
    const reply = await fetch(`${base}/unchecked/drifted`);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ count: '3', at: '1970-01-01T00:00:00.000Z' });
  });
});

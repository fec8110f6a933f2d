// The floor under the autosave figure: a bare node:http server doing only the two database round trips one
// autosave needs (token lookup, revision compare-and-set) through the raw mongodb driver — no Express, no
// Mongoose, no validation, no logging. Whatever this serves is the most the app's stack could serve on
// this machine with the same database; it is a measuring stick, never used by the app.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';
import { hashToken } from '../server/respond/token.js';

type AutosaveBody = { data: Record<string, unknown>; currentPageNo: number; revision: number };

export async function startAutosaveFloorServer(
  connection: Connection,
): Promise<{ url: string; close: () => Promise<void> }> {
  const respondents = connection.collection('respondents');
  const responses = connection.collection('responses');

  const handle = async (req: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    const token = (req.url ?? '').split('/').at(-1) ?? '';
    const body = JSON.parse(await readBody(req)) as AutosaveBody;
    const respondent = await respondents.findOne({ tokenHash: hashToken(token) }, { projection: { _id: 1 } });
    if (!respondent) return { status: 404, body: { error: { code: 'link_invalid' } } };
    const saved = await responses.findOneAndUpdate(
      { respondent: respondent._id, revision: body.revision, status: 'concept' },
      {
        $set: { data: body.data, currentPageNo: body.currentPageNo, updatedAt: new Date() },
        $inc: { revision: 1 },
      },
      { returnDocument: 'after', projection: { revision: 1, updatedAt: 1 } },
    );
    if (!saved) {
      const current = await responses.findOne(
        { respondent: respondent._id },
        { projection: { revision: 1 } },
      );
      return { status: 409, body: { response: { revision: current?.revision ?? 0 } } };
    }
    return {
      status: 200,
      body: { revision: saved.revision, savedAt: (saved.updatedAt as Date).toISOString() },
    };
  };

  const server: Server = createServer((req, res) => {
    handle(req).then(
      ({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      },
      (err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

import { Router } from 'express';
import type { Connection } from 'mongoose';

export function healthRoutes(connection: Connection): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await connection.db?.admin().ping();
      res.json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
  return router;
}

import express, { type Router } from 'express';
import { z } from 'zod';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { AuditEntryRecord } from '../models/audit-entry.model.js';
import { mountRoutes, route, type RouteDef } from '../openapi/route-spec.js';
import { auditListSchema, type AuditEntry, type AuditList } from '../../shared/api/audit.js';

const auditQuerySchema = z.object({
  action: z
    .string()
    .regex(/^[a-z_]+$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

function toItem(entry: AuditEntryRecord): AuditEntry {
  return {
    id: entry._id.toString(),
    at: entry.at.toISOString(),
    actor: {
      type: entry.actor.type,
      ...(entry.actor.id ? { id: entry.actor.id } : {}),
      ...(entry.actor.email ? { email: entry.actor.email } : {}),
    },
    action: entry.action,
    ...(entry.target?.id ? { target: { type: entry.target.type, id: entry.target.id } } : {}),
    ...(entry.investigation ? { investigationId: entry.investigation.toString() } : {}),
    ...(entry.details ? { details: entry.details } : {}),
  };
}

export function auditRouteDefs(ctx: InspectorContext): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/api/investigations/:id/audit',
      summary: 'Audit trail of one investigation, newest first',
      tag: 'audit',
      access: ['inspecteur', 'beheerder'],
      query: auditQuerySchema,
      response: auditListSchema,
      async handler({ params, query }): Promise<AuditList> {
        const investigation = await findInvestigation(ctx, params.id ?? '');
        const entries = await ctx.models.AuditEntry.find({
          investigation: investigation._id,
          ...(query.action ? { action: query.action } : {}),
        })
          .sort({ at: -1 })
          .limit(query.limit)
          .lean<AuditEntryRecord[]>();
        return { items: entries.map(toItem) };
      },
    }),
    route({
      method: 'get',
      path: '/api/audit',
      summary: 'The whole audit log (logins, accounts, investigations), newest first',
      tag: 'audit',
      access: ['beheerder'],
      query: auditQuerySchema,
      response: auditListSchema,
      async handler({ query }): Promise<AuditList> {
        const entries = await ctx.models.AuditEntry.find(query.action ? { action: query.action } : {})
          .sort({ at: -1 })
          .limit(query.limit)
          .lean<AuditEntryRecord[]>();
        return { items: entries.map(toItem) };
      },
    }),
  ];
}

export function auditRoutes(ctx: InspectorContext): Router {
  const router = express.Router();
  mountRoutes(router, ctx, auditRouteDefs(ctx));
  return router;
}

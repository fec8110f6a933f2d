import express, { type Router } from 'express';
import mongoose from 'mongoose';
import { z } from 'zod';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { MailMessageRecord } from '../models/mail-message.model.js';
import { mountRoutes, route, type RouteDef } from '../openapi/route-spec.js';
import { outboxListSchema, type OutboxList, type OutboxMail } from '../../shared/api/outbox.js';
import { objectIdSchema } from '../../shared/api/object-id.js';

const outboxQuerySchema = z.object({
  investigation: objectIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function toItem(message: MailMessageRecord): OutboxMail {
  return {
    id: message._id.toString(),
    to: message.to,
    subject: message.subject,
    kind: message.kind,
    status: message.status,
    ...(message.error ? { error: message.error } : {}),
    createdAt: message.createdAt.toISOString(),
    ...(message.sentAt ? { sentAt: message.sentAt.toISOString() } : {}),
    ...(message.investigation ? { investigationId: message.investigation.toString() } : {}),
    ...(message.respondent ? { respondentId: message.respondent.toString() } : {}),
    text: message.text,
    html: message.html,
  };
}

export function outboxRouteDefs(ctx: InspectorContext): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/api/outbox',
      summary: 'Outgoing email ("Uitgaande e-mail"), newest first, with delivery status',
      tag: 'mail',
      access: ['inspecteur', 'beheerder'],
      query: outboxQuerySchema,
      response: outboxListSchema,
      async handler({ query, user }): Promise<OutboxList> {
        const filter: Record<string, unknown> = {};
        if (query.investigation) filter.investigation = query.investigation;
        // Password links belong to one person: only administrators see those messages.
        if (user.role !== 'beheerder')
          filter.kind = mongoose.trusted({ $nin: ['password_reset', 'account_created'] });
        const messages = await ctx.models.MailMessage.find(filter)
          .sort({ createdAt: -1 })
          .limit(query.limit)
          .lean<MailMessageRecord[]>();
        return { items: messages.map(toItem) };
      },
    }),
  ];
}

export function outboxRoutes(ctx: InspectorContext): Router {
  const router = express.Router();
  mountRoutes(router, ctx, outboxRouteDefs(ctx));
  return router;
}

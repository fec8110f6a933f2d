import { z } from 'zod';

/** The audit trail (`/api/audit`, `/api/investigations/:id/audit`), newest first. */

export const auditActorTypes = ['user', 'respondent', 'system'] as const;
export type AuditActorType = (typeof auditActorTypes)[number];

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.enum(auditActorTypes), id: z.string().optional(), email: z.string().optional() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }).optional(),
  investigationId: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });
export type AuditList = z.infer<typeof auditListSchema>;

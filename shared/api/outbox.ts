import { z } from 'zod';

/** Outgoing email ("Uitgaande e-mail", `/api/outbox`), newest first, with delivery status. */

export const mailKinds = ['invitation', 'reminder', 'receipt', 'password_reset', 'account_created'] as const;
export type MailKind = (typeof mailKinds)[number];

/** `pending`: handed to SMTP, no answer yet; `stored`: no mail server, kept in the outbox only. */
export const mailStatuses = ['pending', 'stored', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export const outboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  kind: z.enum(mailKinds),
  status: z.enum(mailStatuses),
  error: z.string().optional(),
  createdAt: z.string(),
  sentAt: z.string().optional(),
  investigationId: z.string().optional(),
  respondentId: z.string().optional(),
  text: z.string(),
  html: z.string(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

export const outboxListSchema = z.object({ items: z.array(outboxMailSchema) });
export type OutboxList = z.infer<typeof outboxListSchema>;

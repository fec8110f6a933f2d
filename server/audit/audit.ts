import type { Types } from 'mongoose';
import type { AuditEntryModel, AuditEntryRecord } from '../models/audit-entry.model.js';

export type AuditActor = AuditEntryRecord['actor'];

export type AuditEvent = {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  investigation?: Types.ObjectId | string | undefined;
  details?: Record<string, unknown>;
};

export type AuditLog = { record(event: AuditEvent): Promise<void> };

/** Appends entries; the model itself refuses updates and deletes (append-only). */
export function createAuditLog(entries: AuditEntryModel, now: () => Date): AuditLog {
  return {
    async record(event) {
      await entries.create({
        at: now(),
        actor: event.actor,
        action: event.action,
        target: event.target ?? null,
        investigation: event.investigation ?? null,
        details: event.details ?? null,
      });
    },
  };
}

export function userActor(user: { _id: Types.ObjectId; email: string }): AuditActor {
  return { type: 'user', id: user._id.toString(), email: user.email };
}

export const systemActor: AuditActor = { type: 'system' };

import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { createAuditLog, type AuditLog } from '../audit/audit.js';
import { createPasswordHasher, type PasswordHasher } from '../auth/passwords.js';
import type { Mailer } from '../mail/mailer.js';
import type { Models } from '../models/index.js';
import type { RespondContext } from '../respond/respond.context.js';

/** What the inspector-side services need: models, clock, mail, audit and the respondent services. */
export type InspectorContext = {
  models: Models;
  config: Config;
  logger: Logger;
  now: () => Date;
  mailer: Mailer;
  audit: AuditLog;
  passwords: PasswordHasher;
  /** Absent in API-only tests without a framework: the investigation routes are then not mounted. */
  respond?: RespondContext;
};

export function createInspectorContext(input: {
  models: Models;
  config: Config;
  logger: Logger;
  now: () => Date;
  mailer: Mailer;
  respond?: RespondContext | undefined;
}): InspectorContext {
  return {
    ...input,
    audit: createAuditLog(input.models.AuditEntry, input.now),
    passwords: createPasswordHasher(input.config),
    ...(input.respond ? { respond: input.respond } : {}),
  };
}

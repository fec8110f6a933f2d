import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** "3,10" → [3, 10]: day offsets for reminders. Empty string is filtered out earlier (→ default). */
const dayList = z
  .string()
  .regex(/^\s*(none|\d{1,3}(\s*,\s*\d{1,3})*)\s*$/, 'comma-separated whole days, or "none"')
  .transform((value) =>
    value.trim() === 'none' ? [] : value.split(',').map((part) => Number.parseInt(part.trim(), 10)),
  );

/** OWASP's argon2id baseline (19 MiB, 2 passes); production refuses anything cheaper. */
export const PASSWORD_HASH_BASELINE = { memoryKib: 19_456, timeCost: 2 } as const;

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(27117),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUESTIONNAIRE_DIR: z.string().min(1).default('./questionnaires'),
  DEMO: booleanFromEnv.optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  /** How long a respondent link stays valid when the investigation sets no explicit expiry. */
  RESPONDENT_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(730).default(180),
  /** Failed respondent-link lookups allowed per client IP per window before 429 (anti-guessing). */
  RESPOND_FAILED_LOOKUP_LIMIT: z.coerce.number().int().min(1).default(20),
  RESPOND_FAILED_LOOKUP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(10),
  INITIAL_ADMIN_EMAIL: z.email().optional(),
  INITIAL_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** smtp:// or smtps:// URL; without it mail is only stored in the outbox ("Uitgaande e-mail"). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('STJ GGSR-vragenlijsten <noreply@localhost>'),
  /**
   * The general contact: signs mails of investigations without a contact person and is shown on the
   * "link does not work" page, which cannot know the investigation.
   */
  MAIL_CONTACT: z.string().min(3).default('de inspecteurs van Samenwerkend Toezicht Jeugd'),
  /** The general contact's e-mail address (optional); shown next to MAIL_CONTACT. */
  MAIL_CONTACT_EMAIL: z.email().optional(),
  REMINDER_DAYS_BEFORE: dayList.default([7]),
  REMINDER_DAYS_AFTER: dayList.default([3, 10]),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Failed logins per client IP per window before 429. */
  LOGIN_IP_LIMIT: z.coerce.number().int().min(1).default(30),
  LOGIN_IP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** argon2id cost; tests lower it, production refuses values below PASSWORD_HASH_BASELINE. */
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1024).default(PASSWORD_HASH_BASELINE.memoryKib),
  PASSWORD_HASH_TIME_COST: z.coerce.number().int().min(1).default(PASSWORD_HASH_BASELINE.timeCost),
});

export type RawConfig = z.infer<typeof configSchema>;

export type Config = Omit<RawConfig, 'PUBLIC_URL' | 'DATA_DIR' | 'QUESTIONNAIRE_DIR'> & {
  PUBLIC_URL: string;
  DATA_DIR: string;
  QUESTIONNAIRE_DIR: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every other module receives the result instead of reading process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const withoutEmpty = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(withoutEmpty);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const raw = parsed.data;
  if (raw.NODE_ENV === 'production' && !raw.SESSION_SECRET) {
    throw new ConfigError(['SESSION_SECRET: required when NODE_ENV=production']);
  }
  if (
    raw.NODE_ENV === 'production' &&
    (raw.PASSWORD_HASH_MEMORY_KIB < PASSWORD_HASH_BASELINE.memoryKib ||
      raw.PASSWORD_HASH_TIME_COST < PASSWORD_HASH_BASELINE.timeCost)
  ) {
    throw new ConfigError([
      'PASSWORD_HASH_MEMORY_KIB/PASSWORD_HASH_TIME_COST: below the baseline in production',
    ]);
  }
  return {
    ...raw,
    PUBLIC_URL: (raw.PUBLIC_URL ?? `http://${displayHost(raw.HOST)}:${raw.PORT}`).replace(/\/+$/, ''),
    DATA_DIR: path.resolve(raw.DATA_DIR),
    QUESTIONNAIRE_DIR: path.resolve(raw.QUESTIONNAIRE_DIR),
  };
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}

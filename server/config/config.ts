import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

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

/**
 * `npm run user:add -- --email E --name N --role inspecteur|beheerder` — the password is read from stdin
 * (first line), so it never appears in the shell history or the process list.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config/config.js';
import { connectDatabase } from '../db/connect.js';
import { AppError } from '../errors.js';
import { createInspectorContext } from '../investigations/inspector.context.js';
import { createMailer } from '../mail/mailer.js';
import { ensureIndexes, getModels } from '../models/index.js';
import { passwordSchema } from '../../shared/api/password-policy.js';
import { userRoles } from '../models/user.model.js';
import { createUser } from './users.service.js';

const argsSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  role: z.enum(userRoles),
});

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Wachtwoord (minimaal 12 tekens), dan Enter: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && Buffer.concat(chunks).includes(10)) break;
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    process.stderr.write(
      'Gebruik: npm run user:add -- --email E --name N --role inspecteur|beheerder  (wachtwoord via stdin)\n',
    );
    return 2;
  }
  const password = passwordSchema.safeParse(await readPassword());
  if (!password.success) {
    process.stderr.write(`${password.error.issues[0]?.message ?? 'Ongeldig wachtwoord.'}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = pino({ level: 'warn' });
  const database = await connectDatabase(config, logger);
  try {
    const models = getModels(database.connection);
    await ensureIndexes(models);
    const now = () => new Date();
    const ctx = createInspectorContext({
      models,
      config,
      logger,
      now,
      mailer: createMailer({ outbox: models.MailMessage, config, logger, now }),
    });
    const user = await createUser(ctx, { ...args.data, password: password.data });
    process.stdout.write(`Account aangemaakt: ${user.email} (${user.role})\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

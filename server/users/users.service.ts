import mongoose from 'mongoose';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import { userActor } from '../audit/audit.js';
import { sendResetLink } from '../auth/password-reset.service.js';
import { clearTotp } from '../auth/totp.service.js';
import { generateToken } from '../respond/token.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { UserRecord, UserRole } from '../models/user.model.js';
import type { CreateUserBody, UpdateUserBody } from '../../shared/api/users.js';

export async function listUsers(ctx: InspectorContext): Promise<UserRecord[]> {
  return ctx.models.User.find().sort({ email: 1 }).lean<UserRecord[]>();
}

/**
 * Creates an account. Without a password the user gets a set-password mail (the reset flow), so an
 * administrator never needs to know it.
 */
export async function createUser(
  ctx: InspectorContext,
  input: { email: string; name: string; role: UserRole; password?: string | undefined },
  actor?: UserRecord,
): Promise<UserRecord> {
  const password = input.password ?? generateToken();
  let created: UserRecord;
  try {
    const doc = await ctx.models.User.create({
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: await ctx.passwords.hash(password),
    });
    created = doc.toObject<UserRecord>();
  } catch (err) {
    if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000) {
      throw new ConflictError('email_taken', 'Er bestaat al een account met dit e-mailadres.');
    }
    throw err;
  }
  if (!input.password) await sendResetLink(ctx, created, true);
  await ctx.audit.record({
    actor: actor ? userActor(actor) : { type: 'system' },
    action: 'user_created',
    target: { type: 'user', id: created._id.toString() },
    details: { email: created.email, role: created.role },
  });
  return created;
}

export async function createUserFromBody(
  ctx: InspectorContext,
  body: CreateUserBody,
  actor: UserRecord,
): Promise<UserRecord> {
  return createUser(ctx, body, actor);
}

/** Role, name, active. Deactivation (and a role change) bumps the credential version: sessions end. */
export async function updateUser(
  ctx: InspectorContext,
  id: string,
  body: UpdateUserBody,
  actor: UserRecord,
): Promise<UserRecord> {
  if (!mongoose.isValidObjectId(id)) throw new NotFoundError('user_not_found', 'User not found');
  if (actor._id.toString() === id && (body.active === false || (body.role && body.role !== actor.role))) {
    throw new ConflictError(
      'self_change',
      'U kunt uw eigen account niet deactiveren of uw eigen rol wijzigen.',
    );
  }
  if (Object.keys(body).length === 0) throw new BadRequestError('invalid_body', 'Nothing to change');
  const endsSessions = body.active === false || body.role !== undefined;
  const user = await ctx.models.User.findOneAndUpdate(
    { _id: id },
    { $set: body, ...(endsSessions ? { $inc: { credentialVersion: 1 } } : {}) },
    { returnDocument: 'after' },
  ).lean<UserRecord>();
  if (!user) throw new NotFoundError('user_not_found', 'User not found');
  await ctx.audit.record({
    actor: userActor(actor),
    action: 'user_updated',
    target: { type: 'user', id },
    details: { ...body },
  });
  return user;
}

export async function resetUserTotp(ctx: InspectorContext, id: string, actor: UserRecord): Promise<void> {
  if (!mongoose.isValidObjectId(id) || !(await clearTotp(ctx, id))) {
    throw new NotFoundError('user_not_found', 'User not found');
  }
  await ctx.audit.record({
    actor: userActor(actor),
    action: 'user_totp_reset',
    target: { type: 'user', id },
  });
}

/** First start: an administrator from INITIAL_ADMIN_EMAIL/PASSWORD when the database has no user yet. */
export async function ensureInitialAdmin(ctx: InspectorContext): Promise<UserRecord | undefined> {
  const { INITIAL_ADMIN_EMAIL: email, INITIAL_ADMIN_PASSWORD: password } = ctx.config;
  if (!email || !password) return undefined;
  if ((await ctx.models.User.estimatedDocumentCount()) > 0) return undefined;
  try {
    return await createUser(ctx, { email, name: 'Beheerder', role: 'beheerder', password });
  } catch (err) {
    // Another instance created it at the same moment.
    if (err instanceof ConflictError) return undefined;
    throw err;
  }
}

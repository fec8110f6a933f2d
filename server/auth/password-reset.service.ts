import { BadRequestError } from '../errors.js';
import { userActor } from '../audit/audit.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { passwordResetMail } from '../mail/templates.js';
import type { UserRecord } from '../models/user.model.js';
import { generateToken, hashToken } from '../respond/token.js';
import { passwordSchema } from '../../shared/api/password-policy.js';
import mongoose from 'mongoose';

const RESET_TTL_MS = 60 * 60 * 1000;

/** `<PUBLIC_URL>/wachtwoord-herstellen#token=…`: a fragment never reaches a server or proxy log. */
export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/wachtwoord-herstellen#token=${token}`;
}

/** Mails a single-use link valid for one hour when the email belongs to an active account; silent otherwise. */
export async function requestPasswordReset(ctx: InspectorContext, email: string): Promise<void> {
  const user = await ctx.models.User.findOne({ email }).lean<UserRecord>();
  if (!user || !user.active) return;
  await sendResetLink(ctx, user, false);
  await ctx.audit.record({ actor: userActor(user), action: 'password_reset_requested' });
}

export async function sendResetLink(
  ctx: InspectorContext,
  user: UserRecord,
  isNewAccount: boolean,
): Promise<void> {
  const token = generateToken();
  await ctx.models.PasswordReset.create({
    tokenHash: hashToken(token),
    user: user._id,
    expiresAt: new Date(ctx.now().getTime() + RESET_TTL_MS),
  });
  const link = resetLink(ctx.config.PUBLIC_URL, token);
  await ctx.mailer.send({
    to: user.email,
    kind: isNewAccount ? 'account_created' : 'password_reset',
    ...passwordResetMail(user.name, link, ctx.config.MAIL_CONTACT, isNewAccount),
    secrets: [token],
  });
}

/**
 * Uses the link (one conditional update: a second use or an expired link matches nothing), sets the
 * password and bumps the credential version, which ends every session of the user.
 */
export async function confirmPasswordReset(
  ctx: InspectorContext,
  token: string,
  password: string,
): Promise<void> {
  const policy = passwordSchema.safeParse(password);
  if (!policy.success) {
    throw new BadRequestError('weak_password', policy.error.issues[0]?.message ?? 'Wachtwoord te kort.');
  }
  const now = ctx.now();
  const reset = await ctx.models.PasswordReset.findOneAndUpdate(
    { tokenHash: hashToken(token), usedAt: null, expiresAt: mongoose.trusted({ $gt: now }) },
    { $set: { usedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!reset)
    throw new BadRequestError(
      'invalid_reset_token',
      'Deze link is niet (meer) geldig. Vraag een nieuwe aan.',
    );
  const passwordHash = await ctx.passwords.hash(password);
  const user = await ctx.models.User.findOneAndUpdate(
    { _id: reset.user, active: true },
    { $set: { passwordHash }, $inc: { credentialVersion: 1 } },
    { returnDocument: 'after' },
  ).lean<UserRecord>();
  if (!user)
    throw new BadRequestError(
      'invalid_reset_token',
      'Deze link is niet (meer) geldig. Vraag een nieuwe aan.',
    );
  await ctx.models.LoginThrottle.deleteOne({ _id: user.email });
  await ctx.audit.record({ actor: userActor(user), action: 'password_reset' });
}

import mongoose from 'mongoose';
import { RateLimitedError, UnauthorizedError } from '../errors.js';
import { userActor } from '../audit/audit.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { UserRecord } from '../models/user.model.js';
import type { LoginBody } from '../../shared/api/session.js';
import { createLockout } from './lockout.js';
import { hashRecoveryCode, matchTotp, recoveryCodePattern } from './totp.js';

function invalidCredentials(): UnauthorizedError {
  return new UnauthorizedError('invalid_credentials', 'Onjuist e-mailadres of wachtwoord.');
}

/**
 * Checks email + password (+ TOTP or a recovery code). Unknown email, wrong password and a deactivated
 * account give the same 401 after the same argon2 work. Failed attempts count per email (also unknown
 * ones) towards a temporary lockout; a locked key is refused even with the right password.
 */
export async function authenticate(ctx: InspectorContext, input: LoginBody, ip: string): Promise<UserRecord> {
  const lockout = createLockout(ctx.models.LoginThrottle, ctx.config, ctx.now);
  const key = input.email;
  const locked = await lockout.lockedFor(key);
  if (locked > 0) {
    await ctx.audit.record({
      actor: { type: 'user', email: key },
      action: 'login_failed',
      details: { reason: 'locked', ip },
    });
    throw new RateLimitedError(
      'account_locked',
      'Te veel mislukte pogingen. Probeer het later opnieuw.',
      locked,
    );
  }
  const user = await ctx.models.User.findOne({ email: key }).lean<UserRecord>();
  const passwordOk = user ? await ctx.passwords.verify(user.passwordHash, input.password) : false;
  if (!user) await ctx.passwords.verifyDummy(input.password);
  if (!user || !passwordOk || !user.active) {
    await lockout.recordFailure(key);
    await ctx.audit.record({
      actor: { type: 'user', email: key, ...(user ? { id: user._id.toString() } : {}) },
      action: 'login_failed',
      details: { reason: 'credentials', ip },
    });
    throw invalidCredentials();
  }
  if (user.totpEnabled) {
    if (!input.totp)
      throw new UnauthorizedError('totp_required', 'Voer de code uit uw authenticator-app in.');
    if (!(await acceptSecondFactor(ctx, user, input.totp))) {
      await lockout.recordFailure(key);
      await ctx.audit.record({
        actor: userActor(user),
        action: 'login_failed',
        details: { reason: 'totp', ip },
      });
      throw new UnauthorizedError('invalid_totp', 'De code is onjuist of al gebruikt.');
    }
  }
  await lockout.clear(key);
  const now = ctx.now();
  await ctx.models.User.updateOne({ _id: user._id }, { $set: { lastLoginAt: now } });
  await ctx.audit.record({ actor: userActor(user), action: 'login', details: { ip } });
  return { ...user, lastLoginAt: now };
}

/** A fresh TOTP step (stored with a conditional update: a replay loses), or an unused recovery code. */
async function acceptSecondFactor(ctx: InspectorContext, user: UserRecord, code: string): Promise<boolean> {
  if (recoveryCodePattern.test(code)) {
    const hash = hashRecoveryCode(code);
    // $pull only matches while the hash is still there: two concurrent uses, one wins.
    const used = await ctx.models.User.updateOne(
      { _id: user._id, recoveryCodeHashes: hash },
      { $pull: { recoveryCodeHashes: hash } },
    );
    if (used.modifiedCount === 1) {
      await ctx.audit.record({ actor: userActor(user), action: 'recovery_code_used' });
      return true;
    }
    return false;
  }
  if (!user.totpSecret || !/^\d{6}$/.test(code)) return false;
  const step = matchTotp(user.totpSecret, code, ctx.now());
  if (step === undefined) return false;
  const accepted = await ctx.models.User.updateOne(
    { _id: user._id, $or: [{ totpLastCounter: null }, { totpLastCounter: mongoose.trusted({ $lt: step }) }] },
    { $set: { totpLastCounter: step } },
  );
  return accepted.modifiedCount === 1;
}

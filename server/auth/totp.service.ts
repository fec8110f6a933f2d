import QRCode from 'qrcode';
import { BadRequestError, ConflictError, UnauthorizedError } from '../errors.js';
import { userActor } from '../audit/audit.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { UserRecord } from '../models/user.model.js';
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpFor } from './totp.js';

import type { RecoveryCodes, TotpEnrolment } from '../../shared/api/account.js';

/** Starts (or restarts) enrolment: the secret is pending until confirmed with a code from the app. */
export async function startTotpEnrolment(ctx: InspectorContext, user: UserRecord): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  await ctx.models.User.updateOne({ _id: user._id }, { $set: { totpPendingSecret: secret } });
  const otpauthUri = totpFor(secret, user.email).toString();
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri) };
}

/** Activates TOTP and returns ten recovery codes, shown once (only hashes are kept). */
export async function confirmTotpEnrolment(
  ctx: InspectorContext,
  user: UserRecord,
  code: string,
): Promise<RecoveryCodes> {
  const fresh = await ctx.models.User.findById(user._id).lean<UserRecord>();
  const pending = fresh?.totpPendingSecret;
  if (!pending) throw new ConflictError('totp_not_pending', 'Start TOTP enrolment first');
  const step = matchTotp(pending, code, ctx.now());
  if (step === undefined) throw new BadRequestError('invalid_totp', 'De code is onjuist.');
  const recoveryCodes = newRecoveryCodes();
  await ctx.models.User.updateOne(
    { _id: user._id, totpPendingSecret: pending },
    {
      $set: {
        totpEnabled: true,
        totpSecret: pending,
        totpPendingSecret: null,
        totpLastCounter: step,
        recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
      },
    },
  );
  await ctx.audit.record({ actor: userActor(user), action: 'totp_enabled' });
  return { recoveryCodes };
}

export async function disableOwnTotp(
  ctx: InspectorContext,
  user: UserRecord,
  password: string,
): Promise<void> {
  if (!(await ctx.passwords.verify(user.passwordHash, password))) {
    throw new UnauthorizedError('invalid_credentials', 'Onjuist wachtwoord.');
  }
  await clearTotp(ctx, user._id.toString());
  await ctx.audit.record({ actor: userActor(user), action: 'totp_disabled' });
}

export async function clearTotp(ctx: InspectorContext, userId: string): Promise<boolean> {
  const result = await ctx.models.User.updateOne(
    { _id: userId },
    {
      $set: {
        totpEnabled: false,
        totpSecret: null,
        totpPendingSecret: null,
        totpLastCounter: null,
        recoveryCodeHashes: [],
      },
    },
  );
  return result.matchedCount === 1;
}

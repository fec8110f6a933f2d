import type { Config } from '../config/config.js';
import type { LoginThrottleModel } from '../models/login-throttle.model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type Lockout = {
  /** Seconds until the account key is unlocked, or 0. */
  lockedFor(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  clear(key: string): Promise<void>;
};

/**
 * Per-account lockout: LOGIN_MAX_FAILURES failed attempts lock the key for LOGIN_LOCKOUT_MINUTES. The
 * counter is one atomic $inc, so attempts spread over several instances still add up.
 */
export function createLockout(
  throttle: LoginThrottleModel,
  config: Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCKOUT_MINUTES'>,
  now: () => Date,
): Lockout {
  return {
    async lockedFor(key) {
      const entry = await throttle.findById(key).lean();
      const until = entry?.lockedUntil?.getTime() ?? 0;
      return Math.max(0, Math.ceil((until - now().getTime()) / 1000));
    },
    async recordFailure(key) {
      const at = now();
      const entry = await throttle
        .findOneAndUpdate(
          { _id: key },
          { $inc: { failures: 1 }, $set: { expiresAt: new Date(at.getTime() + DAY_MS) } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean();
      if (entry && entry.failures >= config.LOGIN_MAX_FAILURES) {
        await throttle.updateOne(
          { _id: key },
          {
            $set: {
              failures: 0,
              lockedUntil: new Date(at.getTime() + config.LOGIN_LOCKOUT_MINUTES * 60_000),
            },
          },
        );
      }
    },
    async clear(key) {
      await throttle.deleteOne({ _id: key });
    },
  };
}

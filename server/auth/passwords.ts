import argon2, { type HashOptions } from 'argon2';
import { z } from 'zod';
import type { Config } from '../config/config.js';

/** Password policy: length over composition rules (NIST 800-63B); 256 caps hashing cost per request. */
export const passwordSchema = z
  .string()
  .min(12, 'Het wachtwoord moet minimaal 12 tekens hebben.')
  .max(256, 'Het wachtwoord mag maximaal 256 tekens hebben.');

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same work as a real verify, so unknown emails answer as slowly as wrong passwords. */
  verifyDummy(password: string): Promise<void>;
};

export function createPasswordHasher(
  config: Pick<Config, 'PASSWORD_HASH_MEMORY_KIB' | 'PASSWORD_HASH_TIME_COST'>,
): PasswordHasher {
  const options: HashOptions = {
    type: argon2.argon2id,
    memoryCost: config.PASSWORD_HASH_MEMORY_KIB,
    timeCost: config.PASSWORD_HASH_TIME_COST,
    parallelism: 1,
  };
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => argon2.hash(password, options),
    async verify(hash, password) {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
    async verifyDummy(password) {
      dummy ??= argon2.hash('dummy-password-for-timing', options);
      await argon2.verify(await dummy, password).catch(() => false);
    },
  };
}

import argon2, { type HashOptions } from 'argon2';
import type { Config } from '../config/config.js';

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

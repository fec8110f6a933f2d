import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'STJ GGSR';
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/**
 * The time step the code belongs to (±1 step for clock drift), or undefined. The caller stores the step
 * and refuses steps at or before it, so an observed code cannot be replayed.
 */
export function matchTotp(secret: string, code: string, at: Date): number | undefined {
  const totp = totpFor(secret, 'check');
  const delta = totp.validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** Ten codes like "k3m9q-x7p2w" (50 bits each); only their SHA-256 is stored. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    // randomInt is uniform (no modulo bias); 31 symbols × 10 ≈ 50 bits per code.
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase(), 'utf8').digest('hex');
}

export const recoveryCodePattern = /^[a-z0-9]{5}-[a-z0-9]{5}$/i;

import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes in base64url: 43 characters from [A-Za-z0-9_-]. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored; the token itself exists in the link the respondent receives. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap pre-check so malformed tokens never reach the database (they still count as failed lookups). */
export function isTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function respondentLink(publicUrl: string, token: string): string {
  return `${publicUrl}/v/${token}`;
}

import { z } from 'zod';

/** Password policy: length over composition rules (NIST 800-63B); 256 caps hashing cost per request. */
export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Het wachtwoord moet minimaal ${PASSWORD_MIN_LENGTH} tekens hebben.`)
  .max(256, 'Het wachtwoord mag maximaal 256 tekens hebben.');

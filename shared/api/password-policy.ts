import { z } from 'zod';

/** Password policy: length over composition rules (NIST 800-63B); 256 caps hashing cost per request. */
export const passwordSchema = z
  .string()
  .min(12, 'Het wachtwoord moet minimaal 12 tekens hebben.')
  .max(256, 'Het wachtwoord mag maximaal 256 tekens hebben.');

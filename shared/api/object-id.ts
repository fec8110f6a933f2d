import { z } from 'zod';

/** A MongoDB ObjectId as the API writes it: 24 hex digits (either case is read). */
export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/i, 'must be a 24-character hex id');

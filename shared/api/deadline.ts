import { z } from 'zod';

/**
 * A deadline is a calendar day (`2027-01-31`), stored as the end of that day in Europe/Amsterdam
 * (shared/amsterdam-day.ts). A moment with an offset is still accepted and counts as the day written in it
 * (server/investigations/deadline-day.ts).
 */
export const deadlineSchema = z.iso.date().or(z.iso.datetime({ offset: true }));

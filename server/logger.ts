import { pino, type Logger } from 'pino';

/**
 * Paths that may carry credentials. Respondent tokens travel in URLs (/v/:token, /api/respond/:token),
 * so request URLs are rewritten by the request serializer rather than listed here.
 */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.totp',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } });
}

const tokenInPath = /\/(v|api\/respond)\/[^/?#]+/g;

/** Replaces a respondent token in a URL path by a placeholder so it never reaches the logs. */
export function redactUrl(url: string): string {
  return url.replace(tokenInPath, '/$1/[token]');
}

import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so that the same content always gives the same text
 * whatever the key order or formatting of the file.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}

/** Version of a questionnaire or framework: first 16 hex characters of the SHA-256 of its canonical JSON. */
export function contentVersion(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}

export const VERSION_PATTERN = /^[0-9a-f]{16}$/;

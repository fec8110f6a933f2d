import type { Factsheet } from '../../shared/api/review.js';

/**
 * What a factsheet says, without when and by whom it was published: two snapshots with the same key
 * are the same document, so publishing it again would add nothing. Keys are sorted because a stored
 * snapshot need not keep the key order it was written with.
 */
export function snapshotContentKey(sheet: Factsheet): string {
  const { version: _version, publishedAt: _at, publishedBy: _by, ...content } = sheet;
  return canonicalJson(content);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

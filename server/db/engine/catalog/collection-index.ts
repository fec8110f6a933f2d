// A secondary index as a hash map from index key to document ids. It serves two purposes: enforcing
// `unique` (incl. compound, sparse and partial variants) and answering equality lookups on its first
// field without scanning the collection. Range queries and sorts do not use it (they scan).
import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { isPlainObject, numericValue } from '../bson-values.js';
import { EngineError, ErrorCode } from '../errors.js';
import { queryOptions } from '../query/mingo-context.js';
import { pathValues, valueKey } from './index-key.js';

export type IndexSpec = {
  v: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  expireAfterSeconds?: number;
  partialFilterExpression?: Document;
} & Document;

type IndexEntry = { key: string; first: string; values: unknown[] };

const SUPPORTED_OPTIONS = new Set([
  'v',
  'key',
  'name',
  'unique',
  'sparse',
  'expireAfterSeconds',
  'partialFilterExpression',
  'background',
  'ns',
  'hidden',
]);

export function defaultIndexName(key: Document): string {
  return Object.entries(key)
    .map(([f, d]) => `${f}_${String(numericValue(d) ?? d)}`)
    .join('_');
}

/** Validates a createIndexes spec; unsupported kinds (text, 2dsphere, hashed, …) fail loudly. */
export function normalizeIndexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw)) throw new EngineError(ErrorCode.TypeMismatch, 'index spec must be an object');
  const key: unknown = raw.key;
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new EngineError(ErrorCode.CannotCreateIndex, 'index key pattern must be a non-empty object');
  }
  const normalizedKey: Document = {};
  for (const [field, dir] of Object.entries(key)) {
    const n = numericValue(dir);
    if (n === undefined || n === 0) {
      throw new EngineError(
        ErrorCode.CannotCreateIndex,
        `index type ${JSON.stringify(String(dir))} on field '${field}' is not supported by the embedded engine`,
      );
    }
    normalizedKey[field] = n > 0 ? 1 : -1;
  }
  for (const opt of Object.keys(raw)) {
    if (!SUPPORTED_OPTIONS.has(opt)) {
      throw new EngineError(
        ErrorCode.InvalidOptions,
        `index option '${opt}' is not supported by the embedded engine`,
      );
    }
  }
  const name = raw.name === undefined ? defaultIndexName(normalizedKey) : raw.name;
  if (typeof name !== 'string' || name.length === 0) {
    throw new EngineError(ErrorCode.CannotCreateIndex, 'index name must be a non-empty string');
  }
  const spec: IndexSpec = { v: 2, key: normalizedKey, name };
  if (raw.unique === true) spec.unique = true;
  if (raw.sparse === true) spec.sparse = true;
  if (raw.expireAfterSeconds !== undefined) {
    const seconds = numericValue(raw.expireAfterSeconds);
    if (seconds === undefined || seconds < 0)
      throw new EngineError(ErrorCode.CannotCreateIndex, 'expireAfterSeconds must be a number >= 0');
    if (Object.keys(normalizedKey).length !== 1) {
      throw new EngineError(
        ErrorCode.CannotCreateIndex,
        'TTL indexes are single-field indexes, compound indexes do not support TTL',
      );
    }
    spec.expireAfterSeconds = seconds;
  }
  if (raw.partialFilterExpression !== undefined) {
    if (!isPlainObject(raw.partialFilterExpression))
      throw new EngineError(ErrorCode.TypeMismatch, 'partialFilterExpression must be an object');
    spec.partialFilterExpression = raw.partialFilterExpression;
  }
  return spec;
}

/** Same index definition ignoring the name (used to detect "already exists" vs. conflicts). */
export function sameIndexOptions(a: IndexSpec, b: IndexSpec): boolean {
  return (
    JSON.stringify(a.key) === JSON.stringify(b.key) &&
    Boolean(a.unique) === Boolean(b.unique) &&
    Boolean(a.sparse) === Boolean(b.sparse) &&
    a.expireAfterSeconds === b.expireAfterSeconds &&
    JSON.stringify(a.partialFilterExpression ?? null) === JSON.stringify(b.partialFilterExpression ?? null)
  );
}

function formatKeyValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  const n = numericValue(v);
  if (n !== undefined) return String(n);
  if (typeof (v as { toHexString?: unknown }).toHexString === 'function') {
    return `ObjectId('${(v as { toHexString(): string }).toHexString()}')`;
  }
  return JSON.stringify(v) ?? String(v);
}

export class CollectionIndex {
  readonly fields: string[];
  readonly unique: boolean;
  /** Full key → ids of documents with that key. */
  private readonly entries = new Map<string, Set<string>>();
  /** First-field key → ids, for prefix lookups on compound indexes. */
  private readonly byFirst: Map<string, Set<string>> | undefined;
  private readonly partial: Query | undefined;

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.fields = Object.keys(spec.key);
    this.unique = spec.unique === true;
    this.byFirst = this.fields.length > 1 ? new Map() : undefined;
    this.partial = spec.partialFilterExpression
      ? new Query(spec.partialFilterExpression, queryOptions)
      : undefined;
  }

  get name(): string {
    return this.spec.name;
  }

  /** Can this index answer "which documents have field = v" for a scalar, non-null v? */
  servesEqualityOn(field: string): boolean {
    return this.fields[0] === field && !this.partial;
  }

  /** The keys a document contributes (multikey: one per array element), or [] if not indexed. */
  entriesOf(doc: Document): IndexEntry[] {
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.fields.map((f) => pathValues(doc, f));
    if (this.spec.sparse && perField.every((vals) => vals.every((v) => v === undefined))) return [];
    let combos: { keys: string[]; values: unknown[] }[] = [{ keys: [], values: [] }];
    for (const vals of perField) {
      const next: { keys: string[]; values: unknown[] }[] = [];
      for (const c of combos) {
        for (const v of vals) next.push({ keys: [...c.keys, valueKey(v)], values: [...c.values, v] });
      }
      combos = next;
    }
    const seen = new Set<string>();
    const out: IndexEntry[] = [];
    for (const c of combos) {
      const key = c.keys.length === 1 ? (c.keys[0] as string) : JSON.stringify(c.keys);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, first: c.keys[0] as string, values: c.values });
    }
    return out;
  }

  /** Throws E11000 if `doc` (with primary key `id`) would collide with another document. */
  checkUnique(id: string, entries: IndexEntry[]): void {
    if (!this.unique) return;
    for (const e of entries) {
      const holders = this.entries.get(e.key);
      if (holders && (holders.size > 1 || !holders.has(id))) throw this.duplicateError(e.values);
    }
  }

  duplicateError(values: unknown[]): EngineError {
    const keyValue: Document = {};
    this.fields.forEach((f, i) => {
      keyValue[f] = values[i] === undefined ? null : values[i];
    });
    const shown = this.fields.map((f, i) => `${f}: ${formatKeyValue(values[i])}`).join(', ');
    return new EngineError(
      ErrorCode.DuplicateKey,
      `E11000 duplicate key error collection: ${this.ns} index: ${this.name} dup key: { ${shown} }`,
      { keyPattern: { ...this.spec.key }, keyValue },
    );
  }

  add(id: string, entries: IndexEntry[]): void {
    for (const e of entries) {
      addTo(this.entries, e.key, id);
      if (this.byFirst) addTo(this.byFirst, e.first, id);
    }
  }

  remove(id: string, entries: IndexEntry[]): void {
    for (const e of entries) {
      removeFrom(this.entries, e.key, id);
      if (this.byFirst) removeFrom(this.byFirst, e.first, id);
    }
  }

  /** Ids of documents whose first indexed field has a value equal to `value`. */
  lookup(value: unknown): ReadonlySet<string> {
    const key = valueKey(value);
    return (this.byFirst ? this.byFirst.get(key) : this.entries.get(key)) ?? EMPTY;
  }

  clear(): void {
    this.entries.clear();
    this.byFirst?.clear();
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}

// Since 5.0 MongoDB applies an operator update's paths in field-name order (numeric names in numeric
// order), whatever the operators and the statement order, and a field the update creates is appended
// to its object in that order: {$set: {zeta: 1}, $inc: {alpha: 1}} adds alpha, then zeta. mingo creates
// fields operator by operator in statement order; the fast path sorts its steps, and the mingo path
// puts the fields it created back into this order (existing fields keep their place).
import type { Document } from 'bson';
import { isPlainObject } from '../bson-values.js';

const STRICT_INDEX = /^(0|[1-9]\d*)$/;

/** Cheap pre-check before the regex: field names rarely start with a digit. */
function isDigit(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** MongoDB's order of two field names: numerically when both are array indexes, else by bytes. */
export function compareFieldNames(a: string, b: string): number {
  if (a === b) return 0;
  if (isDigit(a) && isDigit(b) && STRICT_INDEX.test(a) && STRICT_INDEX.test(b)) {
    if (a.length !== b.length) return a.length - b.length;
  }
  return a < b ? -1 : 1;
}

/** Order of two dotted paths, part by part (a path before the paths below it). */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareFieldNames(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export type Trie = Map<string, Trie>;

/** The objects an operator update may create fields in, as a tree of path parts (positional parts end it). */
export function pathTrie(modifier: Document): Trie {
  const root: Trie = new Map();
  for (const [op, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, arg] of Object.entries(fields)) {
      // $rename creates its destination.
      const target = op === '$rename' && typeof arg === 'string' ? arg : path;
      let node = root;
      for (const part of target.split('.')) {
        if (part.startsWith('$')) break;
        let child = node.get(part);
        if (!child) {
          child = new Map();
          node.set(part, child);
        }
        node = child;
      }
    }
  }
  return root;
}

export type FieldSnapshot = { trie: Trie; keys: Map<string, Set<string>> };

/** The fields each object on the update's paths has before the update. */
export function snapshotFields(doc: Document, trie: Trie): FieldSnapshot {
  const keys = new Map<string, Set<string>>();
  const walk = (node: unknown, at: Trie, prefix: string): void => {
    if (!isPlainObject(node)) return;
    keys.set(prefix, new Set(Object.keys(node)));
    for (const [part, below] of at) if (below.size > 0) walk(node[part], below, `${prefix}.${part}`);
  };
  walk(doc, trie, '');
  return { trie, keys };
}

/** Puts the fields created since `snapshot` after the existing ones, in MongoDB's order (in place). */
export function orderCreatedFields(doc: Document, snapshot: FieldSnapshot): void {
  const walk = (node: unknown, at: Trie, prefix: string): void => {
    if (!isPlainObject(node)) return;
    for (const [part, below] of at) if (below.size > 0) walk(node[part], below, `${prefix}.${part}`);
    const before = snapshot.keys.get(prefix);
    const keys = Object.keys(node);
    const existing = before ? keys.filter((k) => before.has(k)) : [];
    if (existing.length === keys.length) return;
    const created = keys.filter((k) => !before?.has(k)).sort(compareFieldNames);
    const wanted = [...existing, ...created];
    if (wanted.every((k, i) => keys[i] === k)) return;
    const values = wanted.map((k) => node[k] as unknown);
    for (const k of keys) delete node[k];
    wanted.forEach((k, i) => {
      node[k] = values[i];
    });
  };
  walk(doc, snapshot.trie, '');
}

import type { Model, QueryFilter } from 'mongoose';
import type { UserRecord } from '../models/user.model.js';
import { reviewActor } from './review-actor.js';
import { ConflictError } from '../errors.js';

/**
 * How one revisioned document (a judgment or a conclusion) is read and written. `insert` must fail
 * with E11000 when a colleague created it first; `update` must be one compare-and-set operation that
 * returns null when the stored revision is no longer `revision`.
 */
export type RevisionedStore<R extends { revision: number }> = {
  find(): Promise<R | null>;
  insert(): Promise<R>;
  update(revision: number): Promise<R | null>;
  /** True when writing would change nothing (no new revision, no history entry). */
  unchanged(current: R): boolean;
  /** The 409 to throw, carrying what is stored now so the client can show it. */
  conflict(current: R | null): ConflictError;
};

export type RevisionedWrite<R> = { record: R; before: R | null; changed: boolean };

/**
 * Compare-and-set on `revision`: 0 (or none) creates, n updates revision n, anything else is stale.
 * The check before writing only gives a clear answer early; the write itself is what guards.
 */
export async function writeRevisioned<R extends { revision: number }>(
  store: RevisionedStore<R>,
  expected: number,
): Promise<RevisionedWrite<R>> {
  const current = await store.find();
  if ((current?.revision ?? 0) !== expected) throw store.conflict(current);
  if (!current) {
    try {
      return { record: await store.insert(), before: null, changed: true };
    } catch (err) {
      if (isDuplicateKey(err)) throw store.conflict(await store.find());
      throw err;
    }
  }
  if (store.unchanged(current)) return { record: current, before: current, changed: false };
  const updated = await store.update(expected);
  if (!updated) throw store.conflict(await store.find());
  return { record: updated, before: current, changed: true };
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

type Reviewed = { revision: number };

/**
 * The store of a judgment or conclusion document: one per `key` (a unique index), stamped with who
 * changed it and when by the review clock (so changes compare with factsheets' publishedAt).
 */
export function reviewedDocumentStore<R extends Reviewed>(input: {
  model: Model<R>;
  key: Record<string, unknown>;
  content: Record<string, unknown>;
  user: UserRecord;
  now: () => Date;
  unchanged(current: R): boolean;
  conflict(current: R | null): ConflictError;
}): RevisionedStore<R> {
  const { model, key, content, user, now } = input;
  const filter = key as QueryFilter<R>;
  return {
    find: () => model.findOne(filter).lean<R>().exec(),
    async insert() {
      const at = now();
      const created = await new model({
        ...key,
        ...content,
        revision: 1,
        updatedBy: reviewActor(user),
        createdAt: at,
        updatedAt: at,
      }).save({ timestamps: false });
      return created.toObject<R>();
    },
    update: (revision) =>
      model
        .findOneAndUpdate(
          { ...filter, revision } as QueryFilter<R>,
          { $set: { ...content, updatedBy: reviewActor(user), updatedAt: now() }, $inc: { revision: 1 } },
          { returnDocument: 'after', timestamps: false },
        )
        .lean<R>()
        .exec(),
    unchanged: input.unchanged,
    conflict: input.conflict,
  };
}

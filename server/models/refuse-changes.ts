import type { Schema } from 'mongoose';

const changingOperations = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;

/**
 * Makes a collection write-once through its model: every update and delete throws, so no code path can
 * rewrite history (the audit log) or a published document (factsheets).
 */
export function refuseChanges<T>(schema: Schema<T>, reason: string): void {
  const refuse = () => {
    throw new Error(reason);
  };
  for (const operation of changingOperations) schema.pre(operation, refuse);
}

import { changedQuestions, valuesEqual, type Answers } from './answers.js';

export type MergeResult =
  /** Local and server changes touch different questions (or agree): save `data` on the server's revision. */
  | { kind: 'merged'; data: Answers; fromServer: string[] }
  /** Both sides changed these questions differently since the last save: the respondent must choose. */
  | { kind: 'conflict'; questions: string[]; keepMine: Answers; takeTheirs: Answers };

/**
 * Three-way merge per question after a 409 `revision_conflict`.
 * `base` is what the server held at our last successful save, `local` what the respondent has now,
 * `server` the newer copy someone else (another device, a colleague) saved in between.
 */
export function mergeAnswers(base: Answers, local: Answers, server: Answers): MergeResult {
  const localChanges = changedQuestions(base, local);
  const serverChanges = new Set(changedQuestions(base, server));
  const conflicts = localChanges.filter(
    (name) => serverChanges.has(name) && !valuesEqual(local[name], server[name]),
  );

  const keepMine = preferLocal(base, local, server);
  if (conflicts.length > 0) {
    return { kind: 'conflict', questions: conflicts, keepMine, takeTheirs: { ...server } };
  }
  const fromServer = [...serverChanges].filter((name) => !valuesEqual(local[name], server[name]));
  return { kind: 'merged', data: keepMine, fromServer };
}

/** The server copy with every local change since `base` laid over it (local wins where both changed). */
export function preferLocal(base: Answers, local: Answers, server: Answers): Answers {
  const result: Answers = { ...server };
  for (const name of changedQuestions(base, local)) {
    if (local[name] === undefined) delete result[name];
    else result[name] = local[name];
  }
  return result;
}

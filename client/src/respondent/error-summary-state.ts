import type { ShownError } from './server-errors.js';

/**
 * The summary after an answer changed: the changed question's items are checked again with SurveyJS's
 * own rules (the server runs the same ones) and disappear once they pass; a still-failing item takes the
 * question's current message. Items of other questions stay: a server-only check cannot be re-run here,
 * and an unchanged answer has not been fixed. `validate` shows the result at the question too.
 */
export function revalidateErrors(
  errors: readonly ShownError[],
  changedName: string,
  validate: (error: ShownError) => string | null,
): readonly ShownError[] {
  const next: ShownError[] = [];
  for (const error of errors) {
    if (error.questionName !== changedName) {
      next.push(error);
      continue;
    }
    const message = validate(error);
    if (message !== null) next.push(message === error.message ? error : { ...error, message });
  }
  // The same array when nothing changed, so React skips the re-render on every keystroke.
  return next.length === errors.length && next.every((e, i) => e === errors[i]) ? errors : next;
}

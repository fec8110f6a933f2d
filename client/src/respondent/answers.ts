/** A response's answers keyed by question name, exactly as SurveyJS's `model.data` holds them. */
export type Answers = Record<string, unknown>;

/** Structural equality for JSON values; key order in objects does not matter. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord).filter((k) => aRecord[k] !== undefined);
  const bKeys = Object.keys(bRecord).filter((k) => bRecord[k] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every((k) => valuesEqual(aRecord[k], bRecord[k]));
}

/** Names whose value differs between two answer sets (an absent answer counts as a value). */
export function changedQuestions(before: Answers, after: Answers): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !valuesEqual(before[name], after[name]));
}

/** A deep copy, so a snapshot cannot change when SurveyJS mutates its arrays in place. */
export function copyAnswers(answers: Answers): Answers {
  return JSON.parse(JSON.stringify(answers)) as Answers;
}

/** The framework or a questionnaire it references is invalid; `problems` lists every problem found. */
export class FrameworkError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid framework ${source}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'FrameworkError';
  }
}

/** A stored response names a questionnaire or framework version that is neither current nor archived. */
export class UnknownVersionError extends Error {
  constructor(
    readonly id: string,
    readonly version: string,
  ) {
    super(`Version ${version} of "${id}" is neither the current version nor in the archive`);
    this.name = 'UnknownVersionError';
  }
}

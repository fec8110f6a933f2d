import { describe, expect, it } from 'vitest';
import { nominationOutcome } from '../../../client/src/inspector/nomination-outcome.js';

describe('nominationOutcome', () => {
  it.each([
    [
      { created: [{ index: 0, id: 'a', link: 'l' }], skipped: [] },
      '1 netwerkpartner is toegevoegd en uitgenodigd per e-mail.',
    ],
    [
      {
        created: [
          { index: 0, id: 'a', link: 'l' },
          { index: 1, id: 'b', link: 'l' },
        ],
        skipped: [
          { index: 2, reason: 'respondent_limit' },
          { index: 3, reason: 'respondent_limit' },
        ],
      },
      '2 netwerkpartners zijn toegevoegd en uitgenodigd per e-mail. 2 overgeslagen: het maximum van drie netwerkpartners is bereikt.',
    ],
    [
      {
        created: [],
        skipped: [
          { index: 0, reason: 'no_email' },
          { index: 1, reason: 'already_created' },
        ],
      },
      'Er is geen netwerkpartner toegevoegd. 2 overgeslagen: geen e-mailadres; al toegevoegd.',
    ],
  ])('%o', (result, expected) => {
    expect(nominationOutcome(result)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/shared/api/api-error.js';
import { describeError } from '../../../client/src/shared/api/describe-error.js';

describe('describeError', () => {
  it('explains known codes in Dutch', () => {
    expect(describeError(new ApiError(401, 'invalid_credentials', 'x'))).toBe(
      'Het e-mailadres of wachtwoord klopt niet.',
    );
    expect(describeError(new ApiError(409, 'respondent_limit', 'x'))).toMatch(
      /ten hoogste drie netwerkpartners/,
    );
  });

  it('falls back on the status for unknown codes', () => {
    expect(describeError(new ApiError(429, 'something_new', 'x'))).toMatch(/^Te veel pogingen/);
    expect(describeError(new ApiError(503, 'db_down', 'x'))).toMatch(/op de server/);
    expect(describeError(new ApiError(400, 'odd', 'x'))).toContain('(odd)');
    expect(describeError(new Error('boom'))).toBe('Er ging iets mis. Probeer het opnieuw.');
  });
});

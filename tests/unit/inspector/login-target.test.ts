import { describe, expect, it } from 'vitest';
import { loginPath, safeReturnPath } from '../../../client/src/inspector/login-target.js';

describe('safeReturnPath', () => {
  it.each([
    [null, '/inspectie'],
    ['/inspectie/onderzoeken/abc?x=1', '/inspectie/onderzoeken/abc?x=1'],
    ['https://evil.example/inspectie', '/inspectie'],
    ['//evil.example/inspectie', '/inspectie'],
    ['/v/token', '/inspectie'],
    ['/inspectie/inloggen?terug=/inspectie', '/inspectie'],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it('round-trips a target through the login URL', () => {
    const url = new URL(loginPath('/inspectie/e-mail?a=b'), 'http://x');
    expect(safeReturnPath(url.searchParams.get('terug'))).toBe('/inspectie/e-mail?a=b');
    expect(loginPath('/inspectie')).toBe('/inspectie/inloggen');
  });
});

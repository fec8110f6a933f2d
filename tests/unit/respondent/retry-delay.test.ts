import { describe, expect, it } from 'vitest';
import { maxRetryDelayMs, retryDelayMs } from '../../../client/src/respondent/retry-delay.js';

describe('retryDelayMs', () => {
  it('doubles from one second and caps at thirty seconds (no jitter)', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 12, 60].map((attempt) => retryDelayMs(attempt, () => 0));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
  });

  it('takes off at most a fifth as jitter and never exceeds the cap', () => {
    expect(retryDelayMs(3, () => 1)).toBe(6_400);
    expect(retryDelayMs(40, () => 0.5)).toBe(27_000);
    for (let attempt = 0; attempt < 50; attempt++) {
      const delay = retryDelayMs(attempt);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(maxRetryDelayMs);
    }
  });

  it('treats a negative attempt as the first', () => {
    expect(retryDelayMs(-3, () => 0)).toBe(1_000);
  });
});

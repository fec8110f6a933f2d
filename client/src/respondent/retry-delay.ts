const firstDelayMs = 1_000;
export const maxRetryDelayMs = 30_000;

/**
 * Exponential backoff for failed autosaves: 1 s, 2 s, 4 s … capped at 30 s, with up to 20 % jitter so
 * that many respondents behind one proxy do not retry in lockstep after an outage.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxRetryDelayMs, firstDelayMs * 2 ** Math.max(0, attempt));
  const jitter = exponential * 0.2 * random();
  return Math.min(maxRetryDelayMs, Math.round(exponential - jitter));
}

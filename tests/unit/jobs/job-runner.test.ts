import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startJobRunner } from '../../../server/jobs/job-runner.js';

const silent = pino({ level: 'silent' });

describe('job runner', () => {
  it('runs a job first after firstRunAfterMs, long before its interval', async () => {
    let runs = 0;
    const runner = startJobRunner(
      [{ name: 'soon', intervalMs: 60_000, firstRunAfterMs: 10, run: async () => void (runs += 1) }],
      silent,
    );
    await sleep(100);
    await runner.stop();
    expect(runs).toBe(1);
  });

  it('without firstRunAfterMs waits one interval', async () => {
    let runs = 0;
    const runner = startJobRunner(
      [{ name: 'later', intervalMs: 60_000, run: async () => void (runs += 1) }],
      silent,
    );
    await sleep(50);
    await runner.stop();
    expect(runs).toBe(0);
  });

  it('never overlaps runs of one job, and stop waits for the run in flight', async () => {
    let active = 0;
    let maxActive = 0;
    let finished = 0;
    const runner = startJobRunner(
      [
        {
          name: 'slow',
          intervalMs: 5,
          firstRunAfterMs: 0,
          run: async () => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            await sleep(40);
            active -= 1;
            finished += 1;
          },
        },
      ],
      silent,
    );
    await sleep(60);
    await runner.stop();
    expect(maxActive).toBe(1);
    expect(active).toBe(0);
    expect(finished).toBeGreaterThanOrEqual(1);
  });

  it('a failing run is logged and the job runs again', async () => {
    let runs = 0;
    const runner = startJobRunner(
      [
        {
          name: 'flaky',
          intervalMs: 10,
          firstRunAfterMs: 0,
          run: async () => {
            runs += 1;
            throw new Error('boom');
          },
        },
      ],
      silent,
    );
    await sleep(80);
    await runner.stop();
    expect(runs).toBeGreaterThan(1);
  });
});

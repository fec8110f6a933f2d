import type { Logger } from 'pino';

export type Job = {
  name: string;
  intervalMs: number;
  /** When set, the first run starts this long after start-up instead of one interval later. */
  firstRunAfterMs?: number;
  run(): Promise<unknown>;
};
export type JobRunner = { stop(): Promise<void> };

/**
 * Runs each job on its interval (timers `unref`ed: they never keep the process alive). A run never
 * overlaps the previous run of the same job; `stop` clears the timers and waits for runs in flight, for a
 * graceful shutdown. Jobs must be safe to run on several instances at once (see reminders.job.ts).
 */
export function startJobRunner(jobs: Job[], logger: Logger): JobRunner {
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const tick = (job: Job) => {
    if (stopped || running.has(job.name)) return;
    const run = job
      .run()
      .then(() => undefined)
      .catch((err: unknown) => logger.error({ err, job: job.name }, 'job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };
  const timers = jobs.flatMap((job) => {
    const timer = setInterval(() => tick(job), job.intervalMs);
    timer.unref();
    if (job.firstRunAfterMs === undefined) return [timer];
    const first = setTimeout(() => tick(job), job.firstRunAfterMs);
    first.unref();
    return [timer, first];
  });
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}

import { seedDemo } from '../../../server/demo/seed-demo.js';
import type { TestApp } from '../../support/test-app.js';
import { startE2eApp } from './e2e-app.js';

export type ReviewApp = {
  app: TestApp;
  baseUrl: string;
  /** The demo inspector account seedDemo created, with its one-time password. */
  inspector: { email: string; password: string };
  /** The open demo investigation ("Voorbeeldstad", this year) whose municipality and three partners have submitted; last year's round is closed. */
  investigationId: string;
  municipality: string;
  stop(): Promise<void>;
};

/**
 * The real app (built client, real questionnaires, embedded database) seeded exactly as a fresh demo
 * start is: Voorbeeldstad with four submitted responses and a demo inspector account.
 */
export async function startReviewApp(): Promise<ReviewApp> {
  const { app, ctx } = await startE2eApp();
  const models = ctx.models;
  const seed = await seedDemo(ctx);
  if (!seed.account) throw new Error('the demo seed did not create its inspector account');
  const investigation = await models.Investigation.findOne({ status: 'open' }).lean<{
    _id: unknown;
    municipality: string;
  }>();
  if (!investigation) throw new Error('the demo seed did not create its investigation');
  return {
    app,
    baseUrl: app.baseUrl,
    inspector: seed.account,
    investigationId: String(investigation._id),
    municipality: investigation.municipality,
    stop: () => app.stop(),
  };
}

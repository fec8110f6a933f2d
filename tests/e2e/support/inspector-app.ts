import type { UserRole } from '../../../server/models/user.model.js';
import { createUser, ensureInitialAdmin } from '../../../server/users/users.service.js';
import type { TestApp } from '../../support/test-app.js';
import { startE2eApp } from './e2e-app.js';

export type InspectorApp = {
  app: TestApp;
  baseUrl: string;
  admin: { email: string; password: string };
  /** Another account with a known password, as `npm run user:add` would make it. */
  createAccount(input: { email: string; name: string; role: UserRole; password: string }): Promise<void>;
  stop(): Promise<void>;
};

const admin = { email: 'beheerder@stj.example', password: 'e2e-wachtwoord-lang-genoeg' };

/**
 * The real app (built client, real questionnaires, embedded database, outbox-only mail) with the first
 * account created the way production does it: INITIAL_ADMIN_EMAIL/PASSWORD on an empty database.
 */
export async function startInspectorApp(): Promise<InspectorApp> {
  const { app, ctx } = await startE2eApp({
    INITIAL_ADMIN_EMAIL: admin.email,
    INITIAL_ADMIN_PASSWORD: admin.password,
  });
  await ensureInitialAdmin(ctx);
  return {
    app,
    baseUrl: app.baseUrl,
    admin,
    async createAccount(input) {
      await createUser(ctx, input);
    },
    stop: () => app.stop(),
  };
}

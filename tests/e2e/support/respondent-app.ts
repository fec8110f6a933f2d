import path from 'node:path';
import type { Types } from 'mongoose';
import { loadConfig } from '../../../server/config/config.js';
import { loadFramework } from '../../../server/framework/load-framework.js';
import type { RespondentRole } from '../../../server/models/respondent.model.js';
import { createRespondContext, prepareRespondStorage } from '../../../server/respond/respond.context.js';
import { createRespondent } from '../../../server/respond/respondents.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { ensureClientBuilt, projectRoot } from './build-client.js';

export type RespondentApp = {
  app: TestApp;
  baseUrl: string;
  /** A new investigation with one respondent of this role; returns the token of its personal link. */
  invite(role: RespondentRole, organisation: string): Promise<string>;
  stop(): Promise<void>;
};

/** The real app (built client, real questionnaires, embedded database) over HTTP on an ephemeral port. */
export async function startRespondentApp(): Promise<RespondentApp> {
  const clientDir = await ensureClientBuilt();
  const questionnaireDir = path.join(projectRoot, 'questionnaires');
  const framework = await loadFramework(questionnaireDir);
  const app = await startTestApp({ questionnaires: framework, clientDir });
  await prepareRespondStorage(app.database.connection);
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', QUESTIONNAIRE_DIR: questionnaireDir });
  const ctx = createRespondContext({ connection: app.database.connection, config, framework });

  async function createInvestigation(): Promise<Types.ObjectId> {
    const created = await ctx.models.Investigation.create({
      municipality: 'Venlo',
      approach: 'Sociale wijkteams',
      year: 2026,
      deadline: new Date('2026-06-01T00:00:00Z'),
    });
    return created._id;
  }

  return {
    app,
    baseUrl: app.baseUrl,
    async invite(role, organisation) {
      const { link } = await createRespondent(ctx, await createInvestigation(), {
        role,
        organisation,
        email: 'contact@example.nl',
      });
      const token = /\/v\/([A-Za-z0-9_-]+)$/.exec(link)?.[1];
      if (!token) throw new Error(`not a respondent link: ${link}`);
      return token;
    },
    stop: () => app.stop(),
  };
}

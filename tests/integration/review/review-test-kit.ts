import { expect } from 'vitest';
import { loadDemoData } from '../../../server/demo/demo-data.js';
import { saveDraft, submitResponse } from '../../../server/respond/respond.service.js';
import { createRespondent } from '../../../server/respond/respondents.service.js';
import type { HttpClient, InspectorKit } from '../inspector/inspector-test-kit.js';

/** Creates an investigation through the API; returns its id. */
export async function createInvestigation(
  inspector: HttpClient,
  municipality: string,
  year = 2025,
): Promise<string> {
  const reply = await inspector.post('/api/investigations', {
    municipality,
    approach: 'Sociale wijkteams',
    year,
  });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

/**
 * The demo respondents (questionnaires/demo/) on an investigation, through the real submit path.
 * Those named in `drafts` only save their answers as a draft; those in `skip` are not added.
 */
export async function addDemoRespondents(
  kit: InspectorKit,
  investigationId: string,
  options: { drafts?: string[]; skip?: string[] } = {},
): Promise<void> {
  const { respondents } = await loadDemoData(kit.config.QUESTIONNAIRE_DIR);
  for (const demo of respondents) {
    if (options.skip?.includes(demo.organisation)) continue;
    const { respondent } = await createRespondent(kit.respond, investigationId, {
      role: demo.role,
      organisation: demo.organisation,
      email: demo.email,
    });
    if (options.drafts?.includes(demo.organisation)) {
      await saveDraft(kit.respond, respondent, { data: demo.data, currentPageNo: 0, revision: 0 });
    } else {
      await submitResponse(kit.respond, respondent, { data: demo.data, revision: 0 });
    }
  }
}

import { Model } from 'survey-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startRespondKit, type RespondKit, type SessionBody } from './respond-test-kit.js';

let kit: RespondKit;
beforeAll(async () => {
  kit = await startRespondKit();
});
afterAll(async () => {
  await kit.stop();
});

/** The text of the first page as a respondent sees it: only the visible display elements. */
function welcomeText(session: SessionBody): string {
  const survey = new Model(session.questionnaire.json);
  const page = survey.visiblePages[0];
  return (page?.questions ?? [])
    .filter((question) => question.isVisible)
    .map((question) => String(question.getPropertyValue('html') ?? ''))
    .join('\n');
}

async function sessionFor(followUp: boolean, role: 'gemeente' | 'netwerkpartner'): Promise<SessionBody> {
  const firstIndicator = kit.framework.framework.themes[0]?.criteria[0]?.indicators[0]?.id ?? '';
  const investigation = followUp
    ? (
        await kit.ctx.models.Investigation.create({
          municipality: 'Zwolle',
          approach: 'Sociale wijkteams',
          year: 2026,
          followUp: {
            baselines: [
              {
                investigation: await kit.createInvestigation(),
                factsheetVersion: 1,
                year: 2025,
                approach: 'X',
              },
            ],
            indicatorIds: [firstIndicator],
          },
        })
      )._id
    : await kit.createInvestigation();
  const { token } = await kit.invite(investigation, role);
  return (await getJson(kit.url(token))).body as SessionBody;
}

describe('the welcome text of a follow-up round', () => {
  it.each(['gemeente', 'netwerkpartner'] as const)(
    'says only the improvement points come back, and not the first round’s duration (%s)',
    async (role) => {
      const first = welcomeText(await sessionFor(false, role));
      const followUp = welcomeText(await sessionFor(true, role));
      expect(first).not.toContain('vervolgonderzoek');
      expect(followUp).toContain('vervolgonderzoek');
      expect(followUp).toContain('verbeterpunt');
      // The first round's text (its duration) is not shown in the follow-up.
      const firstDuration = /Hoe lang duurt het\?<\/strong>([^<]*)/.exec(first)?.[1] ?? '';
      expect(firstDuration).not.toBe('');
      expect(followUp).not.toContain(firstDuration);
    },
  );
});

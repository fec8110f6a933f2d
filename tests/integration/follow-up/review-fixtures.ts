import { expect } from 'vitest';
import { factsheetSchema, type Factsheet, type JudgmentVerdict } from '../../../shared/api/review.js';
import type { Framework } from '../../../server/framework/framework.schema.js';
import type { HttpClient, InspectorKit } from '../inspector/inspector-test-kit.js';
import { realisticAnswers, tokenOf } from '../respond/respond-test-kit.js';

/**
 * Builds reviewed investigations for the follow-up, overview and export tests: respondents answer
 * through the real respondent API; judgments and factsheets are written through their models (the
 * judging and publishing APIs are another module's business and tested there).
 */

export async function createInvestigation(
  inspector: HttpClient,
  fields: { municipality: string; approach?: string; year?: number },
): Promise<string> {
  const reply = await inspector.post('/api/investigations', {
    municipality: fields.municipality,
    approach: fields.approach ?? 'Integrale aanpak',
    year: fields.year ?? 2013,
  });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

export async function addRespondent(
  inspector: HttpClient,
  investigationId: string,
  role: 'gemeente' | 'netwerkpartner',
  organisation: string,
): Promise<string> {
  const local = organisation
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  const email = `${local}@example.org`;
  const reply = await inspector.post(`/api/investigations/${investigationId}/respondents`, {
    role,
    organisation,
    email,
  });
  expect(reply.status).toBe(201);
  return String(reply.body.link);
}

export function respondUrl(kit: InspectorKit, link: string, suffix = ''): string {
  return `${kit.app.baseUrl}/api/respond/${tokenOf(link)}${suffix}`;
}

export async function submit(
  kit: InspectorKit,
  link: string,
  data: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(respondUrl(kit, link, '/submit'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data, revision: 0 }),
  });
  return { status: res.status, body: await res.json() };
}

/** The realistic answers of a role, without uploads (no files exist in these tests). */
export function answersOf(role: 'gemeente' | 'netwerkpartner'): Record<string, unknown> {
  const answers = realisticAnswers(role);
  delete answers.documenten;
  return answers;
}

/** A baseline with a municipality and two partners that all submitted. */
export async function answeredInvestigation(
  kit: InspectorKit,
  inspector: HttpClient,
  fields: { municipality: string; approach?: string; year?: number },
  partnerAnswers: (index: number) => Record<string, unknown> = () => answersOf('netwerkpartner'),
  partners: readonly string[] = ['GGZ Regio', 'Wijkteam Centrum'],
): Promise<string> {
  const id = await createInvestigation(inspector, fields);
  const gemeente = await addRespondent(inspector, id, 'gemeente', `Gemeente ${fields.municipality}`);
  expect((await submit(kit, gemeente, answersOf('gemeente'))).status).toBe(200);
  for (const [index, organisation] of partners.entries()) {
    const link = await addRespondent(inspector, id, 'netwerkpartner', organisation);
    expect((await submit(kit, link, partnerAnswers(index))).status).toBe(200);
  }
  return id;
}

const inspectorActor = { id: 'test', name: 'Test Inspecteur', email: 'inspecteur@stj.example' };

export async function judge(
  kit: InspectorKit,
  investigationId: string,
  verdicts: Record<string, { verdict: JudgmentVerdict; finding?: string; letOp?: string }>,
): Promise<void> {
  for (const [indicatorId, judgment] of Object.entries(verdicts)) {
    await kit.ctx.models.Judgment.create({
      investigation: investigationId,
      indicatorId,
      verdict: judgment.verdict,
      letOp: judgment.letOp ?? null,
      finding: judgment.finding ?? `Bevinding bij ${indicatorId}.`,
      revision: 1,
      updatedBy: inspectorActor,
    });
  }
}

/**
 * Publishes a factsheet version whose snapshot says `verdicts` (every other indicator of the
 * investigation's scope: voldoet). The snapshot is checked against the contract before it is stored.
 */
export async function publish(
  kit: InspectorKit,
  investigationId: string,
  verdicts: Record<string, JudgmentVerdict>,
  options: { version?: number; scope?: readonly string[] } = {},
): Promise<Factsheet> {
  const framework: Framework = kit.framework.framework;
  const investigation = await kit.ctx.models.Investigation.findById(investigationId).lean();
  if (!investigation) throw new Error('no such investigation');
  const inScope = (id: string) => !options.scope || options.scope.includes(id);
  const snapshot = factsheetSchema.parse({
    version: options.version ?? 1,
    kind: 'uitkomsten',
    publishedAt: new Date().toISOString(),
    publishedBy: { name: inspectorActor.name, email: inspectorActor.email },
    investigation: {
      id: investigationId,
      municipality: investigation.municipality,
      approach: investigation.approach,
      year: investigation.year,
    },
    title: `Uitkomsten toezichtonderzoek ${investigation.municipality}`,
    introduction: framework.introduction.join('\n\n'),
    frameworkTitle: framework.title,
    approach: { name: investigation.approach, description: null, familyCount: null },
    respondents: { gemeenteSubmitted: true, partners: ['GGZ Regio', 'Wijkteam Centrum'] },
    baselines: [],
    themes: framework.themes
      .map((theme) => ({
        id: theme.id,
        title: theme.title,
        description: theme.description,
        criteria: theme.criteria
          .map((criterion) => ({
            id: criterion.id,
            title: criterion.title,
            indicators: criterion.indicators
              .filter((indicator) => inScope(indicator.id))
              .map((indicator) => ({
                id: indicator.id,
                text: indicator.text,
                verdict: verdicts[indicator.id] ?? 'voldoet',
                letOp: null,
                finding: `Bevinding bij ${indicator.id}.`,
              })),
          }))
          .filter((criterion) => criterion.indicators.length > 0),
        conclusions: { goed: 'Goed.', beter: 'Beter.' },
      }))
      .filter((theme) => theme.criteria.length > 0),
  });
  await kit.ctx.models.Factsheet.create({
    investigation: investigationId,
    version: snapshot.version,
    snapshot,
    publishedAt: new Date(snapshot.publishedAt),
  });
  return snapshot;
}

/** Question names of some indicators, from the framework (with their explanation companions). */
export function questionNamesOf(framework: Framework, indicatorIds: readonly string[]): string[] {
  return framework.themes.flatMap((theme) =>
    theme.criteria.flatMap((criterion) =>
      criterion.indicators
        .filter((indicator) => indicatorIds.includes(indicator.id))
        .flatMap((indicator) => indicator.questions.map((question) => question.name)),
    ),
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisSummaries } from '../../../server/overview/analysis-summaries.js';
import { investigationsOf } from '../../../server/overview/overview.service.js';
import { warmOverviewSummaries } from '../../../server/overview/warm-summaries.job.js';
import {
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { addRespondent, answersOf, createInvestigation, submit } from '../follow-up/review-fixtures.js';

let kit: InspectorKit;
let inspector: HttpClient;

beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
  for (const [municipality, year] of [
    ['Purmerend', 2041],
    ['Zaanstad', 2041],
    ['Alkmaar', 2042],
  ] as const) {
    const id = await createInvestigation(inspector, { municipality, year });
    const token = await addRespondent(inspector, id, 'gemeente', `Gemeente ${municipality}`);
    expect((await submit(kit, token, answersOf('gemeente'))).status).toBe(200);
  }
});
afterAll(async () => {
  await kit.stop();
});

const newSummaries = () =>
  createAnalysisSummaries({
    models: kit.ctx.models,
    framework: kit.framework.framework,
    frameworkVersion: kit.framework.version,
    logger: kit.ctx.logger,
  });

describe('background warm-up of the overview summaries', () => {
  it('stores every investigation’s summary, so a new instance’s first overview analyses nothing', async () => {
    const investigations = await kit.ctx.models.Investigation.countDocuments();
    const warmed = await warmOverviewSummaries(kit.ctx.models, newSummaries(), { batchSize: 2 });
    expect(warmed).toEqual({ investigations, analysed: investigations });

    const anotherInstance = newSummaries();
    const overview = await anotherInstance.of(
      await investigationsOf(kit.ctx.models, { year: 2041, round: 'all' }),
    );
    expect(overview.size).toBe(2);
    expect(anotherInstance.computed).toBe(0);

    // Nothing changed: the next run only checks fingerprints.
    expect((await warmOverviewSummaries(kit.ctx.models, newSummaries())).analysed).toBe(0);
  });

  it('analyses again only the investigation whose answers changed since', async () => {
    await warmOverviewSummaries(kit.ctx.models, newSummaries());
    const id = await createInvestigation(inspector, { municipality: 'Hoorn', year: 2042 });
    const token = await addRespondent(inspector, id, 'gemeente', 'Gemeente Hoorn');
    expect((await submit(kit, token, answersOf('gemeente'))).status).toBe(200);
    expect((await warmOverviewSummaries(kit.ctx.models, newSummaries())).analysed).toBe(1);
  });

  it('periodic runs look at open investigations only', async () => {
    const all = await kit.ctx.models.Investigation.countDocuments();
    const id = await createInvestigation(inspector, { municipality: 'Edam', year: 2042 });
    expect((await inspector.send('PATCH', `/api/investigations/${id}`, { status: 'closed' })).status).toBe(
      200,
    );
    const open = await kit.ctx.models.Investigation.countDocuments({ status: 'open' });
    expect(open).toBeLessThan(all + 1);
    expect(
      (await warmOverviewSummaries(kit.ctx.models, newSummaries(), { onlyOpen: true })).investigations,
    ).toBe(open);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from './inspector-test-kit.js';

let kit: InspectorKit;
let inspector: HttpClient;

beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
});
afterAll(async () => {
  await kit.stop();
});

describe('a follow-up round on the detail page', () => {
  it('names its baseline and the improvement points it asks again, in the framework’s words', async () => {
    const baseline = await kit.ctx.models.Investigation.create({
      municipality: 'Almere',
      approach: 'Sterke gezinnen',
      year: 2025,
    });
    const indicators = kit.framework.framework.themes.flatMap((theme) =>
      theme.criteria.flatMap((criterion) => criterion.indicators.map((indicator) => ({ theme, indicator }))),
    );
    const [first, last] = [indicators[0], indicators[indicators.length - 1]];
    if (!first || !last) throw new Error('the framework has no indicators');
    const followUp = await kit.ctx.models.Investigation.create({
      municipality: 'Almere',
      approach: 'Sterke gezinnen',
      year: 2026,
      followUp: {
        baselines: [
          { investigation: baseline._id, factsheetVersion: 2, year: 2025, approach: 'Sterke gezinnen' },
        ],
        // Stored out of framework order: the reply follows the framework.
        indicatorIds: [last.indicator.id, first.indicator.id],
      },
    });

    const detail = await inspector.get(`/api/investigations/${followUp._id.toString()}`);
    expect(detail.status).toBe(200);
    expect(detail.body.followUp).toMatchObject({
      baselines: [{ investigationId: baseline._id.toString(), year: 2025, approach: 'Sterke gezinnen' }],
    });
    expect(detail.body.followUpIndicators).toEqual([
      { id: first.indicator.id, theme: first.theme.title, text: first.indicator.text },
      { id: last.indicator.id, theme: last.theme.title, text: last.indicator.text },
    ]);

    const plain = await inspector.get(`/api/investigations/${baseline._id.toString()}`);
    expect(plain.body.followUpIndicators).toBeUndefined();
  });
});

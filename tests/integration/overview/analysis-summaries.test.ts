import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisSummaries } from '../../../server/overview/analysis-summaries.js';
import { investigationsOf } from '../../../server/overview/overview.service.js';
import {
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import {
  addRespondent,
  answersOf,
  createInvestigation,
  respondUrl,
  submit,
} from '../follow-up/review-fixtures.js';

let kit: InspectorKit;
let inspector: HttpClient;
let hoorn: string;
let hoornPartner: string;
let edam: string;

beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
  hoorn = await createInvestigation(inspector, { municipality: 'Hoorn', year: 2040 });
  expect(
    (
      await submit(
        kit,
        await addRespondent(inspector, hoorn, 'gemeente', 'Gemeente Hoorn'),
        answersOf('gemeente'),
      )
    ).status,
  ).toBe(200);
  hoornPartner = await addRespondent(inspector, hoorn, 'netwerkpartner', 'GGD Hoorn');
  expect((await submit(kit, hoornPartner, answersOf('netwerkpartner'))).status).toBe(200);
  edam = await createInvestigation(inspector, { municipality: 'Edam', year: 2040 });
  expect(
    (
      await submit(
        kit,
        await addRespondent(inspector, edam, 'gemeente', 'Gemeente Edam'),
        answersOf('gemeente'),
      )
    ).status,
  ).toBe(200);
});
afterAll(async () => {
  await kit.stop();
});

const year2040 = () => investigationsOf(kit.ctx.models, { year: 2040, round: 'all' });
const summariesWith = (maxEntries?: number) =>
  createAnalysisSummaries({
    models: kit.ctx.models,
    framework: kit.framework.framework,
    frameworkVersion: kit.framework.version,
    logger: kit.ctx.logger,
    ...(maxEntries ? { maxEntries } : {}),
  });

describe('analysis summaries cache', () => {
  it('reuses a summary while its answers are unchanged and recomputes only the changed investigation', async () => {
    const summaries = summariesWith();
    const first = await summaries.of(await year2040());
    expect(first.get(hoorn)?.size).toBe(
      kit.framework.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators)).length,
    );
    const again = await summaries.of(await year2040());
    // Same objects: served from the cache, not analysed again.
    expect(again.get(hoorn)).toBe(first.get(hoorn));
    expect(again.get(edam)).toBe(first.get(edam));

    // A judgment is not part of the key: the summaries stay.
    const judged = await inspector.send('PUT', `/api/investigations/${hoorn}/judgments/T1`, {
      verdict: 'voldoet',
      finding: 'In orde.',
    });
    expect(judged.status).toBe(200);
    const afterJudging = await summaries.of(await year2040());
    expect(afterJudging.get(hoorn)).toBe(first.get(hoorn));

    // Reopening Hoorn's partner recomputes Hoorn, not Edam.
    const respondent = await kit.ctx.models.Respondent.findOne({ organisation: 'GGD Hoorn' }).lean();
    const reopened = await inspector.post(
      `/api/investigations/${hoorn}/respondents/${String(respondent?._id)}/reopen`,
    );
    expect(reopened.status).toBe(200);
    const afterReopen = await summaries.of(await year2040());
    expect(afterReopen.get(hoorn)).not.toBe(first.get(hoorn));
    expect(afterReopen.get(edam)).toBe(first.get(edam));

    // The partner's draft autosaves are never analysed: once the draft is started (the first save
    // sets startedAt, which the analysis reads), further autosaves do not invalidate the summary.
    const autosave = async () => {
      const session = (await (await fetch(respondUrl(kit, hoornPartner))).json()) as {
        response: { revision: number };
      };
      const saved = await fetch(respondUrl(kit, hoornPartner), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          data: answersOf('netwerkpartner'),
          currentPageNo: 1,
          revision: session.response.revision,
        }),
      });
      expect(saved.status).toBe(200);
    };
    await autosave();
    const started = await summaries.of(await year2040());
    await autosave();
    await autosave();
    expect((await summaries.of(await year2040())).get(hoorn)).toBe(started.get(hoorn));
  });

  it('holds no more investigations than its bound, and a new framework version misses', async () => {
    const single = summariesWith(1);
    const investigations = await year2040();
    const hoornOnly = investigations.filter((i) => i._id.equals(new mongoose.Types.ObjectId(hoorn)));
    const edamOnly = investigations.filter((i) => i._id.equals(new mongoose.Types.ObjectId(edam)));
    const a = (await single.of(hoornOnly)).get(hoorn);
    expect((await single.of(hoornOnly)).get(hoorn)).toBe(a);
    await single.of(edamOnly); // evicts Hoorn
    expect((await single.of(hoornOnly)).get(hoorn)).not.toBe(a);

    const shared = summariesWith();
    const other = createAnalysisSummaries({
      models: kit.ctx.models,
      framework: kit.framework.framework,
      frameworkVersion: 'another-framework-version',
      logger: kit.ctx.logger,
    });
    const b = (await shared.of(hoornOnly)).get(hoorn);
    expect((await other.of(hoornOnly)).get(hoorn)).not.toBe(b);
    expect((await other.of(hoornOnly)).get(hoorn)).toEqual(b);
  });
});

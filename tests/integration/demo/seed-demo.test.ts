import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnabled, formatDemo, seedDemo } from '../../../server/demo/seed-demo.js';
import { reopenResponse } from '../../../server/respond/respondents.service.js';
import { PASSWORD, startInspectorKit, type InspectorKit } from '../inspector/inspector-test-kit.js';
import { tokenOf } from '../respond/respond-test-kit.js';

let kit: InspectorKit;
beforeAll(async () => {
  kit = await startInspectorKit();
});
afterAll(async () => {
  await kit.stop();
});

describe('demo data', () => {
  it.each([
    [{ DEMO: undefined, MONGODB_URI: undefined }, true],
    [{ DEMO: undefined, MONGODB_URI: 'mongodb://db/stj' }, false],
    [{ DEMO: false, MONGODB_URI: undefined }, false],
    [{ DEMO: true, MONGODB_URI: 'mongodb://db/stj' }, true],
  ])('is enabled for %o: %s', (config, expected) => {
    expect(demoEnabled(config)).toBe(expected);
  });

  it('seeds Voorbeeldstad with a submitted municipality and three submitted partners, and an inspector account', async () => {
    const seed = await seedDemo(kit.ctx);
    expect(seed.account?.email).toBe('inspecteur@voorbeeldstad.example');
    expect(seed.account?.password.length).toBeGreaterThanOrEqual(12);
    expect(seed.links).toEqual([]);
    expect(formatDemo(seed)).toContain(seed.account?.password);
    // A questionnaire nobody answered yet, to try the respondent side at once.
    expect(seed.tryOut).toMatchObject({ organisation: 'Gemeente Proefstad', role: 'gemeente' });
    expect(formatDemo(seed)).toContain(seed.tryOut?.link);
    const tryOut = (await (
      await fetch(`${kit.app.baseUrl}/api/respond/${tokenOf(seed.tryOut?.link ?? '')}`)
    ).json()) as {
      response: { status: string; revision: number };
    };
    expect(tryOut.response).toMatchObject({ status: 'concept', revision: 0 });

    // The newcomer's view, through the API with the printed credentials.
    const client = kit.client();
    expect((await client.login(seed.account?.email ?? '', seed.account?.password ?? '')).status).toBe(200);
    const list = await client.get('/api/investigations');
    const items = list.body.items as {
      id: string;
      municipality: string;
      approach: string;
      year: number;
      status: string;
      respondentCounts: Record<string, number>;
    }[];
    expect(items.map((item) => [item.approach, item.year, item.status]).sort()).toEqual([
      ['Integrale aanpak', kit.now().getFullYear(), 'open'],
      ['Multiprobleemgezinnen', kit.now().getFullYear() - 1, 'closed'],
      ['Sociale wijkteams', kit.now().getFullYear(), 'open'],
    ]);
    const investigation = items.find((item) => item.approach === 'Sociale wijkteams');
    expect(investigation).toMatchObject({
      municipality: 'Voorbeeldstad',
      respondentCounts: { total: 4, ingediend: 4 },
    });
    const detail = await client.get(`/api/investigations/${investigation?.id}`);
    expect(
      (detail.body.respondents as { role: string; status: string }[]).map((r) => [r.role, r.status]),
    ).toEqual([
      ['gemeente', 'ingediend'],
      ['netwerkpartner', 'ingediend'],
      ['netwerkpartner', 'ingediend'],
      ['netwerkpartner', 'ingediend'],
    ]);
    // The municipality nominated exactly the three partners that answered.
    const nominations = await client.get(`/api/investigations/${investigation?.id}/nominations`);
    expect((nominations.body.items as { respondentId?: string }[]).every((n) => n.respondentId)).toBe(true);
    const outbox = await client.get('/api/outbox');
    expect((outbox.body.items as { kind: string }[]).filter((m) => m.kind === 'invitation')).toHaveLength(4);
    const responses = await kit.ctx.models.Response.find({
      status: 'ingediend',
      investigation: investigation?.id,
    }).lean();
    expect(responses).toHaveLength(4);
  });

  it("has last year's round judged as proposed and published, ready for a follow-up round", async () => {
    const client = kit.client();
    const { email } = await kit.addUser('collega@stj.example');
    expect((await client.login(email, PASSWORD)).status).toBe(200);
    const baseline = await kit.ctx.models.Investigation.findOne({ approach: 'Multiprobleemgezinnen' }).lean();
    const id = baseline?._id.toString() ?? '';

    const review = await client.get(`/api/investigations/${id}/review`);
    expect(review.status).toBe(200);
    const body = review.body as {
      judgments: { indicatorId: string; verdict: string; finding: string }[];
      analysis: { indicators: { id: string; proposal: { verdict: string; finding: string } }[] };
      factsheets: { version: number }[];
      changedSincePublished: boolean;
    };
    expect(body.judgments).toHaveLength(30);
    expect(body.factsheets.map((f) => f.version)).toEqual([1]);
    expect(body.changedSincePublished).toBe(false);
    const proposed = new Map(body.analysis.indicators.map((i) => [i.id, i.proposal]));
    for (const judgment of body.judgments) {
      const proposal = proposed.get(judgment.indicatorId);
      expect(judgment.finding).toBe(proposal?.finding);
      const expected = { voldoet_let_op: 'voldoet', geen_oordeel: 'niet_beoordeeld' }[
        proposal?.verdict as 'voldoet_let_op' | 'geen_oordeel'
      ];
      expect(judgment.verdict).toBe(expected ?? proposal?.verdict);
    }
    const improvementPoints = body.judgments
      .filter((j) => j.verdict === 'verbeterpunt')
      .map((j) => j.indicatorId);
    expect(improvementPoints.length).toBeGreaterThan(0);

    const followUp = await client.post(`/api/investigations/${id}/follow-up`, {
      year: kit.now().getFullYear() + 1,
    });
    expect(followUp.status).toBe(201);
    expect((followUp.body as { indicatorIds: string[] }).indicatorIds.sort()).toEqual(
      improvementPoints.sort(),
    );
    await kit.ctx.models.Investigation.deleteOne({ _id: (followUp.body as { id: string }).id });
  });

  it('creates nothing on the next start; a reopened respondent gets a fresh working link', async () => {
    const again = await seedDemo(kit.ctx);
    expect(again.links).toEqual([]);
    // The try-out link is new on every start: the previous one stops working.
    const firstTryOut = (await seedDemo(kit.ctx)).tryOut?.link ?? '';
    expect((await fetch(`${kit.app.baseUrl}/api/respond/${tokenOf(firstTryOut)}`)).status).toBe(200);
    const nextTryOut = (await seedDemo(kit.ctx)).tryOut?.link ?? '';
    expect(nextTryOut).not.toBe(firstTryOut);
    expect((await fetch(`${kit.app.baseUrl}/api/respond/${tokenOf(firstTryOut)}`)).status).toBe(404);
    expect((await fetch(`${kit.app.baseUrl}/api/respond/${tokenOf(nextTryOut)}`)).status).toBe(200);
    expect(await kit.ctx.models.Investigation.countDocuments()).toBe(3);
    expect(await kit.ctx.models.User.countDocuments()).toBe(2);

    const current = await kit.ctx.models.Investigation.findOne({ approach: 'Sociale wijkteams' }).lean();
    const partner = await kit.ctx.models.Respondent.findOne({
      role: 'netwerkpartner',
      investigation: current?._id,
    }).lean();
    await reopenResponse(kit.respond, partner?._id ?? '');
    const { links } = await seedDemo(kit.ctx);
    expect(links).toHaveLength(1);
    const res = await fetch(`${kit.app.baseUrl}/api/respond/${tokenOf(links[0]?.link ?? '')}`);
    expect(res.status).toBe(200);
    expect(formatDemo({ links })).toContain('Voorbeeldstad');
  });

  it('never seeds into a database that already holds other investigations', async () => {
    const other = await startInspectorKit();
    try {
      await other.ctx.models.Investigation.create({
        municipality: 'Zwolle',
        approach: 'Wijkteams',
        year: 2025,
      });
      expect(await seedDemo(other.ctx)).toEqual({ links: [] });
      expect(await other.ctx.models.Investigation.countDocuments()).toBe(1);
      expect(await other.ctx.models.User.countDocuments()).toBe(0);
    } finally {
      await other.stop();
    }
  });
});

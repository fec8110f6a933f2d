import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnabled, formatDemo, seedDemo } from '../../../server/demo/seed-demo.js';
import { reopenResponse } from '../../../server/respond/respondents.service.js';
import { startInspectorKit, type InspectorKit } from '../inspector/inspector-test-kit.js';
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

    // The newcomer's view, through the API with the printed credentials.
    const client = kit.client();
    expect((await client.login(seed.account?.email ?? '', seed.account?.password ?? '')).status).toBe(200);
    const list = await client.get('/api/investigations');
    const [investigation] = list.body.items as {
      id: string;
      municipality: string;
      respondentCounts: Record<string, number>;
    }[];
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
    const responses = await kit.ctx.models.Response.find({ status: 'ingediend' }).lean();
    expect(responses).toHaveLength(4);
  });

  it('creates nothing on the next start; a reopened respondent gets a fresh working link', async () => {
    const again = await seedDemo(kit.ctx);
    expect(again).toEqual({ links: [] });
    expect(await kit.ctx.models.Investigation.countDocuments()).toBe(1);
    expect(await kit.ctx.models.User.countDocuments()).toBe(1);

    const partner = await kit.ctx.models.Respondent.findOne({ role: 'netwerkpartner' }).lean();
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

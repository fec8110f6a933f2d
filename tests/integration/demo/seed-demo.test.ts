import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnabled, formatDemoLinks, seedDemo } from '../../../server/demo/seed-demo.js';
import { getJson, startRespondKit, tokenOf, type RespondKit } from '../respond/respond-test-kit.js';

let kit: RespondKit;
let firstLinks: string[] = [];
beforeAll(async () => {
  kit = await startRespondKit();
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

  it('seeds one investigation with a municipality and three partners whose links work', async () => {
    const links = await seedDemo(kit.ctx);
    expect(links.map((l) => l.role)).toEqual([
      'gemeente',
      'netwerkpartner',
      'netwerkpartner',
      'netwerkpartner',
    ]);
    expect(await kit.ctx.models.Investigation.countDocuments()).toBe(1);
    for (const { link, organisation } of links) {
      const res = await getJson(kit.url(tokenOf(link)));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ respondent: { organisation } });
    }
    expect(formatDemoLinks(links)).toContain('Voorbeeldstad');
    firstLinks = links.map((l) => l.link);
  });

  it('on the next start replaces the links of respondents who have not submitted', async () => {
    const before = await kit.ctx.models.Respondent.find().lean();
    const links = await seedDemo(kit.ctx);
    expect(links).toHaveLength(4);
    expect(await kit.ctx.models.Respondent.countDocuments()).toBe(before.length);
    const fresh = await getJson(kit.url(tokenOf(links[0]!.link)));
    expect(fresh.status).toBe(200);
    expect(firstLinks).toHaveLength(4);
    const old = await getJson(kit.url(tokenOf(firstLinks[0]!)));
    expect(old.status).toBe(404);
  });

  it('never seeds into a database that already holds other investigations', async () => {
    await kit.ctx.models.Investigation.deleteMany({});
    await kit.ctx.models.Investigation.create({ municipality: 'Zwolle', approach: 'Wijkteams', year: 2025 });
    expect(await seedDemo(kit.ctx)).toEqual([]);
    expect(await kit.ctx.models.Investigation.countDocuments()).toBe(1);
  });
});

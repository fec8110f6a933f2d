import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewSchema, type Review } from '../../../shared/api/review.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { addDemoRespondents, createInvestigation } from './review-test-kit.js';

let kit: InspectorKit;
let inspector: HttpClient;
beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
});
afterAll(async () => {
  await kit.stop();
});

async function reviewOf(id: string): Promise<Review> {
  const reply = await inspector.get(`/api/investigations/${id}/review`);
  expect(reply.status).toBe(200);
  return reviewSchema.parse(reply.body);
}

const judge = (id: string, indicator: string, body: Record<string, unknown>) =>
  inspector.send('PUT', `/api/investigations/${id}/judgments/${indicator}`, body);

const indicatorIds = (review: Review) =>
  review.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.map((i) => i.id)));

/** A published factsheet as the factsheet service stores it (only what the summary reads matters). */
async function publish(id: string, version: number) {
  await kit.ctx.models.Factsheet.create({
    investigation: id,
    version,
    publishedAt: kit.now(),
    snapshot: {
      version,
      kind: 'uitkomsten',
      publishedAt: kit.now().toISOString(),
      publishedBy: { name: 'Inspecteur', email: 'inspecteur@stj.example' },
    },
  });
}

describe('GET /api/investigations/:id/review', () => {
  it('gives the outline with Dutch question titles, the analysis, judgments and conclusions', async () => {
    const id = await createInvestigation(inspector, 'Voorbeeldstad');
    await addDemoRespondents(kit, id);
    await judge(id, 'A9', { verdict: 'verbeterpunt', finding: 'Niet geregeld.' });
    await inspector.send('PUT', `/api/investigations/${id}/conclusions/aanpak`, {
      goed: 'Veel.',
      beter: 'A9.',
    });

    const review = await reviewOf(id);
    expect(review.investigation).toEqual({
      id,
      municipality: 'Voorbeeldstad',
      approach: 'Sociale wijkteams',
      year: 2025,
      status: 'open',
      followUp: null,
    });
    expect(review.framework.id).toBe('ggsr');
    expect(review.framework.themes.map((t) => t.id)).toEqual([
      'toeleiding',
      'gezin_centraal',
      'aanpak',
      'samenwerking',
      'continu',
    ]);
    const aanpak = review.framework.themes.find((t) => t.id === 'aanpak');
    const a9 = aanpak?.criteria.flatMap((c) => c.indicators).find((i) => i.id === 'A9');
    expect(a9).toEqual({
      id: 'A9',
      text: 'De doorzettingsmacht voor de regisseur is geregeld',
      questions: [
        {
          name: 'doorzettingsmacht',
          title: 'Is de doorzettingsmacht voor de regisseur geregeld?',
          kind: 'jnw',
        },
      ],
    });
    // Every question has a real title from the questionnaires, never its name standing in.
    const questions = review.framework.themes.flatMap((t) =>
      t.criteria.flatMap((c) => c.indicators.flatMap((i) => i.questions)),
    );
    expect(questions.filter((q) => q.title === q.name)).toEqual([]);
    // Asked of both roles with different wording: the municipality's questionnaire comes first.
    expect(questions.find((q) => q.name === 'plan_leidend')?.title).toBe(
      'Is dat plan leidend voor het handelen van de netwerkpartners?',
    );

    expect(review.analysis.indicators.map((i) => i.id)).toEqual(indicatorIds(review));
    expect(review.analysis.indicators.find((i) => i.id === 'A9')?.flags.map((f) => f.kind)).toEqual([
      'tegenspraak',
      'onbekend',
    ]);
    expect(review.judgments).toMatchObject([
      { indicatorId: 'A9', verdict: 'verbeterpunt', finding: 'Niet geregeld.', revision: 1 },
    ]);
    expect(review.conclusions).toMatchObject([{ themeId: 'aanpak', goed: 'Veel.', beter: 'A9.' }]);
    expect(review.factsheets).toEqual([]);
    expect(review.changedSincePublished).toBe(false);
  });

  it('lists factsheet versions and says when judgments changed after the newest one', async () => {
    const id = await createInvestigation(inspector, 'Sittard-Geleen');
    const judged = await judge(id, 'A9', { verdict: 'voldoet', finding: 'Geregeld.' });
    kit.advance(60_000);
    await publish(id, 1);
    let review = await reviewOf(id);
    expect(review.factsheets).toMatchObject([
      {
        version: 1,
        kind: 'uitkomsten',
        publishedBy: { name: 'Inspecteur', email: 'inspecteur@stj.example' },
      },
    ]);
    expect(review.changedSincePublished).toBe(false);

    kit.advance(60_000);
    await judge(id, 'A9', { verdict: 'verbeterpunt', finding: 'Toch niet.', revision: judged.body.revision });
    expect((await reviewOf(id)).changedSincePublished).toBe(true);

    kit.advance(60_000);
    await publish(id, 2);
    review = await reviewOf(id);
    expect(review.factsheets.map((f) => f.version)).toEqual([1, 2]);
    expect(review.changedSincePublished).toBe(false);

    // A conclusion counts as a change as much as a judgment does.
    kit.advance(60_000);
    await inspector.send('PUT', `/api/investigations/${id}/conclusions/continu`, { goed: 'Ja.', beter: '' });
    expect((await reviewOf(id)).changedSincePublished).toBe(true);
  });

  it('answers 404 for an unknown investigation and 401 without a session', async () => {
    const unknown = await inspector.get('/api/investigations/ffffffffffffffffffffffff/review');
    expect(errorCode(unknown)).toBe('investigation_not_found');
    expect((await kit.client().get('/api/investigations/ffffffffffffffffffffffff/review')).status).toBe(401);
  });
});

describe('a follow-up round', () => {
  it('reviews, analyses and judges only the indicators it asks again', async () => {
    const baseline = await createInvestigation(inspector, 'Almere', 2013);
    const id = await createInvestigation(inspector, 'Almere', 2015);
    await addDemoRespondents(kit, id);
    await kit.ctx.models.Investigation.updateOne(
      { _id: id },
      {
        $set: {
          followUp: {
            baselines: [
              {
                investigation: new mongoose.Types.ObjectId(baseline),
                factsheetVersion: 1,
                year: 2013,
                approach: 'Multiprobleemgezinnen',
              },
            ],
            indicatorIds: ['S4', 'A9'],
          },
        },
      },
    );

    const analysis = await inspector.get(`/api/investigations/${id}/analysis`);
    // Framework order, not the order of the follow-up's list.
    expect((analysis.body.indicators as { id: string }[]).map((i) => i.id)).toEqual(['A9', 'S4']);
    expect(analysis.body.aggregates).toMatchObject({
      proposalCounts: { voldoet_let_op: 1, verbeterpunt: 1, voldoet: 0, geen_oordeel: 0 },
    });

    const review = await reviewOf(id);
    expect(review.investigation.followUp).toEqual({
      baselines: [
        { investigationId: baseline, factsheetVersion: 1, year: 2013, approach: 'Multiprobleemgezinnen' },
      ],
      indicatorIds: ['S4', 'A9'],
    });
    expect(
      review.framework.themes.map((t) => [t.id, t.criteria.map((c) => c.indicators.map((i) => i.id))]),
    ).toEqual([
      ['aanpak', [['A9']]],
      ['samenwerking', [['S4']]],
    ]);
    expect(review.analysis.indicators.map((i) => i.id)).toEqual(['A9', 'S4']);

    expect((await judge(id, 'A9', { verdict: 'voldoet', finding: 'Nu geregeld.' })).status).toBe(200);
    const outside = await judge(id, 'T1', { verdict: 'voldoet', finding: 'Niet gevraagd.' });
    expect(outside.status).toBe(404);
    expect(errorCode(outside)).toBe('unknown_indicator');
    const theme = await inspector.send('PUT', `/api/investigations/${id}/conclusions/toeleiding`, {
      goed: '',
      beter: '',
    });
    expect(errorCode(theme)).toBe('unknown_theme');
    expect(
      (
        await inspector.send('PUT', `/api/investigations/${id}/conclusions/aanpak`, {
          goed: 'Ja.',
          beter: '',
        })
      ).status,
    ).toBe(200);
    // The baseline itself still judges every indicator.
    expect((await judge(baseline, 'T1', { verdict: 'verbeterpunt', finding: 'Onduidelijk.' })).status).toBe(
      200,
    );
  });
});

import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeHistorySchema,
  factsheetSchema,
  followUpNarrativeSchema,
  reviewSchema,
} from '../../../shared/api/review.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { indicatorIds, investigationWithAnswers, judge, rawGet } from '../factsheets/factsheet-kit.js';
import { overlappingText } from '../../unit/factsheets/pdf-reading.js';
import { investigationArchiveSchema } from '../../../server/exports/archive.schema.js';

/**
 * "Ontwikkeling <jaar>": the follow-up narrative over HTTP, from writing it (compare-and-set, history)
 * to the published factsheet in JSON, HTML and PDF.
 */

let kit: InspectorKit;
let anna: HttpClient;
let bram: HttpClient;
let baseline: string;
let followUp: string;
let asked: string[];

beforeAll(async () => {
  kit = await startInspectorKit();
  anna = await loggedInInspector(kit, 'anna@stj.example');
  bram = await loggedInInspector(kit, 'bram@stj.example');
  const ids = indicatorIds(kit);
  baseline = await investigationWithAnswers(kit, anna, {
    municipality: 'Venlo',
    approach: 'Er op af',
    year: 2013,
    submittedPartners: 1,
  });
  const flagged = new Set([ids[0], ids[4]]);
  await judge(kit, baseline, ids, (id) => ({
    verdict: flagged.has(id) ? 'verbeterpunt' : 'voldoet',
    finding: `Bevinding ${id}`,
  }));
  expect((await anna.post(`/api/investigations/${baseline}/factsheets`)).status).toBe(201);
  const created = await anna.post(`/api/investigations/${baseline}/follow-up`, {
    year: 2014,
    approach: 'Sociale wijkteams',
  });
  expect(created.status).toBe(201);
  followUp = String(created.body.id);
  asked = created.body.indicatorIds as string[];
  await judge(kit, followUp, asked, (id) => ({ verdict: 'voldoet', finding: `Opgepakt: ${id}` }));
});
afterAll(async () => {
  await kit.stop();
});

const url = (id: string) => `/api/investigations/${id}/follow-up-narrative`;
const put = (client: HttpClient, id: string, body: Record<string, unknown>) =>
  client.send('PUT', url(id), body);

const NARRATIVE = [
  'Op 13 januari 2015 heeft de gemeente Venlo aan STJ gepresenteerd hoe de verbeterpunten zijn opgepakt.',
  '',
  '### Sociale wijkteams',
  'In de stad zijn twaalf sociale wijkteams actief.',
].join('\n');

describe('the follow-up narrative endpoints', () => {
  it('exist only for a follow-up: 409 not_a_follow_up for a baseline, 404 for an unknown one', async () => {
    for (const reply of [
      await anna.get(url(baseline)),
      await put(anna, baseline, { text: 'Tekst' }),
      await anna.get(`${url(baseline)}/history`),
    ]) {
      expect(reply.status).toBe(409);
      expect(errorCode(reply)).toBe('not_a_follow_up');
    }
    const unknown = await anna.get(url('0'.repeat(24)));
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('investigation_not_found');
    expect(await kit.ctx.models.FollowUpNarrative.countDocuments()).toBe(0);
    expect(reviewSchema.parse((await anna.get(`/api/investigations/${baseline}/review`)).body)).toMatchObject(
      {
        followUpNarrative: null,
      },
    );
  });

  it('starts empty at revision 0, creates, ignores a no-op and keeps the history newest first', async () => {
    const empty = await anna.get(url(followUp));
    expect(empty.status).toBe(200);
    expect(followUpNarrativeSchema.parse(empty.body)).toEqual({
      text: '',
      revision: 0,
      updatedAt: null,
      updatedBy: null,
    });

    const created = await put(anna, followUp, { text: `  ${NARRATIVE}\n\n`, revision: 0 });
    expect(created.status).toBe(200);
    expect(followUpNarrativeSchema.parse(created.body)).toMatchObject({
      text: NARRATIVE,
      revision: 1,
      updatedBy: { email: 'anna@stj.example' },
    });
    kit.advance(1000);
    const same = await put(bram, followUp, { text: NARRATIVE, revision: 1 });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ revision: 1, updatedBy: { email: 'anna@stj.example' } });

    const history = changeHistorySchema.parse((await anna.get(`${url(followUp)}/history`)).body).items;
    expect(history).toMatchObject([
      { by: { email: 'anna@stj.example' }, before: null, after: { text: NARRATIVE } },
    ]);
    const audit = await kit.ctx.models.AuditEntry.find({ action: 'follow_up_narrative.updated' }).lean();
    expect(audit.map((e) => e.target)).toEqual([{ type: 'investigation', id: followUp }]);

    const review = reviewSchema.parse((await anna.get(`/api/investigations/${followUp}/review`)).body);
    expect(review.followUpNarrative).toMatchObject({ text: NARRATIVE, revision: 1 });
  });

  it('refuses a stale revision with 409 narrative_conflict and the current copy', async () => {
    const stale = await put(bram, followUp, { text: 'Mijn versie.', revision: 0 });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('narrative_conflict');
    const details = (stale.body.error as { details: { current: unknown }[] }).details;
    expect(followUpNarrativeSchema.parse(details[0]?.current)).toMatchObject({
      text: NARRATIVE,
      revision: 1,
    });

    const ahead = await put(bram, followUp, { text: 'Mijn versie.', revision: 5 });
    expect(ahead.status).toBe(409);
    expect(errorCode(ahead)).toBe('narrative_conflict');
    expect((await anna.get(url(followUp))).body).toMatchObject({ text: NARRATIVE, revision: 1 });
  });

  it('validates the body: 400 invalid_body for a text over 20,000 characters or a bad revision', async () => {
    for (const body of [{ text: 'x'.repeat(20_001) }, { text: 'Tekst', revision: -1 }, { revision: 1 }]) {
      const reply = await put(anna, followUp, body);
      expect(reply.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(errorCode(reply)).toBe('invalid_body');
    }
    expect((await put(anna, followUp, { text: 'x'.repeat(20_000), revision: 1 })).status).toBe(200);
    expect((await put(anna, followUp, { text: NARRATIVE, revision: 2 })).body).toMatchObject({ revision: 3 });
  });
});

describe('the narrative in the published factsheet', () => {
  it('is published, rendered escaped in HTML and findable in the PDF, before the results', async () => {
    const published = await anna.post(`/api/investigations/${followUp}/factsheets`);
    expect(published.status).toBe(201);
    const sheet = factsheetSchema.parse(
      (await anna.get(`/api/investigations/${followUp}/factsheets/${String(published.body.version)}`)).body,
    );
    expect(sheet.narrative).toEqual([
      {
        kind: 'paragraph',
        text: 'Op 13 januari 2015 heeft de gemeente Venlo aan STJ gepresenteerd hoe de verbeterpunten zijn opgepakt.',
      },
      { kind: 'heading', text: 'Sociale wijkteams' },
      { kind: 'paragraph', text: 'In de stad zijn twaalf sociale wijkteams actief.' },
    ]);

    const pdf = await rawGet(anna, `/api/investigations/${followUp}/factsheets/${sheet.version}.pdf`);
    expect(pdf.status).toBe(200);
    expect(await overlappingText(Buffer.from(pdf.bytes))).toEqual([]);
    const { text } = await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    const order = [
      ...[
        'Inleiding',
        'Ontwikkeling 2014',
        'Op 13 januari 2015 heeft de gemeente Venlo',
        'Sociale wijkteams In de stad zijn twaalf sociale wijkteams actief.',
      ].map((piece) => flat.indexOf(piece)),
      // The section heading, not the title or the page footers that start with the same words.
      flat.search(/Uitkomsten verbeterpunten (?!toezichtonderzoek)/),
    ];
    expect(
      order.every((p) => p >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('counts a changed narrative alone as a change, and shows a <script> in it as text', async () => {
    const version = await kit.ctx.models.Factsheet.countDocuments({ investigation: followUp });
    const again = await anna.post(`/api/investigations/${followUp}/factsheets`);
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('no_changes');

    kit.advance(1000);
    const script = '### Let <op>\n<script>alert("narratief")</script>';
    expect((await put(bram, followUp, { text: script, revision: 3 })).status).toBe(200);
    const review = reviewSchema.parse((await anna.get(`/api/investigations/${followUp}/review`)).body);
    expect(review.changedSincePublished).toBe(true);

    const draft = await rawGet(anna, `/api/investigations/${followUp}/factsheet-preview`);
    expect(draft.text).toContain('<h3>Let &lt;op&gt;</h3>');
    expect(draft.text).toContain('<p>&lt;script&gt;alert(&quot;narratief&quot;)&lt;/script&gt;</p>');
    expect(draft.text).not.toContain('<script>');

    kit.advance(1000);
    const republished = await anna.post(`/api/investigations/${followUp}/factsheets`);
    expect(republished.status).toBe(201);
    expect(republished.body.version).toBe(version + 1);
    const html = await rawGet(anna, `/api/investigations/${followUp}/factsheets/${version + 1}`, {
      accept: 'text/html',
    });
    expect(html.text).toContain('<h2>Ontwikkeling 2014</h2><h3>Let &lt;op&gt;</h3>');
    expect(html.text).not.toContain('<script>');
    // The earlier version keeps the narrative it was published with.
    const first = factsheetSchema.parse(
      (await anna.get(`/api/investigations/${followUp}/factsheets/1`)).body,
    );
    expect(first.narrative[1]).toEqual({ kind: 'heading', text: 'Sociale wijkteams' });

    // The JSON archive keeps the current text beside the published versions.
    const exported = await rawGet(anna, `/api/investigations/${followUp}/export.json`);
    const archive = investigationArchiveSchema.parse(JSON.parse(exported.text));
    expect(archive.followUpNarrative).toMatchObject({ text: script });
    const baselineExport = await rawGet(anna, `/api/investigations/${baseline}/export.json`);
    expect(investigationArchiveSchema.parse(JSON.parse(baselineExport.text)).followUpNarrative).toBeNull();
  });

  it('publishes a follow-up without a narrative: the section is simply left out', async () => {
    const created = await anna.post(`/api/investigations/${baseline}/follow-up`, { year: 2015 });
    const id = String(created.body.id);
    await judge(kit, id, created.body.indicatorIds as string[], () => ({
      verdict: 'voldoet',
      finding: 'Ja.',
    }));
    expect((await anna.post(`/api/investigations/${id}/factsheets`)).status).toBe(201);
    const sheet = factsheetSchema.parse((await anna.get(`/api/investigations/${id}/factsheets/1`)).body);
    expect(sheet.narrative).toEqual([]);
    const html = await rawGet(anna, `/api/investigations/${id}/factsheets/1`, { accept: 'text/html' });
    expect(html.text).not.toContain('Ontwikkeling');
  });
});

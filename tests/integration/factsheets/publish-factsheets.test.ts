import { Types } from 'mongoose';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsheetSchema, factsheetSummarySchema, reviewSchema } from '../../../shared/api/review.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { indicatorIds, investigationWithAnswers, judge, rawGet } from './factsheet-kit.js';

let kit: InspectorKit;
let inspector: HttpClient;
let ids: string[];
let id: string;

beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
  ids = indicatorIds(kit);
  id = await investigationWithAnswers(kit, inspector, {
    municipality: "Sittard-Geleen 's-Hertogenbosch",
    approach: 'Werktitel aanpak',
    year: 2025,
    submittedPartners: 2,
  });
});
afterAll(async () => {
  await kit.stop();
});

const base = () => `/api/investigations/${id}`;

describe('publishing a factsheet', () => {
  it('is refused while indicators lack a judgment, naming them', async () => {
    const none = await inspector.post(`${base()}/factsheets`);
    expect(none.status).toBe(409);
    expect(errorCode(none)).toBe('judgments_incomplete');
    expect((none.body.error as { details: unknown[] }).details).toHaveLength(ids.length);

    await judge(kit, id, ids.slice(0, -1), (i) => ({
      verdict: i === ids[3] ? 'verbeterpunt' : 'voldoet',
      finding: `Bevinding ${i}`,
      letOp:
        i === ids[5] ? 'Twee netwerkpartners geven aan dat er geen doorzettingsmacht is geregeld.' : null,
    }));
    const one = await inspector.post(`${base()}/factsheets`);
    expect(one.status).toBe(409);
    expect((one.body.error as { details: unknown[] }).details).toEqual([{ indicatorId: ids.at(-1) }]);
    expect(await kit.ctx.models.Factsheet.countDocuments()).toBe(0);
  });

  it('publishes version 1 with the respondents, audited', async () => {
    await judge(kit, id, ids.slice(-1), () => ({ verdict: 'niet_beoordeeld', finding: '' }));
    const published = await inspector.post(`${base()}/factsheets`);
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(1);

    const audit = await kit.ctx.models.AuditEntry.find({ action: 'factsheet.published' }).lean();
    expect(audit.map((a) => a.details)).toEqual([{ version: 1 }]);

    const list = await inspector.get(`${base()}/factsheets`);
    expect(list.status).toBe(200);
    const items = (list.body.items as unknown[]).map((item) => factsheetSummarySchema.parse(item));
    expect(items.map((i) => [i.version, i.kind, i.publishedBy.email])).toEqual([
      [1, 'uitkomsten', 'inspecteur@stj.example'],
    ]);
  });

  it('serves the snapshot as JSON, as HTML by Accept, and as PDF under :version.pdf', async () => {
    const json = await inspector.get(`${base()}/factsheets/1`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    const sheet = factsheetSchema.parse(json.body);
    expect(sheet.title).toBe("Uitkomsten toezichtonderzoek Sittard-Geleen 's-Hertogenbosch");
    // The investigation's name; description and count from the municipality's answers via the bindings.
    expect(sheet.approach).toMatchObject({ name: 'Werktitel aanpak', familyCount: 316 });
    expect(sheet.approach.description).toContain('Veiligheidshuis');
    expect(sheet.respondents).toEqual({
      gemeenteSubmitted: true,
      partners: ['Wijkteam Voorbeeldstad-Noord', 'GGZ Voorbeeldregio'],
    });
    const indicators = sheet.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators));
    expect(indicators.map((i) => i.id)).toEqual(ids);
    expect(indicators[3]?.verdict).toBe('verbeterpunt');
    expect(indicators[5]?.letOp).toContain('doorzettingsmacht');

    const html = await rawGet(inspector, `${base()}/factsheets/1`, { accept: 'text/html' });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('<html lang="nl">');
    expect(html.text).toContain('Uitkomsten toezichtonderzoek Sittard-Geleen &#39;s-Hertogenbosch');
    expect(html.text).toContain('<li>GGZ Voorbeeldregio</li>');
    expect(html.text).toMatch(/Versie 1 — gepubliceerd op \d{1,2} [a-z]+ \d{4}/);

    const pdf = await rawGet(inspector, `${base()}/factsheets/1.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      'attachment; filename="factsheet-sittard-geleen-s-hertogenbosch-2025-v1.pdf"',
    );
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true });
    expect(text).toContain('Wijkteam Voorbeeldstad-Noord');
    expect(text).toContain('Aanpak: Werktitel aanpak');
  });

  it('refuses a publish that changes nothing, and keeps version 1 as it was after a judgment changes', async () => {
    const again = await inspector.post(`${base()}/factsheets`);
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('no_changes');

    await kit.ctx.models.Judgment.updateOne(
      { investigation: new Types.ObjectId(id), indicatorId: ids[0] },
      {
        $set: { verdict: 'verbeterpunt', finding: 'Herzien: de omschrijvingen lopen uiteen.' },
        $inc: { revision: 1 },
      },
    );
    const v1 = factsheetSchema.parse((await inspector.get(`${base()}/factsheets/1`)).body);
    const first = v1.themes[0]?.criteria[0]?.indicators[0];
    expect(first).toMatchObject({ verdict: 'voldoet', finding: `Bevinding ${ids[0]}` });

    const published = await inspector.post(`${base()}/factsheets`);
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);
    const v2 = factsheetSchema.parse((await inspector.get(`${base()}/factsheets/2`)).body);
    expect(v2.themes[0]?.criteria[0]?.indicators[0]).toMatchObject({
      verdict: 'verbeterpunt',
      finding: 'Herzien: de omschrijvingen lopen uiteen.',
    });
    const list = await inspector.get(`${base()}/factsheets`);
    expect((list.body.items as { version: number }[]).map((i) => i.version)).toEqual([2, 1]);
  });

  it('gives concurrent publishes one new version and no_changes for the rest, never a duplicate', async () => {
    await kit.ctx.models.Conclusion.create({
      investigation: new Types.ObjectId(id),
      themeId: kit.framework.framework.themes[0]?.id,
      goed: 'Gezinnen zijn goed in beeld.',
      beter: '',
      revision: 1,
      updatedBy: { id: 'u1', name: 'Inspecteur', email: 'inspecteur@stj.example' },
    });
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => inspector.post(`${base()}/factsheets`)),
    );
    const created = replies.filter((r) => r.status === 201);
    expect(created.map((r) => r.body.version)).toEqual([3]);
    expect(replies.filter((r) => r.status === 409).map(errorCode)).toEqual([
      'no_changes',
      'no_changes',
      'no_changes',
    ]);
    const versions = await kit.ctx.models.Factsheet.find({ investigation: new Types.ObjectId(id) })
      .sort({ version: 1 })
      .lean();
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const v3 = factsheetSchema.parse(versions[2]?.snapshot);
    expect(v3.themes[0]?.conclusions.goed).toBe('Gezinnen zijn goed in beeld.');
  });

  it('keeps a published version immutable in the model', async () => {
    await expect(
      kit.ctx.models.Factsheet.updateOne(
        { investigation: new Types.ObjectId(id), version: 1 },
        { $set: { version: 9 } },
      ),
    ).rejects.toThrow(/immutable/);
  });
});

describe('reading factsheets', () => {
  it('answers 404 factsheet_not_found for a version that does not exist, in every form', async () => {
    for (const path of ['99', '99.pdf', '0', 'abc', '1.5']) {
      const reply = await inspector.get(`${base()}/factsheets/${path}`);
      expect(reply.status, path).toBe(404);
      expect(errorCode(reply), path).toBe('factsheet_not_found');
    }
    const other = await inspector.get(`/api/investigations/${'f'.repeat(24)}/factsheets/1`);
    expect(other.status).toBe(404);
    expect(errorCode(other)).toBe('investigation_not_found');
  });

  it('routes :version and :version.pdf to different replies', async () => {
    const json = await rawGet(inspector, `${base()}/factsheets/2`);
    const pdf = await rawGet(inspector, `${base()}/factsheets/2.pdf`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect((JSON.parse(json.text) as { version: number }).version).toBe(2);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('-v2.pdf');
  });

  it('guards publishing: 401 without a session, 403 without the CSRF token', async () => {
    const anonymous = await kit.client().post(`${base()}/factsheets`);
    expect(anonymous.status).toBe(401);
    expect(errorCode(anonymous)).toBe('unauthenticated');
    const noCsrf = await inspector.post(`${base()}/factsheets`, {}, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(errorCode(noCsrf)).toBe('csrf_failed');
    const anonymousRead = await kit.client().get(`${base()}/factsheets/1.pdf`);
    expect(anonymousRead.status).toBe(401);
  });
});

describe('the preview', () => {
  it('shows the unsaved draft with a concept marker and the indicators not yet judged', async () => {
    const draftId = await investigationWithAnswers(kit, inspector, {
      municipality: 'Venlo',
      approach: 'Sociale wijkteams',
      year: 2025,
      submittedPartners: 0,
    });
    await judge(kit, draftId, ids.slice(0, 2), () => ({
      verdict: 'voldoet',
      finding: 'Alle ondervraagden <b>noemen</b> het Veiligheidshuis.',
    }));
    const html = await rawGet(inspector, `/api/investigations/${draftId}/factsheet-preview`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('Concept — niet gepubliceerd');
    expect(html.text.match(/nog niet beoordeeld/g)).toHaveLength(ids.length - 2);
    expect(html.text).toContain('Alle ondervraagden &lt;b&gt;noemen&lt;/b&gt; het Veiligheidshuis.');
    expect(html.text).toContain('Geen van de netwerkpartners heeft');

    const pdf = await rawGet(inspector, `/api/investigations/${draftId}/factsheet-preview.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      'attachment; filename="factsheet-venlo-2025-concept.pdf"',
    );
    const { text } = await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true });
    expect(text).toContain('Concept — niet gepubliceerd');
    expect(text).toContain('nog niet beoordeeld');
    expect(
      await kit.ctx.models.Factsheet.countDocuments({ investigation: new Types.ObjectId(draftId) }),
    ).toBe(0);
  });
});

describe('the name of the approach', () => {
  it('is the investigation’s in the factsheet; the review names the municipality’s only when it differs', async () => {
    const differs = await investigationWithAnswers(kit, inspector, {
      municipality: 'Roermond',
      approach: 'Sociale wijkteams',
      year: 2025,
      submittedPartners: 0,
    });
    const review = reviewSchema.parse((await inspector.get(`/api/investigations/${differs}/review`)).body);
    expect(review.investigation.approach).toBe('Sociale wijkteams');
    expect(review.approachNamedByMunicipality).toBe('Integrale Aanpak');
    const html = await rawGet(inspector, `/api/investigations/${differs}/factsheet-preview`);
    expect(html.text).toContain('Aanpak: Sociale wijkteams');
    expect(html.text).toContain('heeft &#39;Sociale wijkteams&#39; getoetst');
    expect(html.text).not.toContain('Aanpak: Integrale Aanpak');

    const same = await investigationWithAnswers(kit, inspector, {
      municipality: 'Weert',
      approach: 'integrale aanpak',
      year: 2025,
      submittedPartners: 0,
    });
    const sameReview = reviewSchema.parse((await inspector.get(`/api/investigations/${same}/review`)).body);
    expect(sameReview.approachNamedByMunicipality).toBeNull();
  });
});

describe('a follow-up report', () => {
  it('shows the baseline verdicts from the published baseline version next to the new ones', async () => {
    const asked = [ids[0] ?? '', ids[3] ?? ''];
    const followUp = await kit.ctx.models.Investigation.create({
      municipality: 'Sittard-Geleen',
      approach: 'Sociale wijkteams',
      year: 2026,
      followUp: {
        baselines: [
          {
            investigation: new Types.ObjectId(id),
            factsheetVersion: 1,
            year: 2025,
            approach: 'Integrale Aanpak',
          },
        ],
        indicatorIds: asked,
      },
    });
    const fid = followUp._id.toString();
    await judge(kit, fid, asked, (i) => ({ verdict: 'voldoet', finding: `Opgepakt: ${i}` }));
    const published = await inspector.post(`/api/investigations/${fid}/factsheets`);
    expect(published.status).toBe(201);
    const sheet = factsheetSchema.parse(
      (await inspector.get(`/api/investigations/${fid}/factsheets/1`)).body,
    );
    expect(sheet.kind).toBe('uitkomsten_verbeterpunten');
    expect(sheet.title).toBe('Uitkomsten verbeterpunten toezichtonderzoek Sittard-Geleen');
    expect(sheet.baselines.map((b) => b.label)).toEqual(['2025 Integrale Aanpak']);
    const indicators = sheet.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators));
    expect(indicators.map((i) => i.id)).toEqual(asked);
    // Version 1 of the baseline, not the later edit of ids[0] that went into version 2.
    expect(indicators[0]?.baselines).toEqual([
      { verdict: 'voldoet', letOp: null, finding: `Bevinding ${ids[0]}` },
    ]);
    expect(indicators[1]?.baselines?.[0]?.verdict).toBe('verbeterpunt');

    const html = await rawGet(inspector, `/api/investigations/${fid}/factsheets/1`, { accept: 'text/html' });
    expect(html.text).toContain('<th scope="col">2025 Integrale Aanpak</th>');
    expect(html.text).toContain('<th scope="col">2026</th>');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenOf, upload } from '../respond/respond-test-kit.js';
import { samplePdf } from '../respond/sample-files.js';
import {
  errorCode,
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

describe('documents', () => {
  it('lists the uploads of an investigation and lets an inspector download them (audited)', async () => {
    const created = await inspector.post('/api/investigations', {
      municipality: 'Oss',
      approach: 'Wijkteams',
      year: 2025,
    });
    const id = String(created.body.id);
    const added = await inspector.post(`/api/investigations/${id}/respondents`, {
      role: 'gemeente',
      organisation: 'Gemeente Oss',
      email: 'beleid@oss.example',
    });
    const pdf = samplePdf();
    const token = tokenOf(String(added.body.link));
    const uploaded = await upload(
      `${kit.app.baseUrl}/api/respond/${token}/files`,
      pdf,
      'beleidsplan.pdf',
      'application/pdf',
    );
    expect(uploaded.status).toBe(201);
    const fileId = (uploaded.body as { id: string }).id;

    const detail = await inspector.get(`/api/investigations/${id}`);
    expect(detail.body.documents).toMatchObject([
      {
        id: fileId,
        name: 'beleidsplan.pdf',
        type: 'application/pdf',
        organisation: 'Gemeente Oss',
        size: pdf.length,
      },
    ]);

    const res = await fetch(`${kit.app.baseUrl}/api/investigations/${id}/documents/${fileId}`, {
      headers: { cookie: `stj.sid=${inspector.sessionId}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('beleidsplan.pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    expect(await kit.ctx.models.AuditEntry.countDocuments({ action: 'document_downloaded' })).toBe(1);

    // Another investigation's id does not unlock the file.
    const other = await inspector.post('/api/investigations', {
      municipality: 'Uden',
      approach: 'Wijkteams',
      year: 2025,
    });
    const wrong = await inspector.get(`/api/investigations/${String(other.body.id)}/documents/${fileId}`);
    expect(wrong.status).toBe(404);
    expect(errorCode(wrong)).toBe('file_not_found');
    expect((await inspector.get(`/api/investigations/${id}/documents/not-an-id`)).status).toBe(404);
  });
});

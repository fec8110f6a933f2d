import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKET_NAME, MAX_FILE_BYTES, sanitizeFileName } from '../../../server/respond/files.service.js';
import { startRespondKit, upload, type RespondKit } from './respond-test-kit.js';
import { sampleDocx, sampleExe, sampleOdt, samplePdf, samplePng, zipOf } from './sample-files.js';

let kit: RespondKit;
beforeAll(async () => {
  kit = await startRespondKit();
});
afterAll(async () => {
  await kit.stop();
});

async function newToken(): Promise<{ id: mongoose.Types.ObjectId; token: string }> {
  return kit.invite(await kit.createInvestigation(), 'gemeente');
}

async function storedFileCount(): Promise<{ files: number; chunks: number }> {
  const db = kit.app.database.connection.db;
  if (!db) throw new Error('no db');
  return {
    files: await db.collection(`${BUCKET_NAME}.files`).countDocuments(),
    chunks: await db.collection(`${BUCKET_NAME}.chunks`).countDocuments(),
  };
}

type Uploaded = { id: string; name: string; size: number; type: string };

describe('file uploads', () => {
  it.each([
    ['beleid.pdf', samplePdf(), 'application/pdf'],
    ['foto.png', samplePng(), 'image/png'],
    [
      'convenant.docx',
      sampleDocx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['notitie.odt', sampleOdt(), 'application/vnd.oasis.opendocument.text'],
  ])('accepts %s and returns it byte for byte', async (name, content, type) => {
    const { token } = await newToken();
    const res = await upload(kit.url(token, '/files'), content, name);
    expect(res.status).toBe(201);
    const file = res.body as Uploaded;
    expect(file).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name, size: content.length, type });

    const download = await fetch(kit.url(token, `/files/${file.id}`));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(type);
    expect(download.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="?${name}"?$`),
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
  });

  it('streams a file of several chunks intact', async () => {
    const { token } = await newToken();
    const large = Buffer.concat([samplePdf(), Buffer.alloc(3 * 1024 * 1024, 7)]);
    const res = await upload(kit.url(token, '/files'), large, 'groot.pdf');
    expect(res.status).toBe(201);
    const download = await fetch(kit.url(token, `/files/${(res.body as Uploaded).id}`));
    expect(Buffer.from(await download.arrayBuffer()).equals(large)).toBe(true);
  });

  it.each([
    ['a text file named .pdf', Buffer.from('Dit is geen PDF maar platte tekst.\n'.repeat(20)), 'nep.pdf'],
    ['an executable', sampleExe(), 'setup.pdf'],
    ['a plain zip', zipOf([{ name: 'a.txt', content: 'hallo' }]), 'archief.docx'],
    ['an empty file', Buffer.alloc(0), 'leeg.pdf'],
  ])('refuses %s with 415 and stores nothing', async (_label, content, name) => {
    const { token } = await newToken();
    const before = await storedFileCount();
    const res = await upload(kit.url(token, '/files'), content, name, 'application/pdf');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: { code: 'unsupported_file_type' } });
    expect(await storedFileCount()).toEqual(before);
  });

  it('refuses a file over 20 MB with 413 and leaves no partial file', async () => {
    const { id, token } = await newToken();
    const before = await storedFileCount();
    const oversize = Buffer.concat([samplePdf(), Buffer.alloc(MAX_FILE_BYTES, 1)]);
    const res = await upload(kit.url(token, '/files'), oversize, 'te-groot.pdf');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'file_too_large' } });
    expect(await storedFileCount()).toEqual(before);
    // The reserved place under the per-respondent cap was released.
    expect((await kit.ctx.models.Respondent.findById(id).lean())?.fileCount).toBe(0);
  });

  it('allows at most 10 files per respondent (409 too_many_files), also when uploaded concurrently', async () => {
    const { token } = await newToken();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        upload(kit.url(token, '/files'), samplePdf(`document ${i}`), `doc-${i}.pdf`),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: 'too_many_files' } });

    // Deleting one frees a place.
    const first = results.find((r) => r.status === 201)?.body as Uploaded;
    const removed = await fetch(kit.url(token, `/files/${first.id}`), { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await fetch(kit.url(token, `/files/${first.id}`))).status).toBe(404);
    expect((await upload(kit.url(token, '/files'), samplePdf(), 'vervanging.pdf')).status).toBe(201);
  });

  it("never serves or deletes another respondent's file", async () => {
    const owner = await newToken();
    const other = await newToken();
    const res = await upload(kit.url(owner.token, '/files'), samplePdf(), 'van-een-ander.pdf');
    const { id } = res.body as Uploaded;
    expect((await fetch(kit.url(other.token, `/files/${id}`))).status).toBe(404);
    expect((await fetch(kit.url(other.token, `/files/${id}`), { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(kit.url(owner.token, `/files/${id}`))).status).toBe(200);
  });

  it('sanitises file names: no path, no control characters, bounded length, matching extension', async () => {
    const { token } = await newToken();
    const cases: [string, string][] = [
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['C:\\Users\\jan\\beleid.pdf', 'beleid.pdf'],
      ['één notitie.pdf', 'één notitie.pdf'],
      ['rapport\u202Efdp.exe', 'rapportfdp.exe.pdf'],
      [`${'a'.repeat(300)}.PDF`, `${'a'.repeat(116)}.pdf`],
      ['geen-extensie', 'geen-extensie.pdf'],
    ];
    for (const [given, expected] of cases) {
      const res = await upload(kit.url(token, '/files'), samplePdf(), given);
      expect(res.status).toBe(201);
      expect((res.body as Uploaded).name).toBe(expected);
    }
  });

  it('strips control characters from names (browsers rarely send them; curl can)', () => {
    expect(sanitizeFileName('bel\u0007eid\u0000.pdf', ['pdf'])).toBe('beleid.pdf');
    expect(sanitizeFileName('...', ['docx'])).toBe('document.docx');
    expect(sanitizeFileName('foto.JPEG', ['jpg', 'jpeg'])).toBe('foto.jpeg');
  });

  it('answers 400 when the multipart field is missing', async () => {
    const { token } = await newToken();
    const form = new FormData();
    form.append('other', 'x');
    const res = await fetch(kit.url(token, '/files'), { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'file_missing' } });
  });

  it('refuses uploads on an invalid link with the neutral 404', async () => {
    const res = await upload(kit.url('x'.repeat(43), '/files'), samplePdf(), 'a.pdf');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'link_invalid' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startInspectorKit, type InspectorKit } from './inspector-test-kit.js';

let kit: InspectorKit;
beforeAll(async () => {
  kit = await startInspectorKit();
  await kit.addUser('inspecteur@stj.example');
  await kit.addUser('beheerder@stj.example', 'beheerder');
});
afterAll(async () => {
  await kit.stop();
});

type Entry = {
  action: string;
  actor: { type: string; email?: string };
  target?: { type: string; id: string };
};

describe('audit log', () => {
  it('records who did what to which investigation, readable per investigation and (beheerder) in full', async () => {
    const inspector = kit.client();
    await inspector.login('inspecteur@stj.example', PASSWORD);
    await kit.client().login('inspecteur@stj.example', 'wrong password!!');
    const created = await inspector.post('/api/investigations', {
      municipality: 'Ede',
      approach: 'Wijkteams',
      year: 2025,
    });
    const id = String(created.body.id);
    await inspector.send('PATCH', `/api/investigations/${id}`, { deadline: '2030-01-01' });

    const perInvestigation = await inspector.get(`/api/investigations/${id}/audit`);
    expect(perInvestigation.status).toBe(200);
    const entries = perInvestigation.body.items as Entry[];
    expect(entries.map((e) => e.action)).toEqual(['investigation_updated', 'investigation_created']);
    expect(entries[1]).toMatchObject({
      actor: { type: 'user', email: 'inspecteur@stj.example' },
      target: { type: 'investigation', id },
    });

    const admin = kit.client();
    await admin.login('beheerder@stj.example', PASSWORD);
    const all = await admin.get('/api/audit');
    const actions = (all.body.items as Entry[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'login_failed', 'investigation_created']));
    expect((await admin.get('/api/audit?action=login_failed')).body.items).toHaveLength(1);
  });

  it('is append-only: the model refuses updates and deletes', async () => {
    const { AuditEntry } = kit.ctx.models;
    await expect(AuditEntry.updateMany({}, { $set: { action: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(AuditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(AuditEntry.findOneAndUpdate({}, { $set: { action: 'x' } })).rejects.toThrow(/append-only/);
    expect(await AuditEntry.countDocuments({ action: 'rewritten' })).toBe(0);
  });
});

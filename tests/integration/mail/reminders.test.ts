import mongoose from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInspectorContext,
  type InspectorContext,
} from '../../../server/investigations/inspector.context.js';
import { dueDates, latestDue, runReminders } from '../../../server/jobs/reminders.job.js';
import { createMailer } from '../../../server/mail/mailer.js';
import { getModels } from '../../../server/models/index.js';
import type { RespondentRecord } from '../../../server/models/respondent.model.js';
import { createRespondContext } from '../../../server/respond/respond.context.js';
import { createRespondent } from '../../../server/respond/respondents.service.js';
import { sendInvitation } from '../../../server/investigations/invitations.js';
import { startInspectorKit, type InspectorKit } from '../inspector/inspector-test-kit.js';

const DAY = 24 * 60 * 60 * 1000;
let kit: InspectorKit;
let second: mongoose.Connection;
let instances: InspectorContext[];

beforeAll(async () => {
  kit = await startInspectorKit({ env: { REMINDER_DAYS_BEFORE: '7', REMINDER_DAYS_AFTER: '3,10' } });
  // A second "app instance": its own connection (and mailer) to the same database.
  const first = kit.app.database.connection;
  second = mongoose.createConnection(kit.app.database.uri, { dbName: first.name, sanitizeFilter: true });
  second.set('strictQuery', true);
  await second.asPromise();
  const logger = pino({ level: 'silent' });
  const other = getModels(second);
  instances = [
    kit.ctx,
    createInspectorContext({
      models: other,
      config: kit.config,
      logger,
      now: kit.now,
      mailer: createMailer({ outbox: other.MailMessage, config: kit.config, logger, now: kit.now }),
      respond: createRespondContext({
        connection: second,
        config: kit.config,
        framework: kit.framework,
        now: kit.now,
      }),
    }),
  ];
});
afterAll(async () => {
  await second.close();
  await kit.stop();
});

describe('due dates', () => {
  it('are N days before and M days after the deadline; only the latest passed one counts', () => {
    const deadline = new Date('2030-10-01T00:00:00Z');
    const dates = dueDates(deadline, [7], [3, 10]);
    expect(dates.map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2030-09-24',
      '2030-10-04',
      '2030-10-11',
    ]);
    expect(latestDue(dates, new Date('2030-09-20T00:00:00Z'))).toBeUndefined();
    expect(latestDue(dates, new Date('2030-10-05T00:00:00Z'))?.toISOString().slice(0, 10)).toBe('2030-10-04');
  });
});

describe('reminder job on two instances', () => {
  it('sends exactly one reminder per respondent and due date, however often and wherever it runs', async () => {
    const deadline = new Date(kit.now().getTime() + 10 * DAY);
    const investigation = await kit.ctx.models.Investigation.create({
      municipality: 'Enschede',
      approach: 'Integrale aanpak',
      year: 2025,
      deadline,
    });
    const invited: RespondentRecord[] = [];
    for (const [role, organisation] of [
      ['gemeente', 'Gemeente Enschede'],
      ['netwerkpartner', 'GGD Twente'],
      ['netwerkpartner', 'Wijkteam Oost'],
    ] as const) {
      const { respondent, link } = await createRespondent(kit.respond, investigation._id, {
        role,
        organisation,
        email: `${role}@enschede.example`,
      });
      invited.push(respondent);
      // The third one is never invited: no reminders for it.
      if (organisation !== 'Wijkteam Oost')
        await sendInvitation(kit.ctx, respondent, investigation.toObject(), link);
    }
    const reminders = () =>
      kit.ctx.models.MailMessage.countDocuments({ kind: 'reminder', investigation: investigation._id });

    // Not due yet (7 days before the deadline is 3 days away).
    await Promise.all(instances.map((ctx) => runReminders(ctx)));
    expect(await reminders()).toBe(0);

    kit.advance(4 * DAY);
    const runs = await Promise.all(
      [...instances, ...instances, ...instances].map((ctx) => runReminders(ctx)),
    );
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(2);
    expect(await reminders()).toBe(2);
    await Promise.all(instances.map((ctx) => runReminders(ctx)));
    expect(await reminders()).toBe(2);

    // The respondent who submits gets no further reminders; the other one gets the next due date's.
    await kit.ctx.models.Respondent.updateOne({ _id: invited[0]?._id }, { $set: { submittedAt: kit.now() } });
    kit.advance(10 * DAY); // deadline + 4 days: the "3 days after" reminder is due
    await Promise.all([...instances, ...instances].map((ctx) => runReminders(ctx)));
    expect(await reminders()).toBe(3);
    const perRespondent = await kit.ctx.models.MailMessage.find({
      kind: 'reminder',
      investigation: investigation._id,
    }).lean();
    expect(
      perRespondent.filter(
        (m) => m.to === 'netwerkpartner@enschede.example' && m.respondent?.equals(invited[1]?._id ?? ''),
      ),
    ).toHaveLength(2);
    expect(await kit.ctx.models.ReminderLog.countDocuments()).toBe(3);
    const audit = await kit.ctx.models.AuditEntry.countDocuments({ action: 'respondent_reminded' });
    expect(audit).toBe(3);
  });
});

import { randomBytes } from 'node:crypto';
import { dayInAmsterdam, endOfDayInAmsterdam } from '../../shared/amsterdam-day.js';
import type { Config } from '../config/config.js';
import { systemActor } from '../audit/audit.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { sendInvitation } from '../investigations/invitations.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import type { UserRecord } from '../models/user.model.js';
import { submitResponse } from '../respond/respond.service.js';
import { createRespondent, reissueLink } from '../respond/respondents.service.js';
import { createUser } from '../users/users.service.js';
import { loadDemoData, type DemoManifest } from './demo-data.js';
import { seedPublishedBaseline } from './seed-baseline.js';

export type DemoLink = { organisation: string; role: string; link: string };
export type DemoSeed = {
  /** Set only on the start that created the account: the password is shown once. */
  account?: { email: string; password: string };
  /** Fresh links for demo respondents that have not submitted (all have, in a fresh demo). */
  links: DemoLink[];
  /** A fresh link to the try-out questionnaire, while its respondent has not submitted. */
  tryOut?: DemoLink;
};

/** Demo data by default on the embedded engine only; DEMO=true/false overrides. */
export function demoEnabled(config: Pick<Config, 'DEMO' | 'MONGODB_URI'>): boolean {
  return config.DEMO ?? !config.MONGODB_URI;
}

/**
 * On an empty database: the "Voorbeeldstad" investigation whose municipality and partners have all
 * SUBMITTED the answers in questionnaires/demo/ (data, not code), their invitations in the outbox, a
 * demo inspector account with a generated password, and (when the manifest has `previousRound`) last
 * year's round judged and published. On later starts nothing is created; respondents of
 * the demo that have not submitted get a fresh link (links are shown only once by design).
 */
export async function seedDemo(ctx: InspectorContext): Promise<DemoSeed> {
  const respond = ctx.respond;
  if (!respond) return { links: [] };
  const { manifest, respondents } = await loadDemoData(ctx.config.QUESTIONNAIRE_DIR);
  const { Investigation, Respondent } = ctx.models;
  const identity = {
    municipality: manifest.investigation.municipality,
    approach: manifest.investigation.approach,
  };

  const freshLinks = async (investigation: InvestigationRecord): Promise<DemoLink[]> => {
    const open = await Respondent.find({ investigation: investigation._id, submittedAt: null })
      .sort({ slot: 1 })
      .lean<RespondentRecord[]>();
    const links: DemoLink[] = [];
    for (const respondent of open) {
      const { link } = await reissueLink(respond, respondent._id);
      links.push({ organisation: respondent.organisation, role: respondent.role, link });
    }
    return links;
  };

  const existing = await Investigation.findOne(identity).lean<InvestigationRecord>();
  if (existing) {
    const tryOutInvestigation = manifest.tryOut
      ? await Investigation.findOne({
          municipality: manifest.tryOut.municipality,
          approach: manifest.tryOut.approach,
        }).lean<InvestigationRecord>()
      : null;
    const [tryOut] = tryOutInvestigation ? await freshLinks(tryOutInvestigation) : [];
    return { links: await freshLinks(existing), ...(tryOut ? { tryOut } : {}) };
  }
  if ((await Investigation.estimatedDocumentCount()) > 0) return { links: [] };

  let account: DemoSeed['account'];
  let inspector = await ctx.models.User.findOne({ email: manifest.inspector.email }).lean<UserRecord>();
  if (!inspector) {
    const password = randomBytes(12).toString('base64url');
    inspector = await createUser(ctx, { ...manifest.inspector, role: 'inspecteur', password });
    account = { email: manifest.inspector.email, password };
  }

  const now = ctx.now();
  if (manifest.previousRound) {
    await seedPublishedBaseline(
      ctx,
      {
        municipality: identity.municipality,
        approach: manifest.previousRound.approach,
        year: now.getFullYear() - 1,
        respondents,
      },
      inspector,
    );
  }
  const investigation = (
    await Investigation.create({
      ...identity,
      year: now.getFullYear(),
      deadline: endOfDayInAmsterdam(
        dayInAmsterdam(new Date(now.getTime() + manifest.investigation.deadlineInDays * 24 * 60 * 60 * 1000)),
      ),
      contactUser: inspector._id,
    })
  ).toObject<InvestigationRecord>();
  for (const demo of respondents) {
    const { respondent, link } = await createRespondent(respond, investigation._id, {
      role: demo.role,
      organisation: demo.organisation,
      ...(demo.contactName ? { contactName: demo.contactName } : {}),
      email: demo.email,
    });
    await sendInvitation(ctx, respondent, investigation, link);
    await Respondent.updateOne({ _id: respondent._id }, { $set: { openedAt: now, startedAt: now } });
    // Through the real submit path: the demo answers must pass the questionnaire's own validation.
    await submitResponse(respond, respondent, { data: demo.data, revision: 0 });
  }
  const tryOut = manifest.tryOut ? await seedTryOut(ctx, manifest.tryOut, inspector, now) : undefined;
  await ctx.audit.record({
    actor: systemActor,
    action: 'demo_seeded',
    target: { type: 'investigation', id: investigation._id.toString() },
    investigation: investigation._id,
  });
  return { links: [], ...(account ? { account } : {}), ...(tryOut ? { tryOut } : {}) };
}

/** The try-out round: one respondent with an empty questionnaire and a link to open it. */
async function seedTryOut(
  ctx: InspectorContext,
  tryOut: NonNullable<DemoManifest['tryOut']>,
  inspector: UserRecord,
  now: Date,
): Promise<DemoLink | undefined> {
  if (!ctx.respond) return undefined;
  const investigation = await ctx.models.Investigation.create({
    municipality: tryOut.municipality,
    approach: tryOut.approach,
    year: now.getFullYear(),
    deadline: endOfDayInAmsterdam(
      dayInAmsterdam(new Date(now.getTime() + tryOut.deadlineInDays * 24 * 60 * 60 * 1000)),
    ),
    contactUser: inspector._id,
  });
  const { respondent, link } = await createRespondent(ctx.respond, investigation._id, tryOut.respondent);
  return { organisation: respondent.organisation, role: respondent.role, link };
}

export function formatDemo(seed: DemoSeed, municipality = 'Voorbeeldstad'): string {
  const parts: string[] = [];
  if (seed.account) {
    parts.push(
      `  Demo-inspecteur (alleen nu getoond): ${seed.account.email}  wachtwoord: ${seed.account.password}\n` +
        `  Het onderzoek "${municipality}" staat klaar met ingevulde vragenlijsten van de gemeente en drie netwerkpartners,\n` +
        `  en vorig jaar is er een factsheet gepubliceerd waarop een vervolgonderzoek kan worden gestart.\n`,
    );
  }
  if (seed.tryOut) {
    parts.push(
      `  Zelf invullen als respondent (${seed.tryOut.organisation}, nieuwe link bij elke start):\n` +
        `      ${seed.tryOut.link}\n`,
    );
  }
  if (seed.links.length > 0) {
    const lines = seed.links.map((l) => `    ${l.organisation} (${l.role}):\n      ${l.link}`);
    parts.push(
      `  Demo "${municipality}" — persoonlijke links (nieuw bij elke start):\n${lines.join('\n')}\n`,
    );
  }
  return parts.join('\n');
}

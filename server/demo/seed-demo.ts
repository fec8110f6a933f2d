import type { Config } from '../config/config.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import type { RespondContext } from '../respond/respond.context.js';
import { createRespondent, reissueLink } from '../respond/respondents.service.js';

/** A fictional investigation, so a newcomer can open a questionnaire right after `npm start`. */
const demoInvestigation = {
  municipality: 'Voorbeeldstad',
  approach: 'Sociale wijkteams',
};

const demoRespondents = [
  { role: 'gemeente', organisation: 'Gemeente Voorbeeldstad', email: 'beleid@voorbeeldstad.example' },
  { role: 'netwerkpartner', organisation: 'Wijkteam Voorbeeldstad-Noord', email: 'wijkteam@example.org' },
  { role: 'netwerkpartner', organisation: 'GGZ Voorbeeldregio', email: 'ggz@example.org' },
  { role: 'netwerkpartner', organisation: 'Woningcorporatie Thuis', email: 'wonen@example.org' },
] as const;

export type DemoLink = { organisation: string; role: string; link: string };

/** Demo data by default on the embedded engine only; DEMO=true/false overrides. */
export function demoEnabled(config: Pick<Config, 'DEMO' | 'MONGODB_URI'>): boolean {
  return config.DEMO ?? !config.MONGODB_URI;
}

/**
 * Creates the demo investigation on an empty database. Links are shown only once by design, so on every
 * start the demo respondents that have not submitted get a fresh link (the old one stops working).
 */
export async function seedDemo(ctx: RespondContext): Promise<DemoLink[]> {
  const { Investigation, Respondent } = ctx.models;
  const now = ctx.now();
  let investigation = await Investigation.findOne(demoInvestigation).lean();
  if (!investigation) {
    if ((await Investigation.estimatedDocumentCount()) > 0) return [];
    const deadline = new Date(now.getTime() + 42 * 24 * 60 * 60 * 1000);
    investigation = (
      await Investigation.create({ ...demoInvestigation, year: now.getFullYear(), deadline })
    ).toObject();
    const links: DemoLink[] = [];
    for (const respondent of demoRespondents) {
      const { link } = await createRespondent(ctx, investigation._id, respondent);
      links.push({ organisation: respondent.organisation, role: respondent.role, link });
    }
    return links;
  }
  const respondents = await Respondent.find({ investigation: investigation._id, submittedAt: null })
    .sort({ slot: 1 })
    .lean<RespondentRecord[]>();
  const links: DemoLink[] = [];
  for (const respondent of respondents) {
    const { link } = await reissueLink(ctx, respondent._id);
    links.push({ organisation: respondent.organisation, role: respondent.role, link });
  }
  return links;
}

export function formatDemoLinks(links: DemoLink[]): string {
  if (links.length === 0) return '';
  const lines = links.map((l) => `    ${l.organisation} (${l.role}):\n      ${l.link}`);
  return `  Demo "${demoInvestigation.municipality}" — persoonlijke links (nieuw bij elke start):\n${lines.join('\n')}\n`;
}

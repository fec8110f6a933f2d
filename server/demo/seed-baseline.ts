import { judgmentFromProposal } from '../../shared/review/judgment-from-proposal.js';
import { publishFactsheet } from '../factsheets/factsheets.service.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { UserRecord } from '../models/user.model.js';
import { submitResponse } from '../respond/respond.service.js';
import { createRespondent } from '../respond/respondents.service.js';
import { analyseStored, frameworkOf } from '../review/analysis.service.js';
import { putJudgment } from '../review/judgments.service.js';
import type { DemoRespondent } from './demo-data.js';

/**
 * Last year's round of the demo municipality: the same respondents submitted, every indicator judged
 * as the analysis proposed, and the factsheet published — so a newcomer can open a published factsheet
 * and start a follow-up round ("Vervolgonderzoek starten") straight away. No invitations are sent: in
 * the story they went out a year ago.
 */
export async function seedPublishedBaseline(
  ctx: InspectorContext,
  input: { municipality: string; approach: string; year: number; respondents: DemoRespondent[] },
  inspector: UserRecord,
): Promise<InvestigationRecord> {
  const respond = ctx.respond;
  if (!respond) throw new Error('the demo needs the questionnaires');
  const { Investigation, Respondent } = ctx.models;
  const now = ctx.now();
  const investigation = (
    await Investigation.create({
      municipality: input.municipality,
      approach: input.approach,
      year: input.year,
      status: 'closed',
      contactUser: inspector._id,
    })
  ).toObject<InvestigationRecord>();
  for (const demo of input.respondents) {
    const { respondent } = await createRespondent(respond, investigation._id, {
      role: demo.role,
      organisation: demo.organisation,
      ...(demo.contactName ? { contactName: demo.contactName } : {}),
      email: demo.email,
    });
    await Respondent.updateOne({ _id: respondent._id }, { $set: { openedAt: now, startedAt: now } });
    await submitResponse(respond, respondent, { data: demo.data, revision: 0 });
  }

  const id = investigation._id.toString();
  const analysis = await analyseStored(ctx, investigation);
  for (const indicator of analysis.indicators) {
    const { verdict, letOp, finding } = judgmentFromProposal(indicator.proposal);
    await putJudgment(
      ctx,
      id,
      indicator.id,
      { verdict, finding, ...(verdict === 'voldoet' && letOp ? { letOp } : {}) },
      inspector,
    );
  }
  await publishFactsheet(ctx, frameworkOf(ctx), id, inspector);
  return investigation;
}

import type { RespondentRecord } from '../models/respondent.model.js';
import type { RespondHooks } from '../respond/respond.routes.js';
import type { InspectorContext } from './inspector.context.js';
import { findInvestigation } from './investigations.service.js';
import { sendReceipt } from './invitations.js';

/** On submit: an audit entry and a receipt to the respondent. */
export function submitHooks(ctx: InspectorContext): RespondHooks {
  return {
    async onSubmitted(respondent: RespondentRecord, submittedAt: Date) {
      await ctx.audit.record({
        actor: { type: 'respondent', id: respondent._id.toString(), email: respondent.email },
        action: 'response_submitted',
        target: { type: 'respondent', id: respondent._id.toString() },
        investigation: respondent.investigation,
        details: { organisation: respondent.organisation, role: respondent.role },
      });
      const investigation = await findInvestigation(ctx, respondent.investigation);
      await sendReceipt(ctx, respondent, investigation, submittedAt);
    },
  };
}

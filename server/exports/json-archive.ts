import type { InspectorContext } from '../investigations/inspector.context.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { QuestionnaireCatalog } from '../respond/questionnaire-catalog.js';
import type { InvestigationArchive } from './archive.schema.js';

/** The archive of one investigation; documents are read as stored and serialised by JSON.stringify. */
export async function investigationArchive(
  ctx: InspectorContext,
  catalog: QuestionnaireCatalog,
  investigation: InvestigationRecord,
): Promise<InvestigationArchive> {
  const filter = { investigation: investigation._id };
  const [respondents, responses, judgments, conclusions, narrative, auditEntries, factsheets] =
    await Promise.all([
      // The token hash is a credential's fingerprint: it never leaves the database.
      ctx.models.Respondent.find(filter, { tokenHash: 0 }).sort({ slot: 1 }).lean(),
      ctx.models.Response.find(filter).lean(),
      ctx.models.Judgment.find(filter).sort({ indicatorId: 1 }).lean(),
      ctx.models.Conclusion.find(filter).sort({ themeId: 1 }).lean(),
      ctx.models.FollowUpNarrative.findOne(filter).lean(),
      ctx.models.AuditEntry.find(filter).sort({ at: 1, _id: 1 }).lean(),
      ctx.models.Factsheet.find(filter).sort({ version: 1 }).lean(),
    ]);
  const plain = (value: unknown) =>
    JSON.parse(JSON.stringify(value)) as InvestigationArchive['investigation'];
  return {
    exportedAt: ctx.now().toISOString(),
    framework: { id: catalog.framework.id, version: catalog.frameworkVersion },
    investigation: plain(investigation),
    respondents: respondents.map(plain),
    responses: responses.map(plain),
    judgments: judgments.map(plain),
    conclusions: conclusions.map(plain),
    followUpNarrative: narrative ? plain(narrative) : null,
    auditEntries: auditEntries.map(plain),
    factsheets: factsheets.map((factsheet) => ({
      version: factsheet.version,
      publishedAt: factsheet.publishedAt.toISOString(),
      snapshot: factsheet.snapshot,
    })),
  };
}

import { Types } from 'mongoose';
import type { JudgmentVerdict } from '../../../shared/api/review.js';
import { loadDemoData } from '../../../server/demo/demo-data.js';
import { submitResponse } from '../../../server/respond/respond.service.js';
import { createRespondent } from '../../../server/respond/respondents.service.js';
import type { HttpClient, InspectorKit } from '../inspector/inspector-test-kit.js';

export function indicatorIds(kit: InspectorKit): string[] {
  return kit.framework.framework.themes.flatMap((t) =>
    t.criteria.flatMap((c) => c.indicators.map((i) => i.id)),
  );
}

/**
 * An investigation whose municipality and first `submittedPartners` demo partners have SUBMITTED the demo
 * answers through the real submit path; the remaining demo partners are invited but never submit.
 */
export async function investigationWithAnswers(
  kit: InspectorKit,
  inspector: HttpClient,
  input: { municipality: string; approach: string; year: number; submittedPartners: number },
): Promise<string> {
  const created = await inspector.post('/api/investigations', {
    municipality: input.municipality,
    approach: input.approach,
    year: input.year,
  });
  const id = String(created.body.id);
  const { respondents } = await loadDemoData(kit.config.QUESTIONNAIRE_DIR);
  let partners = 0;
  for (const demo of respondents) {
    const { respondent } = await createRespondent(kit.respond, id, {
      role: demo.role,
      organisation: demo.organisation,
      email: demo.email,
    });
    const submits = demo.role === 'gemeente' || partners++ < input.submittedPartners;
    if (!submits) continue;
    await kit.ctx.models.Respondent.updateOne(
      { _id: respondent._id },
      { $set: { openedAt: kit.now(), startedAt: kit.now() } },
    );
    await submitResponse(kit.respond, respondent, { data: demo.data, revision: 0 });
  }
  return id;
}

/** Writes judgments straight through the model, independent of the review API. */
export async function judge(
  kit: InspectorKit,
  investigationId: string,
  ids: string[],
  judgment: (id: string) => { verdict: JudgmentVerdict; finding: string; letOp?: string | null },
): Promise<void> {
  for (const indicatorId of ids) {
    const { verdict, finding, letOp = null } = judgment(indicatorId);
    await kit.ctx.models.Judgment.create({
      investigation: new Types.ObjectId(investigationId),
      indicatorId,
      verdict,
      finding,
      letOp,
      revision: 1,
      updatedBy: { id: 'u1', name: 'Inspecteur', email: 'inspecteur@stj.example' },
    });
  }
}

export type RawReply = { status: number; headers: Headers; bytes: Uint8Array; text: string };

/** A GET that keeps the body as bytes (the test kit's client only keeps JSON). */
export async function rawGet(
  client: HttpClient,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawReply> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${client.baseUrl}${path}`, { headers: { ...headers, cookie } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) };
}

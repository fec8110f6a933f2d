import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { respondentRoles } from '../models/respondent.model.js';

/** `questionnaires/demo/voorbeeldstad.json`: who takes part in the demo and where their answers are. */
export const demoManifestSchema = z.object({
  investigation: z.object({
    municipality: z.string().min(1),
    approach: z.string().min(1),
    deadlineInDays: z.number().int(),
  }),
  /** Optional: last year's round of the same municipality, judged and published (see seed-baseline.ts). */
  previousRound: z.object({ approach: z.string().min(1) }).optional(),
  /**
   * Optional: an open investigation whose respondent has answered nothing, so a newcomer can try the
   * questionnaire themselves with the link printed at every start.
   */
  tryOut: z
    .object({
      municipality: z.string().min(1),
      approach: z.string().min(1),
      deadlineInDays: z.number().int(),
      respondent: z.object({
        role: z.enum(respondentRoles),
        organisation: z.string().min(1),
        email: z.email(),
      }),
    })
    .optional(),
  inspector: z.object({ email: z.email(), name: z.string().min(1) }),
  respondents: z
    .array(
      z.object({
        role: z.enum(respondentRoles),
        organisation: z.string().min(1),
        contactName: z.string().min(1).optional(),
        email: z.email(),
        /** A JSON file next to the manifest with the answers keyed by question name. */
        answers: z.string().regex(/^[\w.-]+\.json$/),
      }),
    )
    .min(1),
});
export type DemoManifest = z.infer<typeof demoManifestSchema>;
export type DemoRespondent = DemoManifest['respondents'][number] & { data: Record<string, unknown> };

export const DEMO_MANIFEST = path.join('demo', 'voorbeeldstad.json');

export async function loadDemoData(
  questionnaireDir: string,
): Promise<{ manifest: DemoManifest; respondents: DemoRespondent[] }> {
  const file = path.join(questionnaireDir, DEMO_MANIFEST);
  const manifest = demoManifestSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const respondents: DemoRespondent[] = [];
  for (const respondent of manifest.respondents) {
    const raw: unknown = JSON.parse(
      await readFile(path.join(path.dirname(file), respondent.answers), 'utf8'),
    );
    respondents.push({ ...respondent, data: z.record(z.string(), z.unknown()).parse(raw) });
  }
  return { manifest, respondents };
}

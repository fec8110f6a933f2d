import { z } from 'zod';

/** GET /api/questionnaires/:id (server/questionnaires/questionnaires.routes.ts). */
const questionnaireSchema = z.object({
  id: z.string(),
  version: z.string(),
  json: z.record(z.string(), z.unknown()),
});
export type PreviewQuestionnaire = z.infer<typeof questionnaireSchema>;

export type PreviewResult =
  { kind: 'ok'; questionnaire: PreviewQuestionnaire } | { kind: 'not_found' } | { kind: 'failed' };

export async function loadPreviewQuestionnaire(id: string, signal: AbortSignal): Promise<PreviewResult> {
  try {
    const response = await fetch(`/api/questionnaires/${encodeURIComponent(id)}`, {
      signal,
      headers: { Accept: 'application/json' },
    });
    if (response.status === 404) return { kind: 'not_found' };
    if (!response.ok) return { kind: 'failed' };
    const parsed = questionnaireSchema.safeParse(await response.json());
    return parsed.success ? { kind: 'ok', questionnaire: parsed.data } : { kind: 'failed' };
  } catch (err) {
    if (signal.aborted) throw err;
    return { kind: 'failed' };
  }
}

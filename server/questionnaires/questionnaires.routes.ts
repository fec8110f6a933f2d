import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { findQuestionnaire, type LoadedFramework } from '../framework/load-framework.js';

const paramsSchema = z.object({ id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/) });

/** The response body of GET /api/questionnaires/:id. */
export const questionnaireResponseSchema = z.object({
  id: z.string(),
  version: z.string(),
  json: z.record(z.string(), z.unknown()),
});
export type QuestionnaireResponse = z.infer<typeof questionnaireResponseSchema>;

/**
 * Public, read-only: the current version of a questionnaire, so that people can read it (/voorbeeld/…)
 * before they receive their personal link. It holds no answers.
 */
export function questionnairesRoutes(loaded: LoadedFramework): Router {
  const router = Router();
  router.get('/api/questionnaires/:id', (req, res) => {
    const params = paramsSchema.safeParse(req.params);
    const questionnaire = params.success ? findQuestionnaire(loaded, params.data.id) : undefined;
    if (!questionnaire) throw new NotFoundError('questionnaire_not_found', 'Deze vragenlijst bestaat niet.');
    const body: QuestionnaireResponse = {
      id: questionnaire.id,
      version: questionnaire.version,
      json: questionnaire.json,
    };
    // The version is a content hash: a new version gets a new ETag, an unchanged one can be revalidated.
    res.set('Cache-Control', 'no-cache').set('ETag', `"${questionnaire.version}"`).json(body);
  });
  return router;
}

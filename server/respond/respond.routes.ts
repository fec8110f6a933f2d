import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import type { Config } from '../config/config.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import { deleteUpload, MAX_FILE_BYTES, openDownload, storeUpload } from './files.service.js';
import { receiveSingleFile } from './multipart.js';
import { MongoRateLimitStore } from './rate-limit-store.js';
import type { RespondContext } from './respond.context.js';
import { LinkInvalidError, RevisionConflictError, TooManyRequestsError } from './respond.errors.js';
import { saveDraftBodySchema, submitBodySchema } from '../../shared/api/respond.js';
import { fileIdParamSchema } from './respond.schemas.js';
import { openSession, resolveRespondent, saveDraft, submitResponse } from './respond.service.js';
import type { z } from 'zod';

type RateLimitSettings = Pick<Config, 'RESPOND_FAILED_LOOKUP_LIMIT' | 'RESPOND_FAILED_LOOKUP_WINDOW_MINUTES'>;

/** Side effects of a submit that are not the respondent API's business (receipt mail, audit). */
export type RespondHooks = {
  onSubmitted?(respondent: RespondentRecord, submittedAt: Date): Promise<void>;
};

/** The respondent API (DESIGN.md "HTTP API"): the token in the path is the credential. */
export function respondRoutes(
  ctx: RespondContext,
  settings: RateLimitSettings,
  hooks: RespondHooks = {},
): Router {
  const router = express.Router();
  const failedLookups = failedLookupLimiter(ctx, settings);

  /**
   * Only FAILED lookups count against the client's address: a valid link is never throttled (autosave
   * sends a request per change, and a municipality's staff may share one address), while guessing is.
   */
  async function respondentFor(req: Request, res: Response): Promise<RespondentRecord> {
    try {
      return await resolveRespondent(ctx, String(req.params.token));
    } catch (err) {
      if (err instanceof LinkInvalidError) {
        await new Promise<void>((resolve, reject) => {
          void failedLookups(req, res, (limitError?: unknown) =>
            limitError ? reject(limitError) : resolve(),
          );
        });
      }
      throw err;
    }
  }

  // Answers are personal and may be opened on shared computers: never cache them.
  router.use('/api/respond', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/respond/:token', async (req, res) => {
    const respondent = await respondentFor(req, res);
    res.json(await openSession(ctx, respondent));
  });

  router.put('/api/respond/:token', async (req, res) => {
    const respondent = await respondentFor(req, res);
    res.json(await saveDraft(ctx, respondent, parseBody(saveDraftBodySchema, req.body)));
  });

  router.post('/api/respond/:token/submit', async (req, res) => {
    const respondent = await respondentFor(req, res);
    const result = await submitResponse(ctx, respondent, parseBody(submitBodySchema, req.body));
    // The answers are locked already: a failing receipt mail must not turn the submit into an error.
    await hooks.onSubmitted?.(respondent, new Date(result.submittedAt)).catch((err: unknown) => {
      req.log?.error({ err }, 'submit hook failed');
    });
    res.json(result);
  });

  router.post('/api/respond/:token/files', async (req, res) => {
    const respondent = await respondentFor(req, res);
    const uploaded = await receiveSingleFile(req, MAX_FILE_BYTES, (file) =>
      storeUpload(ctx, respondent, file),
    );
    res.status(201).json(uploaded);
  });

  router.get('/api/respond/:token/files/:fileId', async (req, res) => {
    const respondent = await respondentFor(req, res);
    const file = await openDownload(ctx, respondent, parseFileId(req));
    res.attachment(file.name);
    res.set({
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'X-Content-Type-Options': 'nosniff',
    });
    file.stream.once('error', (err) => res.destroy(err));
    file.stream.pipe(res);
  });

  router.delete('/api/respond/:token/files/:fileId', async (req, res) => {
    const respondent = await respondentFor(req, res);
    await deleteUpload(ctx, respondent, parseFileId(req));
    res.status(204).end();
  });

  router.use(revisionConflictBody);
  return router;
}

function failedLookupLimiter(ctx: RespondContext, settings: RateLimitSettings): RateLimitRequestHandler {
  return rateLimit({
    windowMs: settings.RESPOND_FAILED_LOOKUP_WINDOW_MINUTES * 60_000,
    limit: settings.RESPOND_FAILED_LOOKUP_LIMIT,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new MongoRateLimitStore(ctx.models.RateLimitCounter, { prefix: 'respond-lookup:' }),
    handler: (_req, _res, next) =>
      next(
        new TooManyRequestsError(
          'too_many_requests',
          'Er zijn te veel ongeldige links geprobeerd vanaf dit netwerk. Probeer het over enkele minuten opnieuw of neem contact op met de inspectie.',
        ),
      ),
  });
}

/** A stale revision gets the server's copy next to the error: `{error: {code, message}, response}`. */
const revisionConflictBody: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (!(err instanceof RevisionConflictError)) {
    next(err);
    return;
  }
  res.status(err.status).json({ error: { code: err.code, message: err.message }, response: err.current });
};

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new BadRequestError(
      'invalid_body',
      'The request body does not match the expected shape',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}

function parseFileId(req: Request): string {
  const parsed = fileIdParamSchema.safeParse(req.params.fileId);
  // A malformed id cannot name any file: the same answer as a file of someone else.
  if (!parsed.success) throw new NotFoundError('file_not_found', 'Bestand niet gevonden.');
  return parsed.data;
}

import mongoose, { type Types } from 'mongoose';
import { BadRequestError, UnprocessableError } from '../errors.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import type { ResponseRecord } from '../models/response.model.js';
import { estimateProgress, findUnsafeKeys } from './answer-schema.js';
import { findMissingFiles } from './files.service.js';
import type { CatalogQuestionnaire } from './questionnaire-catalog.js';
import type { RespondContext } from './respond.context.js';
import { AlreadySubmittedError, LinkInvalidError, RevisionConflictError } from './respond.errors.js';
import type {
  QuestionError,
  RespondSession,
  ResponseCopy,
  SaveDraftBody,
  SaveDraftReply,
  SubmitBody,
  SubmitReply,
} from '../../shared/api/respond.js';
import { hashToken, isTokenShaped } from './token.js';
import { validateWithSurvey } from './survey-validation.js';
import { mailContactFor } from '../investigations/contact-person.js';
import { formatDutchDay } from '../../shared/amsterdam-day.js';
import { isCurrentLinkInUse } from './respondents.service.js';

/** Autosave sends a request per change; record "last activity" at most once a minute per respondent. */
const ACTIVITY_RESOLUTION_MS = 60_000;

/**
 * The respondent behind a link, or LinkInvalidError. Unknown, expired and revoked tokens take the same
 * path: one indexed query whose filter excludes expired and revoked respondents, so all three are simply
 * "no document" — same error, same work.
 */
export async function resolveRespondent(ctx: RespondContext, token: string): Promise<RespondentRecord> {
  if (!isTokenShaped(token)) throw new LinkInvalidError();
  const respondent = await ctx.models.Respondent.findOne({
    tokenHash: hashToken(token),
    revokedAt: null,
    // sanitizeFilter is on for the connection: our own operators must be marked as trusted.
    expiresAt: mongoose.trusted({ $gt: ctx.now() }),
  }).lean<RespondentRecord>();
  if (!respondent) throw new LinkInvalidError();
  return respondent;
}

/** GET /api/respond/:token — everything the survey page needs to render and restore. */
export async function openSession(
  ctx: RespondContext,
  respondent: RespondentRecord,
): Promise<RespondSession> {
  const [investigation, response] = await Promise.all([
    ctx.models.Investigation.findById(respondent.investigation).lean(),
    loadResponse(ctx, respondent._id),
  ]);
  // A respondent whose investigation is gone has no working link either (same neutral answer).
  if (!investigation || !response) throw new LinkInvalidError();
  const questionnaire = await ctx.questionnaires.get(
    response.questionnaireId,
    response.questionnaireVersion,
    scopeOf(respondent),
  );

  if (!respondent.openedAt) {
    const now = ctx.now();
    await ctx.models.Respondent.updateOne(
      { _id: respondent._id, openedAt: null },
      { $set: { openedAt: now, lastActivityAt: now } },
    );
  }
  if (!isCurrentLinkInUse(respondent)) {
    // Filtered on the hash: a link replaced meanwhile must not mark its successor as opened.
    await ctx.models.Respondent.updateOne(
      { _id: respondent._id, tokenHash: respondent.tokenHash },
      { $set: { tokenOpenedAt: ctx.now() } },
    );
  }

  const copy = toResponseCopy(response);
  const contact = await mailContactFor(ctx.models, ctx.config, investigation.contactUser);
  return {
    respondent: { role: respondent.role, organisation: respondent.organisation },
    investigation: {
      municipality: investigation.municipality,
      approach: investigation.approach,
      year: investigation.year,
      ...(investigation.deadline
        ? {
            deadline: investigation.deadline.toISOString(),
            deadlineText: formatDutchDay(investigation.deadline),
          }
        : {}),
    },
    contact: {
      name: contact.name,
      ...(contact.email ? { email: contact.email } : {}),
      person: contact.person,
    },
    questionnaire: { id: questionnaire.id, version: questionnaire.version, json: questionnaire.json },
    response: {
      ...copy,
      data: withOrganisationPrefilled(ctx, questionnaire, copy.data, respondent.organisation),
    },
  };
}

/**
 * The invitation already names the respondent's organisation: offer it as the answer to the question
 * the framework binds to it (`context.bindings.respondentOrganisation`), when this questionnaire asks it
 * and it is still empty. Not stored until the respondent's next save.
 */
function withOrganisationPrefilled(
  ctx: RespondContext,
  questionnaire: CatalogQuestionnaire,
  data: Record<string, unknown>,
  organisation: string,
): Record<string, unknown> {
  const question = ctx.questionnaires.framework.context.bindings.respondentOrganisation;
  if (!question || !questionnaire.answers.progressQuestions.some((q) => q.key === question)) return data;
  const current = data[question];
  if (current !== undefined && current !== null && current !== '') return data;
  return { ...data, [question]: organisation };
}

/** PUT /api/respond/:token — autosave as a compare-and-set on `revision` in one database operation. */
export async function saveDraft(
  ctx: RespondContext,
  respondent: RespondentRecord,
  body: SaveDraftBody,
): Promise<SaveDraftReply> {
  const questionnaire = await questionnaireOf(ctx, respondent);
  const data = checkAnswerShape(questionnaire, body.data);
  const saved = await ctx.models.Response.findOneAndUpdate(
    { respondent: respondent._id, revision: body.revision, status: 'concept' },
    {
      $set: {
        data,
        currentPageNo: body.currentPageNo,
        progress: estimateProgress(questionnaire.answers, data),
      },
      $inc: { revision: 1 },
    },
    { returnDocument: 'after', projection: { revision: 1, updatedAt: 1 } },
  ).lean<Pick<ResponseRecord, 'revision' | 'updatedAt'>>();
  if (!saved) throw await explainFailedWrite(ctx, respondent._id);
  await recordActivity(ctx, respondent);
  return { revision: saved.revision, savedAt: saved.updatedAt.toISOString() };
}

/**
 * POST /api/respond/:token/submit — shape check (400), the questionnaire's own rules in SurveyJS (422,
 * Dutch messages per question), file ownership (422), then lock as `ingediend` with the same revision
 * compare-and-set as autosave, storing the data without the answers of hidden questions.
 */
export async function submitResponse(
  ctx: RespondContext,
  respondent: RespondentRecord,
  body: SubmitBody,
): Promise<SubmitReply> {
  const questionnaire = await questionnaireOf(ctx, respondent);
  const shaped = checkAnswerShape(questionnaire, body.data);

  const current = await loadResponse(ctx, respondent._id);
  if (!current) throw new LinkInvalidError();
  if (current.status === 'ingediend') throw new AlreadySubmittedError();
  if (current.revision !== body.revision) throw new RevisionConflictError(toResponseCopy(current));

  const validation = validateWithSurvey(questionnaire.json, shaped);
  if (!validation.valid) {
    throw new UnprocessableError(
      'validation_failed',
      'Niet alle vragen zijn (goed) beantwoord. Bekijk de gemarkeerde vragen.',
      validation.errors,
    );
  }
  const data = validation.data;
  const fileErrors = await checkFileReferences(ctx, respondent, questionnaire, data);
  if (fileErrors.length > 0) {
    throw new UnprocessableError(
      'validation_failed',
      'Een of meer bestanden zijn niet (meer) beschikbaar.',
      fileErrors,
    );
  }

  const now = ctx.now();
  const submitted = await ctx.models.Response.findOneAndUpdate(
    { respondent: respondent._id, revision: body.revision, status: 'concept' },
    { $set: { data, status: 'ingediend', submittedAt: now, progress: 100 }, $inc: { revision: 1 } },
    { returnDocument: 'after', projection: { submittedAt: 1 } },
  ).lean<Pick<ResponseRecord, 'submittedAt'>>();
  if (!submitted) throw await explainFailedWrite(ctx, respondent._id);
  await ctx.models.Respondent.updateOne(
    { _id: respondent._id },
    { $set: { submittedAt: now, lastActivityAt: now } },
  );
  return { status: 'ingediend', submittedAt: now.toISOString() };
}

/** An empty list never means "no indicators" (a follow-up has at least one): treat it as no scope. */
function scopeOf(respondent: RespondentRecord): string[] | null {
  return respondent.indicatorScope && respondent.indicatorScope.length > 0 ? respondent.indicatorScope : null;
}

async function questionnaireOf(
  ctx: RespondContext,
  respondent: RespondentRecord,
): Promise<CatalogQuestionnaire> {
  // A follow-up respondent answers the reduced questionnaire: shape check, validation and progress too.
  return ctx.questionnaires.get(
    respondent.questionnaireId,
    respondent.questionnaireVersion,
    scopeOf(respondent),
  );
}

/** Zod shape check of the answers against this questionnaire version; returns the data to store. */
function checkAnswerShape(
  questionnaire: CatalogQuestionnaire,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const unsafe = findUnsafeKeys(data);
  if (unsafe.length > 0) {
    throw new BadRequestError(
      'invalid_answers',
      'Answer keys may not contain $ or .',
      unsafe.map((problem) => ({ path: problem.path, message: problem.message })),
    );
  }
  const parsed = questionnaire.answers.schema.safeParse(data);
  if (!parsed.success) {
    throw new BadRequestError(
      'invalid_answers',
      'The answers do not have the shape this questionnaire expects',
      parsed.error.issues.map((issue) => ({
        question: String(issue.path[0] ?? ''),
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

async function checkFileReferences(
  ctx: RespondContext,
  respondent: RespondentRecord,
  questionnaire: CatalogQuestionnaire,
  data: Record<string, unknown>,
): Promise<QuestionError[]> {
  const errors: QuestionError[] = [];
  for (const question of questionnaire.answers.fileQuestions) {
    const refs = data[question];
    if (!Array.isArray(refs) || refs.length === 0) continue;
    // The shape check guarantees `{id, name, size, type}` items with a hex id.
    const ids = refs.map((ref: { id: string }) => ref.id);
    const missing = await findMissingFiles(ctx, respondent._id, ids);
    if (missing.length > 0) {
      errors.push({
        question,
        message: 'Een of meer bestanden zijn niet (meer) beschikbaar. Voeg ze opnieuw toe.',
      });
    }
  }
  return errors;
}

/** A compare-and-set matched nothing: either the response is locked or the client's revision is stale. */
async function explainFailedWrite(
  ctx: RespondContext,
  respondentId: Types.ObjectId,
): Promise<AlreadySubmittedError | RevisionConflictError | LinkInvalidError> {
  const current = await loadResponse(ctx, respondentId);
  if (!current) return new LinkInvalidError();
  if (current.status === 'ingediend') return new AlreadySubmittedError();
  return new RevisionConflictError(toResponseCopy(current));
}

async function recordActivity(ctx: RespondContext, respondent: RespondentRecord): Promise<void> {
  const now = ctx.now();
  if (!respondent.startedAt) {
    await ctx.models.Respondent.updateOne(
      { _id: respondent._id, startedAt: null },
      { $set: { startedAt: now, lastActivityAt: now } },
    );
  } else if (
    !respondent.lastActivityAt ||
    now.getTime() - respondent.lastActivityAt.getTime() > ACTIVITY_RESOLUTION_MS
  ) {
    await ctx.models.Respondent.updateOne({ _id: respondent._id }, { $set: { lastActivityAt: now } });
  }
}

async function loadResponse(
  ctx: RespondContext,
  respondentId: Types.ObjectId,
): Promise<ResponseRecord | null> {
  return ctx.models.Response.findOne({ respondent: respondentId }).lean<ResponseRecord>();
}

function toResponseCopy(response: ResponseRecord): ResponseCopy {
  return {
    data: response.data,
    currentPageNo: response.currentPageNo,
    revision: response.revision,
    status: response.status,
    ...(response.submittedAt ? { submittedAt: response.submittedAt.toISOString() } : {}),
    ...(response.reopenedAt ? { reopenedAt: response.reopenedAt.toISOString() } : {}),
  };
}

import { z } from 'zod';
import {
  respondSessionSchema,
  responseCopySchema,
  saveDraftBodySchema,
  submitBodySchema,
} from '../../shared/api/respond.js';
import { questionnaireResponseSchema } from '../questionnaires/questionnaires.routes.js';
import type { RouteDoc } from './route-spec.js';

/** The respondent API is mounted by respond.routes.ts; its OpenAPI entries are declared here. */
export const respondRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/questionnaires/:id',
    summary: 'The current version of a questionnaire, blank (public preview)',
    tag: 'questionnaires',
    access: 'public',
    response: questionnaireResponseSchema,
    status: 200,
  },
  {
    method: 'get',
    path: '/api/respond/:token',
    summary: 'Open the questionnaire behind a personal link',
    tag: 'respondent',
    access: 'public',
    response: respondSessionSchema,
    status: 200,
  },
  {
    method: 'put',
    path: '/api/respond/:token',
    summary: 'Autosave (compare-and-set on revision)',
    tag: 'respondent',
    access: 'public',
    body: saveDraftBodySchema,
    response: z.object({ revision: z.number().int(), savedAt: z.string() }),
    status: 200,
  },
  {
    method: 'post',
    path: '/api/respond/:token/submit',
    summary: 'Submit: shape check, SurveyJS validation, lock',
    tag: 'respondent',
    access: 'public',
    body: submitBodySchema,
    response: z.object({ status: z.literal('ingediend'), submittedAt: z.string() }),
    status: 200,
  },
  {
    method: 'post',
    path: '/api/respond/:token/files',
    summary: 'Upload a document (multipart field "file", ≤ 20 MB, allow-list by content)',
    tag: 'respondent',
    access: 'public',
    response: z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string() }),
    status: 201,
  },
  {
    method: 'get',
    path: '/api/respond/:token/files/:fileId',
    summary: 'Download one of your own uploads',
    tag: 'respondent',
    access: 'public',
    status: 200,
    binary: true,
  },
  {
    method: 'delete',
    path: '/api/respond/:token/files/:fileId',
    summary: 'Remove one of your own uploads (before submitting)',
    tag: 'respondent',
    access: 'public',
    status: 204,
  },
];

/** The conflict reply carries the current copy next to the error. */
export const revisionConflictSchema = z.object({
  error: z.object({ code: z.literal('revision_conflict'), message: z.string() }),
  response: responseCopySchema,
});

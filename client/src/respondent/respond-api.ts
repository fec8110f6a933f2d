import { errorBodySchema } from '../../../shared/api/error-body.js';
import {
  questionErrorsSchema,
  respondSessionSchema,
  responseCopySchema,
  saveDraftReplySchema,
  submitReplySchema,
  uploadedFileSchema,
  type QuestionError,
  type RespondSession,
  type ResponseCopy,
  type SaveDraftBody,
  type SubmitBody,
  type UploadedFile,
} from '../../../shared/api/respond.js';
import type { Answers } from './answers.js';
import type { SaveOutcome, Snapshot } from './autosave-queue.js';

/** Browsers refuse `keepalive` bodies above 64 KiB; larger saves go without it. */
const keepaliveLimitBytes = 60_000;

function respondUrl(token: string, suffix = ''): string {
  return `/api/respond/${encodeURIComponent(token)}${suffix}`;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function errorCode(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error.code : undefined;
}

/** The server's current copy in a 409 `revision_conflict` body. */
function conflictCopy(body: unknown): ResponseCopy | undefined {
  const candidates: unknown[] = [];
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    candidates.push(record.response);
    const parsedError = errorBodySchema.safeParse(body);
    if (parsedError.success) {
      const details = parsedError.data.error.details;
      candidates.push(details, (details as Record<string, unknown> | undefined)?.response);
    }
  }
  for (const candidate of candidates) {
    const parsed = responseCopySchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

export type LoadResult =
  | { kind: 'ok'; view: RespondSession }
  | { kind: 'link_invalid' }
  | { kind: 'throttled' }
  | { kind: 'unavailable' };

export async function loadRespondentView(token: string): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetch(respondUrl(token), { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch {
    return { kind: 'unavailable' };
  }
  if (response.status === 404) return { kind: 'link_invalid' };
  if (response.status === 429) return { kind: 'throttled' };
  if (!response.ok) return { kind: 'unavailable' };
  const parsed = respondSessionSchema.safeParse(await readJson(response));
  if (!parsed.success) {
    console.error('Unexpected respondent view', parsed.error);
    return { kind: 'unavailable' };
  }
  return { kind: 'ok', view: parsed.data };
}

export async function saveResponse(
  token: string,
  snapshot: Snapshot,
  revision: number,
): Promise<SaveOutcome> {
  const body = JSON.stringify({
    data: snapshot.data,
    currentPageNo: snapshot.currentPageNo,
    revision,
  } satisfies SaveDraftBody);
  // keepalive lets a save started just before the tab closes finish (the pagehide flush).
  const keepalive = body.length < keepaliveLimitBytes;
  let response: Response;
  try {
    response = await fetch(respondUrl(token), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      keepalive,
    });
  } catch {
    return { kind: 'failed' };
  }
  const json = await readJson(response);
  if (response.ok) {
    const saved = saveDraftReplySchema.safeParse(json);
    return saved.success ? { kind: 'saved', ...saved.data } : { kind: 'failed' };
  }
  if (response.status === 404) return { kind: 'link_invalid' };
  if (response.status === 409) {
    if (errorCode(json) === 'already_submitted') return { kind: 'submitted' };
    const server = conflictCopy(json);
    if (server) return { kind: 'conflict', server };
    console.error('409 without a usable server copy', json);
    return { kind: 'rejected' };
  }
  if (response.status === 429 || response.status === 408 || response.status >= 500) return { kind: 'failed' };
  return { kind: 'rejected' };
}

export type SubmitResult =
  | { kind: 'submitted'; submittedAt: string }
  | { kind: 'invalid'; details: QuestionError[] }
  | { kind: 'conflict'; server: ResponseCopy }
  | { kind: 'already_submitted' }
  | { kind: 'link_invalid' }
  | { kind: 'failed'; throttled: boolean };

export async function submitResponse(token: string, data: Answers, revision: number): Promise<SubmitResult> {
  let response: Response;
  try {
    response = await fetch(respondUrl(token, '/submit'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ data, revision } satisfies SubmitBody),
    });
  } catch {
    return { kind: 'failed', throttled: false };
  }
  const json = await readJson(response);
  if (response.ok) {
    const submitted = submitReplySchema.safeParse(json);
    return submitted.success
      ? { kind: 'submitted', submittedAt: submitted.data.submittedAt }
      : { kind: 'failed', throttled: false };
  }
  if (response.status === 404) return { kind: 'link_invalid' };
  const code = errorCode(json);
  if (response.status === 422 || code === 'validation_failed') {
    const parsedError = errorBodySchema.safeParse(json);
    const details = questionErrorsSchema.safeParse(parsedError.success ? parsedError.data.error.details : []);
    return { kind: 'invalid', details: details.success ? details.data : [] };
  }
  if (response.status === 409 && code === 'already_submitted') return { kind: 'already_submitted' };
  if (response.status === 409) {
    const server = conflictCopy(json);
    if (server) return { kind: 'conflict', server };
  }
  return { kind: 'failed', throttled: response.status === 429 };
}

export type UploadResult = { kind: 'uploaded'; file: UploadedFile } | { kind: 'error'; message: string };

/** Dutch messages for upload refusals; the server's allow-list decides which types pass. */
function uploadErrorMessage(status: number, fileName: string): string {
  switch (status) {
    case 413:
      return `"${fileName}" is te groot. Een bestand mag hoogstens 20 MB zijn.`;
    case 415:
      return `"${fileName}" heeft een bestandstype dat niet wordt geaccepteerd. Gebruik bijvoorbeeld PDF, DOCX of ODT.`;
    case 429:
      return 'Te veel pogingen, probeer het over enkele minuten opnieuw.';
    default:
      return `"${fileName}" kon niet worden geüpload. Probeer het opnieuw.`;
  }
}

export async function uploadFile(token: string, file: File): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(respondUrl(token, '/files'), { method: 'POST', body: form });
  } catch {
    return { kind: 'error', message: `"${file.name}" kon niet worden geüpload: er is geen verbinding.` };
  }
  if (!response.ok) return { kind: 'error', message: uploadErrorMessage(response.status, file.name) };
  const parsed = uploadedFileSchema.safeParse(await readJson(response));
  return parsed.success
    ? { kind: 'uploaded', file: parsed.data }
    : { kind: 'error', message: uploadErrorMessage(500, file.name) };
}

/** Deletes an uploaded file; a file that is already gone counts as deleted. */
export async function deleteFile(token: string, fileId: string): Promise<boolean> {
  try {
    const response = await fetch(respondUrl(token, `/files/${encodeURIComponent(fileId)}`), {
      method: 'DELETE',
    });
    return response.ok || response.status === 404;
  } catch {
    return false;
  }
}

/** Where an uploaded file can be opened; same origin, and the page already carries the token. */
export function fileUrl(token: string, fileId: string): string {
  return respondUrl(token, `/files/${encodeURIComponent(fileId)}`);
}

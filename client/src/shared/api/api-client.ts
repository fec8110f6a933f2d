import type { z } from 'zod';
import { queryClient } from '../query-client.js';
import { ApiError } from './api-error.js';
import { sessionReplySchema, type SessionReply } from '../../../../shared/api/session.js';
import { sessionQueryKey } from './session-query.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** Login and the session probe answer 401 as a normal outcome: do not send the user to the login page. */
  allowUnauthorized?: boolean;
  /** Requests made without a session (login, password reset) have no CSRF token to send. */
  csrf?: boolean;
};

let unauthorizedHandler: (() => void) | undefined;

/** The inspector app decides what a lapsed session means (go to the login page, keep the target). */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = undefined;
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      return new ApiError(
        status,
        typeof code === 'string' ? code : `http_${status}`,
        typeof message === 'string' ? message : `HTTP ${status}`,
        details,
      );
    }
  }
  return new ApiError(status, `http_${status}`, `HTTP ${status}`);
}

/** The CSRF token from the cached session; fetched once when the cache is empty (e.g. after a reload). */
async function csrfToken(): Promise<string | undefined> {
  const cached = queryClient.getQueryData<SessionReply>(sessionQueryKey);
  if (cached) return cached.csrfToken;
  try {
    const session = await queryClient.fetchQuery({
      queryKey: sessionQueryKey,
      queryFn: ({ signal }) =>
        apiRequest('/api/session', sessionReplySchema, { signal, allowUnauthorized: true }),
    });
    return session.csrfToken;
  } catch {
    return undefined;
  }
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && options.csrf !== false) {
    const token = await csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
}

/**
 * JSON over HTTP with the answer parsed by `schema`: the one place that knows about CSRF, error bodies
 * and lapsed sessions. A 403 with a stale CSRF token (the session was renewed elsewhere) is retried once
 * with a fresh token.
 */
export async function apiRequest<T>(
  path: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<T> {
  let response = await send(path, options);
  if (response.status === 403 && (options.method ?? 'GET') !== 'GET') {
    const body = await readBody(response.clone());
    if (toApiError(403, body).code.includes('csrf')) {
      queryClient.removeQueries({ queryKey: sessionQueryKey });
      response = await send(path, options);
    }
  }
  const body = await readBody(response);
  if (!response.ok) {
    if (response.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.();
    throw toApiError(response.status, body);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${path}`, parsed.error);
    throw new ApiError(response.status, 'unexpected_response', 'The server sent an unexpected answer');
  }
  return parsed.data;
}

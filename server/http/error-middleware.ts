import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '../../shared/api/error-body.js';
import { AppError, RateLimitedError } from '../errors.js';

function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('not_found', `No route for ${req.method} ${req.path}`));
};

/** The one place where errors become responses: AppErrors keep their status and code, the rest is a 500. */
export const errorMiddleware: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  if (res.headersSent) {
    req.log?.error({ err }, 'error after headers were sent');
    res.destroy();
    return;
  }
  if (err instanceof AppError) {
    if (err instanceof RateLimitedError && err.retryAfterSeconds !== undefined) {
      res.set('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
    }
    res.status(err.status).json(errorBody(err.code, err.message, err.details));
    return;
  }
  const bodyParserError = asBodyParserError(err);
  if (bodyParserError) {
    res.status(bodyParserError.status).json(errorBody(bodyParserError.code, bodyParserError.message));
    return;
  }
  req.log?.error({ err }, 'unhandled error');
  res.status(500).json(errorBody('internal_error', 'Internal server error'));
};

type BodyParserFailure = { status: number; code: string; message: string };

/** express.json() throws http-errors with a `type`; map the ones a client can cause to stable codes. */
function asBodyParserError(err: unknown): BodyParserFailure | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  switch ((err as { type: unknown }).type) {
    case 'entity.too.large':
      return { status: 413, code: 'payload_too_large', message: 'Request body is too large' };
    case 'entity.parse.failed':
      return { status: 400, code: 'invalid_json', message: 'Request body is not valid JSON' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'unsupported_encoding', message: 'Unsupported body encoding' };
    default:
      return undefined;
  }
}

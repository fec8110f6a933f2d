/** Errors the API reports to clients: an HTTP status, a stable machine-readable code and a message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, message: string, details?: unknown[]) {
    super(400, code, message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(code = 'unauthenticated', message = 'Log in to continue') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = 'forbidden', message = 'Your role may not do this') {
    super(403, code, message);
  }
}

/** 429 with the number of seconds after which a retry can succeed (sent as Retry-After). */
export class RateLimitedError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(429, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(code = 'not_found', message = 'Not found') {
    super(404, code, message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown[]) {
    super(409, code, message, details);
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, message: string, details?: unknown[]) {
    super(422, code, message, details);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code: string, message: string) {
    super(503, code, message);
  }
}

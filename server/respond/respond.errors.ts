import { AppError, ConflictError, NotFoundError } from '../errors.js';
import type { ResponseCopy } from '../../shared/api/respond.js';

/**
 * Unknown, expired and revoked links all end here with one message and one code, so a response never
 * tells a guesser which tokens once existed.
 */
export class LinkInvalidError extends NotFoundError {
  constructor() {
    super(
      'link_invalid',
      'Deze link is niet (meer) geldig. Neem contact op met de inspectie voor een nieuwe link.',
    );
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(code: string, message: string) {
    super(413, code, message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(code: string, message: string) {
    super(415, code, message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(code: string, message: string) {
    super(429, code, message);
  }
}

/**
 * A stale autosave or submit. Carries the server's current copy so the client can merge per question
 * without another round trip; respond.routes.ts renders it as `{error, response}`.
 */
export class RevisionConflictError extends ConflictError {
  constructor(readonly current: ResponseCopy) {
    super(
      'revision_conflict',
      'De antwoorden zijn intussen elders gewijzigd (op een ander apparaat of tabblad). De nieuwste versie is meegestuurd.',
    );
  }
}

export class AlreadySubmittedError extends ConflictError {
  constructor() {
    super('already_submitted', 'De vragenlijst is al ingediend en kan niet meer worden gewijzigd.');
  }
}

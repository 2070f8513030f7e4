import type { MessageValues } from '../i18n/messages.ts';

/** One field at fault in a request or form: the field's name and a message key. */
export interface FieldError {
  field: string;
  messageKey: string;
  values?: MessageValues;
}

/** An error with an HTTP status that the error handler turns into a page or problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly titleKey: string,
    readonly detailKey?: string,
    readonly detailValues?: MessageValues,
  ) {
    super(code);
  }
}

/** The record does not exist, or the actor may not know it does. */
export class NotFoundError extends AppError {
  constructor() {
    super(404, 'not-found', 'errors.notFound.title', 'errors.notFound.detail');
  }
}

/** The request needs a signed-in person. */
export class UnauthenticatedError extends AppError {
  constructor() {
    super(401, 'unauthenticated', 'errors.unauthenticated.title', 'errors.unauthenticated.detail');
  }
}

/** Bad input; each field at fault is named. */
export class ValidationError extends AppError {
  constructor(readonly fields: FieldError[]) {
    super(422, 'validation', 'errors.validation.title', 'errors.validation.detail', { count: fields.length });
  }
}

/** The request conflicts with the current state (e.g. a duplicate). */
export class ConflictError extends AppError {
  constructor(readonly fields: FieldError[] = [], detailKey = 'errors.conflict.detail', values?: MessageValues) {
    super(409, 'conflict', 'errors.conflict.title', detailKey, values);
  }
}

/** The form's anti-forgery token is missing or wrong. */
export class CsrfError extends AppError {
  constructor() {
    super(403, 'csrf', 'errors.csrf.title', 'errors.csrf.detail');
  }
}

/** Too many attempts; try again later. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate-limited', 'errors.rateLimited.title', 'errors.rateLimited.detail', { minutes: Math.ceil(retryAfterSeconds / 60) });
  }
}

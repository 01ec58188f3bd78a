/**
 * A field-level problem, as listed in problem+json `errors[]`; `code`, where given, is a stable name of
 * the rule the field breaks, for an interface to word in the user's language (the message is English).
 */
export type FieldProblem = { path: string; message: string; code?: string };

/**
 * A typed error thrown by domain code. The HTTP layer turns it into problem+json;
 * domain code never imports the HTTP framework.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly detail: string;
  readonly errors: FieldProblem[];
  /** extension members of the problem document (RFC 9457 §3.2), such as the parsed MRZ of a 422 */
  readonly extensions: Record<string, unknown> | undefined;
  constructor(code: string, httpStatus: number, detail: string, errors: FieldProblem[] = [], extensions?: Record<string, unknown>) {
    super(detail);
    this.code = code;
    this.httpStatus = httpStatus;
    this.detail = detail;
    this.errors = errors;
    this.extensions = extensions;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', 404, `${what} was not found.`);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldProblem[], detail = 'The request has invalid fields.') {
    super('VALIDATION', 400, detail, errors);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string, errors: FieldProblem[] = []) {
    super('CONFLICT', 409, detail, errors);
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail = 'You are not allowed to do this.') {
    super('FORBIDDEN', 403, detail);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(detail = 'Sign in first.') {
    super('UNAUTHENTICATED', 401, detail);
  }
}

/** A problem that stops a command or the server from starting; printed as one line, no stack trace. */
export class StartupError extends Error {}

/**
 * A field-level problem, as listed in problem+json `errors[]`; `code` is a stable name of the rule the
 * field breaks, for an interface to word in the user's language (the message is English), and `params`
 * the values its words need (a minimum length, the allowed values, the other field it is compared with).
 */
export type FieldProblem = { path: string; message: string; code?: string; params?: Record<string, string | number | boolean | string[]> };

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  return value;
}

const primitive = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * A zod issue as a rule an interface can word: `code` from the issue (a missing field is REQUIRED, a
 * short text TOO_SHORT, a list with too few items TOO_FEW…) and the values the words need. A
 * refinement names its own rule with `params: { code, …values }`. `input` is what was validated.
 */
export function issueProblem(zodIssue: { code: string; path: ReadonlyArray<PropertyKey>; message?: string }, path: string, input: unknown): FieldProblem {
  const issue = zodIssue as { code: string; path: ReadonlyArray<PropertyKey>; message?: string; [key: string]: unknown };
  const message = issue.message ?? 'is invalid';
  const params: NonNullable<FieldProblem['params']> = {};
  for (const key of ['minimum', 'maximum', 'expected', 'format'] as const) if (primitive(issue[key])) params[key] = issue[key];
  const origin = issue.origin;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? { path, message: 'is required', code: 'REQUIRED' } : { path, message, code: 'INVALID_TYPE', params };
    case 'too_small': {
      // at least one: an empty text, an empty list
      const one = issue.minimum === 1;
      return { path, message, code: origin === 'string' ? (one ? 'EMPTY' : 'TOO_SHORT') : origin === 'array' || origin === 'set' ? (one ? 'NONE_GIVEN' : 'TOO_FEW') : 'TOO_SMALL', params };
    }
    case 'too_big':
      return { path, message, code: origin === 'string' ? 'TOO_LONG' : origin === 'array' || origin === 'set' ? 'TOO_MANY' : 'TOO_BIG', params };
    case 'invalid_format':
      return { path, message, code: 'INVALID_FORMAT', params };
    case 'invalid_value':
      return { path, message, code: 'NOT_ALLOWED', params: { values: list(issue.values) } };
    case 'unrecognized_keys':
      return { path, message, code: 'UNKNOWN_FIELDS', params: { keys: list(issue.keys) } };
    case 'custom': {
      const own = issue.params as Record<string, unknown> | undefined;
      if (!own || typeof own.code !== 'string') return { path, message, code: 'INVALID' };
      const values: NonNullable<FieldProblem['params']> = {};
      for (const [k, v] of Object.entries(own)) {
        if (k === 'code') continue;
        if (primitive(v)) values[k] = v;
        else if (Array.isArray(v) && v.every(primitive)) values[k] = v.map(String);
      }
      return { path, message, code: own.code, ...(Object.keys(values).length ? { params: values } : {}) };
    }
    default:
      return { path, message, code: 'INVALID' };
  }
}

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

/** A 409: the record is not in a state for this (its `code` names why, for the interface's words), or an id or code is taken. */
export class ConflictError extends DomainError {
  constructor(detail: string, errors: FieldProblem[] = [], code = 'CONFLICT', extensions?: Record<string, unknown>) {
    super(code, 409, detail, errors, extensions);
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

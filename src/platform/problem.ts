import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, issueProblem, type FieldProblem } from './errors.ts';

/** An RFC 9457 problem document as Shekara sends it. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  correlationId?: string;
  errors: FieldProblem[];
  /** extension members (RFC 9457 §3.2) */
  [extension: string]: unknown;
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problem(status: number, code: string, detail: string, errors: FieldProblem[] = []): Problem {
  return {
    type: `/docs/problems#${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    errors,
  };
}

function zodPath(instancePath: string, context: string | undefined): string {
  const parts = instancePath.split('/').filter(Boolean);
  return [context, ...parts].filter(Boolean).join('.');
}

type ValidatorIssue = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

/** The schema validator's issue (fastify-type-provider-zod keeps zod's code as `keyword`, the rest as `params`). */
function validatorProblem(issue: ValidatorIssue, path: string, input: unknown): FieldProblem {
  const segments = issue.instancePath.split('/').filter(Boolean);
  return issueProblem({ ...issue.params, code: issue.keyword, path: segments, ...(issue.message === undefined ? {} : { message: issue.message }) }, path, input);
}

/**
 * Turns any error into problem+json. Only unknown errors become a 500, and then with no detail.
 * `input` is what was validated, by validation context (body, querystring, params, headers), to tell
 * a missing field from a wrong one.
 */
export function toProblem(error: unknown, input?: Partial<Record<string, unknown>>): Problem {
  if (error instanceof DomainError) return { ...error.extensions, ...problem(error.httpStatus, error.code, error.detail, error.errors) };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext;
    const errors = error.validation.map((issue) => validatorProblem(issue as ValidatorIssue, zodPath(issue.instancePath, context), context ? input?.[context] : undefined));
    return problem(400, 'VALIDATION', `${errors.length} invalid field(s) in the ${context ?? 'request'}.`, errors);
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ? 'MALFORMED_JSON'
      : fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'BODY_TOO_LARGE'
        : fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : status === 429
            ? 'RATE_LIMITED'
            : 'BAD_REQUEST';
    return problem(status, code, fastifyError.message);
  }
  return problem(500, 'INTERNAL', 'Something went wrong on our side. The error was logged with the correlation id.');
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, p: Problem) {
  return reply
    .status(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...p, instance: request.url.split('?')[0], correlationId: request.id });
}

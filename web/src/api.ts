// The browser's API client: JSON in and out, the CSRF header on writes, problem+json turned into ApiError.
import i18next from './i18n.ts';
import { fieldProblemText } from './problems.ts';
/** A bad field; `code` names the rule it breaks and `params` the values its words need (the message is English). */
export type FieldProblem = { path: string; message: string; code?: string; params?: Record<string, unknown> };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldProblem[];
  /** the whole problem document, with its extension members (such as `mrz`) */
  readonly problem: Record<string, unknown>;
  constructor(status: number, code: string, detail: string, errors: FieldProblem[] = [], problem: Record<string, unknown> = {}) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.problem = problem;
  }
  /** What is wrong with one form field (paths come as body.field or body.a.b), every rule it breaks, in the user's language. */
  fieldError(field: string): string | undefined {
    const problems = this.errors.filter((e) => e.path === `body.${field}` || e.path === field);
    return problems.length ? problems.map((p) => fieldProblemText(i18next.t, p)).join('; ') : undefined;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'OFFLINE', 'offline');
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated?.();
    throw new ApiError(response.status, data?.code ?? 'ERROR', data?.detail ?? response.statusText, data?.errors ?? [], data && typeof data === 'object' ? data : {});
  }
  return data as T;
}

export const get = <T,>(path: string) => api<T>('GET', path);

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

/**
 * A random UUID (v4). `crypto.randomUUID` exists only in a secure context (https or localhost); a
 * checkpoint's server reached over plain http on its own network still gets ids and keys.
 */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Waits before resending a write whose answer was lost (a poor link): about five seconds in all. */
const RESEND_AFTER_MS = [400, 1200, 3000];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One call to the API. A write carries an Idempotency-Key of its own (or a writer-made `id`) and is
 * resent unchanged when the connection fails before the answer comes: the server does it once and
 * answers as the first time (a route carrying a secret takes no key and is not resent).
 */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // not the routes the server marks `config: { secret: true }` (sign-in, passwords, tokens, new users): they keep no key, so a resend could act twice
  const resend = WRITES.has(method) && !/\/auth\/|\/password$|\/me\/tokens$|\/users$/.test(path);
  // a create with an id made here is idempotent by that id (a second one answers with the first record): no key to keep
  const byId = typeof body === 'object' && body !== null && typeof (body as { id?: unknown }).id === 'string';
  if (resend && !byId) headers['idempotency-key'] ??= `web-${newUuid()}`;
  let response: Response | undefined;
  let text = '';
  for (let attempt = 0; ; attempt++) {
    const last = !resend || attempt >= RESEND_AFTER_MS.length;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
      text = await response.text();
    } catch {
      if (last) throw new ApiError(0, 'OFFLINE', 'offline');
      await pause(RESEND_AFTER_MS[attempt]!);
      continue;
    }
    // resent while the first is still being done: wait for it
    if (response.status === 409 && attempt > 0 && !last && text.includes('"IDEMPOTENCY_IN_PROGRESS"')) {
      await pause(RESEND_AFTER_MS[attempt]!);
      continue;
    }
    break;
  }
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated?.();
    throw new ApiError(response.status, data?.code ?? 'ERROR', data?.detail ?? response.statusText, data?.errors ?? [], data && typeof data === 'object' ? data : {});
  }
  return data as T;
}

export const get = <T,>(path: string) => api<T>('GET', path);

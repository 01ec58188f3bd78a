// The page the problems' `type` URIs point to (`/docs/problems#out-of-order`): every problem code and
// every field rule with what it means, from the interface's English words — the same words the web
// shows, so the page and the interface cannot tell different stories.

/** Problems of the request itself, made by the HTTP layer rather than a module. */
const REQUEST: Array<[code: string, status: number, meaning: string]> = [
  ['VALIDATION', 400, 'The request has invalid fields: `errors[]` names each one with the rule it breaks (`code`) and the values its words need (`params`).'],
  ['MALFORMED_JSON', 400, 'The body is not JSON.'],
  ['BAD_URL', 400, 'The URL is malformed.'],
  ['BAD_REQUEST', 400, 'The request cannot be taken as it is.'],
  ['UNAUTHENTICATED', 401, 'Sign in first (a session cookie or a bearer token).'],
  ['INVALID_CREDENTIALS', 401, 'The user name or password is wrong.'],
  ['FORBIDDEN', 403, 'Your roles do not allow this.'],
  ['CSRF', 403, 'A write with a session cookie needs the `x-csrf-token` header of the sign-in.'],
  ['NOT_FOUND', 404, 'No such record, or not one you may see: another agency\'s record is not found, never forbidden.'],
  ['CONFLICT', 409, 'An id or a code is already taken (see `errors[]`), or the record is not in a state for this.'],
  ['BODY_TOO_LARGE', 413, 'The body is larger than the server takes.'],
  ['URI_TOO_LONG', 414, 'A path parameter is too long.'],
  ['UNSUPPORTED_MEDIA_TYPE', 415, 'Send JSON (`content-type: application/json`).'],
  ['ACCOUNT_LOCKED', 429, 'Too many failed sign-ins: the account waits before the next try (`retry-after`).'],
  ['RATE_LIMITED', 429, 'Too many requests: wait as `retry-after` says.'],
  ['INTERNAL', 500, 'Something failed on the server; it was logged with the correlation id.'],
];

const anchor = (code: string) => code.toLowerCase().replace(/_/g, '-');
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** "{{state}}" → "‹state›": where a word comes from the problem's members. */
const words = (text: string) => escape(text).replace(/\{\{(\w+)\}\}/g, '<var>$1</var>');

function rows(en: Record<string, string>, prefix: string): Array<[string, string]> {
  return Object.entries(en).filter(([key]) => key.startsWith(prefix) && /^[A-Z][A-Z_]+$/.test(key.slice(prefix.length))).map(([key, value]) => [key.slice(prefix.length), value]);
}

let page: string | undefined;

/** The HTML of the page (made once, when first asked for: it depends only on the code). */
export async function problemDocsPage(): Promise<string> {
  if (page) return page;
  // the interface's words are loaded here, not when the server starts
  const { en } = await import('../../web/src/locales/en.ts');
  const refusals = new Map<string, string>([...rows(en, 'booth.problem.'), ...rows(en, 'problem.')]);
  const section = (title: string, intro: string, items: Array<[string, string]>) => `<h2>${title}</h2><p>${intro}</p><dl>${items.map(([code, text]) => `<dt id="${anchor(code)}"><code>${code}</code></dt><dd>${text}</dd>`).join('')}</dl>`;
  page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shekara — problem types</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2630}dt{margin-top:.6rem}dd{margin-left:1.5rem}code{background:#eef2f5;padding:0 .25rem}var{font-style:normal;border-bottom:1px dotted}</style></head><body>
<h1>Problem types</h1>
<p>Every error of the Shekara API is <code>application/problem+json</code> (RFC 9457). Its <code>code</code> names the problem and its <code>type</code> points here.
A bad field is listed in <code>errors[]</code> with the rule it breaks (<code>errors[].code</code>) and the values the rule's words need (<code>errors[].params</code>);
a refused step carries members naming what it is about (the record's <code>state</code>, the <code>action</code> refused…). The web interface says each in Kazakh, Russian and English;
the meanings below are its English words, with <var>names</var> where a member's value goes.</p>
${section('Problems of the request', 'Made by the HTTP layer, on any route.', REQUEST.map(([code, status, meaning]) => [code, `${status} — ${escape(meaning).replace(/`([^`]+)`/g, '<code>$1</code>')}`]))}
${section('Refused steps', 'The record or the law does not allow the step now (409, 422, 403); the members name what it is about.', [...refusals].sort(([a], [b]) => a.localeCompare(b)).map(([code, text]) => [code, words(text)]))}
${section('Rules a field breaks', 'The <code>code</code> of an entry of <code>errors[]</code>; its <code>params</code> fill the words.', rows(en, 'problem.field.').sort(([a], [b]) => a.localeCompare(b)).map(([code, text]) => [code, words(text)]))}
${section('Checks of a machine readable zone', 'An invalid MRZ (422 <code>INVALID_MRZ</code>) lists each failing field as <code>MRZ_</code> and one of these.', rows(en, 'mrz.code.').map(([code, text]) => [`MRZ_${code}`, words(text)]))}
</body></html>`;
  return page;
}

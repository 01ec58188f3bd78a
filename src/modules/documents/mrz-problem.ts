// The 422 of an MRZ that fails its checks or cannot be read, as the parse route and a crossing's
// registration both answer it: each failing field by path, and the parsed MRZ as an extension member
// (its codes and OCR suggestions, for an interface to word in the user's language).
import { DomainError } from '../../platform/errors.ts';
import type { MrzResult } from './mrz.ts';

/** `pathPrefix` places the fields in the request ("" for the parse route's `lines`, "mrz." in a crossing); `advice` ends the detail. */
export function mrzProblem(mrz: MrzResult, pathPrefix = '', advice = ''): DomainError {
  const detail = mrz.format ? `The ${mrz.format} MRZ fails ${mrz.errors.length} check(s)${advice ? `: ${advice}` : ''}.` : 'The lines cannot be read as any MRZ format.';
  return new DomainError(mrz.format ? 'INVALID_MRZ' : 'UNREADABLE_MRZ', 422, detail, mrz.errors.map((e) => ({ path: `${pathPrefix}${e.field}`, code: `MRZ_${e.code}`, message: `${e.code}: ${e.message}` })), { mrz });
}

// Travel documents (ICAO 9303): the request and answer of MRZ parsing.
import { z } from 'zod';

export const MrzParseBody = z.strictObject({
  lines: z.array(z.string().max(100, 'an MRZ line has at most 44 characters')).min(1).max(5).describe('The 2 or 3 lines of the MRZ as read (blank lines and surrounding spaces are ignored)'),
});

const MrzError = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const MrzView = z.object({
  valid: z.boolean(),
  format: z.enum(['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB']).nullable(),
  documentCode: z.string().nullable(),
  issuingState: z.string().nullable(),
  primaryIdentifier: z.string().nullable(),
  secondaryIdentifier: z.string().nullable(),
  nameTruncated: z.boolean().describe('The name field is full to its last position: the name may have been cut'),
  documentNumber: z.string().nullable(),
  nationality: z.string().nullable(),
  dateOfBirth: z.string().nullable().describe('ISO date; YYYY or YYYY-MM when the MRZ gives only part of it'),
  sex: z.enum(['M', 'F', 'X']).nullable(),
  dateOfExpiry: z.string().nullable(),
  optionalData: z.string().nullable(),
  optionalData2: z.string().nullable().optional(),
  checks: z.record(z.string(), z.boolean()),
  errors: z.array(MrzError),
  suggestions: z.array(z.object({ field: z.string(), read: z.string(), suggested: z.string(), reason: z.string() })).describe('Likely OCR confusions; what was read is not changed'),
  lines: z.array(z.string()),
});

export const MrzProblem = z.object({
  type: z.string(), title: z.string(), status: z.number(), detail: z.string(), code: z.string(),
  instance: z.string().optional(), correlationId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
  mrz: MrzView,
});

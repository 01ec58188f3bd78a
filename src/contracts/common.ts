// Request and response schemas shared by the API, the OpenAPI document, the web UI and the CLI.
// This folder imports nothing but zod.
import { z } from 'zod';

export const Uuid = z.uuid().describe('A UUID (v7 for records made by Shekara)');
export const Locale = z.enum(['kk', 'ru', 'en']).describe('Interface language: Kazakh, Russian or English');
export type Locale = z.infer<typeof Locale>;
export const IsoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');
export const IsoDateTime = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 with offset');
export const Timestamp = z.date().describe('An instant in UTC, ISO 8601 (sent as a string)');

/** A name in the three working languages. */
export const Names = z.strictObject({
  kk: z.string().trim().min(1).max(300).describe('Kazakh'),
  ru: z.string().trim().min(1).max(300).describe('Russian'),
  en: z.string().trim().min(1).max(300).describe('English'),
});
export type Names = z.infer<typeof Names>;

/**
 * For a cross-field refinement that runs even when other fields are bad (every problem is listed at
 * once): only on an object — a missing or non-object body is already its own problem, and a rule
 * reading its fields would throw.
 */
export const onObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);

export const IdParams = z.strictObject({ id: Uuid });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('Stable machine-readable code, e.g. VALIDATION, NOT_FOUND'),
    instance: z.string().optional(),
    correlationId: z.string().optional(),
    errors: z.array(z.object({
      path: z.string(), message: z.string(),
      code: z.string().optional().describe('the rule the field breaks (REQUIRED, TOO_SHORT, INVALID_FORMAT, IN_FUTURE, …): an interface words it in the user\'s language'),
      params: z.record(z.string(), z.unknown()).optional().describe('the values the words need: minimum, maximum, values, format, other field…'),
    })),
  })
  .describe('RFC 9457 problem details');

export const Ok = z.object({ ok: z.literal(true) });

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

import { z } from 'zod';
import { READ_ONLY_FIELDS } from './constants';

/** The one error envelope of every failure. */
export const errorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;

export const uuid = z.uuid();
/** Stable lowercase identifiers (rule ids, provider slugs, zone and group names, data class keys). */
export const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be lowercase letters and digits separated by - or _');
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case (e.g. CN, US)');
/* eslint-disable no-control-regex -- these patterns exist to refuse control characters */
/** Plain one-line text: no control characters. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');
/** Multi-line text: newlines and tabs allowed, other control characters not. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not contain control characters');
/* eslint-enable no-control-regex */
export const httpsUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2048);
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
/**
 * An instant a query compares with a timestamp column: PostgreSQL has no year 0, so an instant
 * before 0001-01-01T00:00:00Z would be a database error (a 500) instead of a 400.
 */
export const queryableInstant = (v: string) => Date.parse(v) >= Date.parse('0001-01-01T00:00:00Z');
export const QUERYABLE_INSTANT_MESSAGE = 'must be on or after 0001-01-01T00:00:00Z';


/**
 * The update schema of a create schema: every field optional and NO defaults, so a partial update
 * never resets the fields it leaves out (zod's .partial() would still apply their defaults).
 * Read-only output fields (`readOnly`, plus id/createdAt/updatedAt) are accepted and dropped, since
 * react-admin sends the whole record back; any other unknown field is refused (no mass assignment).
 */
export function updateOf<T extends z.ZodRawShape>(create: z.ZodObject<T>, readOnly: readonly string[] = []) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(create.shape)) {
    const f = field as z.ZodType;
    shape[key] = (f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : f).optional();
  }
  const dropped = [...READ_ONLY_FIELDS, ...readOnly].filter((k) => !(k in shape));
  for (const k of dropped) shape[k] = z.unknown().optional();
  type Out = { [K in keyof T]?: z.output<T[K] extends z.ZodDefault<infer I> ? I : T[K]> };
  return z.strictObject(shape).transform((value) => {
    const out: Record<string, unknown> = { ...value };
    for (const k of dropped) delete out[k];
    for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
    return out as Out;
  });
}

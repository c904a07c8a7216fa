/** Small zod/mini building blocks shared by the record schemas. */
import * as z from 'zod/mini';

/**
 * Control characters (C0 and DEL) are refused in every string the domain
 * takes: nobody types them, they hide text in exports and logs, and
 * PostgreSQL cannot store NUL in text at all (it would answer 500, not 400).
 * Multi-line text (notes, descriptions) keeps tab and line breaks.
 */
/** Tab, line feed and carriage return: kept in multi-line text. */
const LINE_CHARACTERS: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0d]);

export function hasControlCharacters(value: string, options: { multiLine?: boolean } = {}): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code <= 0x1f || code === 0x7f) && !(options.multiLine && LINE_CHARACTERS.has(code))) return true;
  }
  return false;
}

/** The check every domain string carries (see `hasControlCharacters`). */
export function noControlCharacters(options: { multiLine?: boolean } = {}) {
  return z.refine<string>(
    (value) => !hasControlCharacters(value, options),
    options.multiLine ? 'must not contain control characters' : 'must not contain control characters or line breaks',
  );
}

/** A string of at most `max` characters without control characters (ids named by devices, user ids). */
export function plainString(max: number, min = 0) {
  return z.string().check(z.minLength(min), z.maxLength(max), noControlCharacters());
}

/** Free text with bounds; trimmed length must be at least `min`. Single-line unless `multiLine`. */
export function text(max: number, min = 0, options: { multiLine?: boolean } = {}) {
  return z.string().check(
    z.maxLength(max, `must be at most ${max} characters`),
    noControlCharacters(options),
    z.refine((s) => s.trim().length >= min, min > 0 ? 'must not be empty' : 'invalid'),
  );
}

/** Ids of tenant configuration items (buurten, partners, themes, types): readable slugs. */
export const ConfigIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes'));

/** CBS buurtcode, e.g. BU04820101; codes change yearly, so a year goes with it. */
export const CbsBuurtCodeSchema = z.string().check(z.regex(/^BU\d{8}$/, 'must be a CBS buurtcode like BU04820101'));

export const DateSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date as YYYY-MM-DD'));

export const TimeSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM'));

/** A WGS84 point; where it came from is explicit and visible, never hidden in a file. */
export const LocationSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
  accuracyM: z.optional(z.number().check(z.gte(0), z.lte(100_000))),
  source: z.enum(['gps', 'map', 'address']),
});
export type Location = z.infer<typeof LocationSchema>;

/** A partner of the tenant, or a free name (school, church, sports club …). */
export const OrganisationRefSchema = z.union([z.strictObject({ partnerId: ConfigIdSchema }), z.strictObject({ name: text(120, 1) })]);
export type OrganisationRef = z.infer<typeof OrganisationRefSchema>;

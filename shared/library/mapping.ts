import { z } from 'zod';
import { DATE_FORMATS } from '../time/london';
import { checkWithSchema, parseJsonFile, type JsonFileResult } from './jsonFile';

/**
 * How one force's evidence-list CSV maps onto the fields the library indexes. Exports differ by force and by system
 * configuration, so this is data (a JSON file a force can write) rather than code. Header names are matched
 * case-insensitively after trimming; a column may list alternatives, the first one present in the header wins.
 */
const headerName = z.string().trim().min(1, 'a header name cannot be empty');
const columnRef = z.union([headerName, z.array(headerName).min(1, 'list at least one header name')]);
export type ColumnRef = z.infer<typeof columnRef>;

/**
 * A flag is set on a record when the named column's cell matches (case-insensitive): `contains` a substring,
 * `equals` the whole cell or any one item of it split on ";" or "," (so "child present, follow-up" equals
 * "Child Present"), or `regex` (JavaScript syntax, tested on the whole cell). Several rules with one name are OR-ed.
 */
const flagCondition = z
  .strictObject({
    column: headerName,
    contains: z.string().trim().min(1).optional(),
    equals: z.string().trim().min(1).optional(),
    regex: z.string().min(1).optional(),
  })
  .refine((w) => [w.contains, w.equals, w.regex].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of contains, equals or regex',
  })
  .refine((w) => w.regex === undefined || compiles(w.regex), {
    message: 'is not a valid regular expression',
    path: ['regex'],
  });
export type FlagCondition = z.infer<typeof flagCondition>;

const flagRule = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'flag names are lower-case words joined by hyphens, e.g. "child-present"'),
  when: flagCondition,
});
export type FlagRule = z.infer<typeof flagRule>;

export const mappingSchema = z.strictObject({
  name: z.string().trim().min(1),
  version: z.number().int().min(1),
  columns: z.strictObject({
    id: columnRef,
    title: columnRef.optional(),
    categories: columnRef.optional(),
    description: columnRef.optional(),
    /** Owner or Recorded by: whoever's camera it was. */
    officer: columnRef,
    officerId: columnRef.optional(),
    team: columnRef.optional(),
    bcu: columnRef.optional(),
    tags: columnRef.optional(),
    group: columnRef.optional(),
    recordedOn: columnRef,
    uploadedOn: columnRef.optional(),
    duration: columnRef.optional(),
    cases: columnRef.optional(),
    fileName: columnRef.optional(),
    /** Force-specific columns kept verbatim under a field name of the force's choosing. */
    custom: z.record(z.string().trim().min(1), columnRef).optional(),
  }),
  categorySeparator: z.string().min(1).default(';'),
  tagSeparator: z.string().min(1).default(','),
  /**
   * Fields carried as "key:value" tags when the export has no column for them (the sample's "BCU:Central East").
   * Used only when the field's own column is absent or empty in that row.
   */
  fieldsFromTags: z.strictObject({ team: headerName.optional(), bcu: headerName.optional() }).default({}),
  dateFormat: z.enum(DATE_FORMATS).default('dd/mm/yyyy HH:MM'),
  /** The only zone whose rules are modelled (shared/time/london.ts). */
  timeZone: z.literal('Europe/London').default('Europe/London'),
  flags: z.array(flagRule).default([]),
});

export type EvidenceMapping = z.output<typeof mappingSchema>;
export type EvidenceMappingInput = z.input<typeof mappingSchema>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

/**
 * Matches /work/shared/data/axon-style-export.csv (an Axon Evidence-style evidence list):
 * ID, Title, Categories, Description, Owner, Recorded By, Recorded On, Uploaded On, Duration, Cases, Tags,
 * Evidence Group, File Name. Choices:
 * - officer is "Recorded By" (whose camera), falling back to "Owner" (evidence can be reassigned to someone else).
 * - The export has no team or BCU column. Its evidence groups are team names (CE-ERT-A = Central East emergency
 *   response team A, CE-NPT-Hackney = a neighbourhood team), so "Evidence Group" is both group and team; the BCU
 *   comes from a "BCU:<name>" tag where one exists.
 * - Flags come only from what officers recorded, never from free-text descriptions: domestic-abuse from the category,
 *   child-present from the category or the tag, child-protection from the category.
 */
export const AXON_PRESET: EvidenceMapping = {
  name: 'Axon evidence list',
  version: 1,
  columns: {
    id: 'ID',
    title: 'Title',
    categories: 'Categories',
    description: 'Description',
    officer: ['Recorded By', 'Owner'],
    team: 'Evidence Group',
    tags: 'Tags',
    group: 'Evidence Group',
    recordedOn: 'Recorded On',
    uploadedOn: 'Uploaded On',
    duration: 'Duration',
    cases: 'Cases',
    fileName: 'File Name',
  },
  categorySeparator: ';',
  tagSeparator: ',',
  fieldsFromTags: { bcu: 'BCU' },
  dateFormat: 'dd/mm/yyyy HH:MM',
  timeZone: 'Europe/London',
  flags: [
    { name: 'domestic-abuse', when: { column: 'Categories', equals: 'Domestic Abuse' } },
    { name: 'child-present', when: { column: 'Categories', equals: 'Child Present' } },
    { name: 'child-present', when: { column: 'Tags', equals: 'child present' } },
    { name: 'child-protection', when: { column: 'Categories', equals: 'Child Protection' } },
  ],
};

export type MappingResult = { ok: true; mapping: EvidenceMapping } | { ok: false; error: string };

/** A mapping file's JSON text, checked; every error names the field by its path, e.g. "columns.officer". */
export function parseMappingFile(jsonText: string): MappingResult {
  return asMappingResult(parseJsonFile(jsonText, mappingSchema, 'mapping file'));
}

/** An already-parsed mapping object, checked the same way (parseEvidenceCsv re-checks what it is given). */
export function checkMapping(raw: unknown): MappingResult {
  return asMappingResult(checkWithSchema(raw, mappingSchema, 'mapping'));
}

function asMappingResult(r: JsonFileResult<EvidenceMapping>): MappingResult {
  return r.ok ? { ok: true, mapping: r.value } : r;
}

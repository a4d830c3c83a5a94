import { z } from 'zod';
import { id, pathText, shortText } from './limits';

/**
 * The library's channels: index footage folders and force exports, browse incidents (a virtualised table fetches
 * windows with offset/limit), read one incident with its clips, list what could not be used, and merge or split
 * incidents by hand. Progress of an index run arrives as 'index.progress' events; cancelling the request cancels it.
 */

const empty = z.object({}).strict();
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are yyyy-mm-dd (UK local)');

export const skippedSchema = z.object({
  path: z.string(),
  /** The manifest line, for an export row. */
  line: z.number().optional(),
  reason: z.string(),
});
export type Skipped = z.infer<typeof skippedSchema>;

export const indexSummarySchema = z.object({
  runId: z.number(),
  status: z.enum(['completed', 'cancelled']),
  /** Video files found under the roots (.mp4 .m4v .mov .mkv .avi), readable or not. */
  scanned: z.number(),
  added: z.number(),
  /** Files changed since the last run (re-read), and clips whose missing file came back. */
  updated: z.number(),
  unchanged: z.number(),
  /** Files found at a new path with the fingerprint of a clip whose old path is gone: the same clip row, re-linked. */
  moved: z.number(),
  /** Clips under these roots whose file was not found in this run (rows, links and scores kept). */
  missing: z.number(),
  skipped: z.array(skippedSchema),
  /** Clips present in the whole library, and active incidents, after the run. */
  clips: z.number(),
  incidents: z.number(),
  /** Clips whose full SHA-256 was computed in this run (--hash). */
  hashed: z.number(),
  evidence: z.object({
    manifests: z.number(),
    rows: z.number(),
    added: z.number(),
    updated: z.number(),
    rowsWithoutClip: z.number(),
    clipsWithoutRow: z.number(),
  }),
  grouping: z.object({
    /** 'reference' or 'reference+proximity'. */
    rule: z.string(),
    proximityMinutes: z.number().nullable(),
    /** False when nothing changed since the last grouping, so it was not redone. */
    regrouped: z.boolean(),
    created: z.number(),
    changed: z.number(),
    /** Incidents left without clips: kept as superseded (something refers to them) or removed. */
    superseded: z.number(),
    removed: z.number(),
  }),
  durationMs: z.number(),
});
export type IndexSummary = z.infer<typeof indexSummarySchema>;

export const rootSchema = z.object({
  id: z.number(),
  path: z.string(),
  clips: z.number(),
  missing: z.number(),
  lastIndexedAt: z.string().nullable(),
});
export type LibraryRoot = z.infer<typeof rootSchema>;

export const indexInputSchema = z
  .object({
    roots: z.array(pathText).min(1, 'give at least one folder').max(100),
    manifests: z.array(pathText).max(100).default([]),
    /** 'axon' (the preset) or the path of a mapping file. */
    mapping: pathText.default('axon'),
    hash: z.boolean().default(false),
    /** Group clips without a reference by team and time (within N minutes); null: off. */
    proximityMinutes: z.number().int().min(0).max(24 * 60).nullable().default(null),
  })
  .strict();
export type IndexInput = z.output<typeof indexInputSchema>;

export const problemSchema = z.object({
  /** file/folder/sidecar/manifest/row: found by the latest run; row-without-clip, clip-without-row: current state. */
  kind: z.enum(['file', 'folder', 'sidecar', 'manifest', 'row', 'row-without-clip', 'clip-without-row']),
  path: z.string(),
  line: z.number().nullable(),
  reason: z.string(),
});
export type LibraryProblem = z.infer<typeof problemSchema>;

export const problemsOutputSchema = z.object({
  run: z
    .object({ id: z.number(), status: z.string(), startedAt: z.string(), finishedAt: z.string().nullable() })
    .nullable(),
  total: z.number(),
  rows: z.array(problemSchema),
});
export type ProblemsPage = z.infer<typeof problemsOutputSchema>;

export const incidentSortSchema = z.enum(['started', 'reference', 'bcu', 'team', 'clips']);
export type IncidentSort = z.infer<typeof incidentSortSchema>;

export const incidentFilterSchema = z
  .object({
    /** UK local calendar days, inclusive. */
    from: ymd.optional(),
    to: ymd.optional(),
    bcu: shortText.optional(),
    team: shortText.optional(),
    category: shortText.optional(),
    flag: shortText.optional(),
    officer: shortText.optional(),
    /** A CAD/CRIS reference, whole (any spelling) or part of one. */
    reference: shortText.optional(),
  })
  .strict();
export type IncidentFilter = z.output<typeof incidentFilterSchema>;

export const incidentListInputSchema = incidentFilterSchema
  .extend({
    sort: incidentSortSchema.default('started'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(5000).default(200),
  })
  .strict();
export type IncidentListInput = z.output<typeof incidentListInputSchema>;

export const incidentRowSchema = z.object({
  id: z.number(),
  reference: z.string().nullable(),
  references: z.array(z.string()),
  source: z.enum(['reference', 'single', 'proximity', 'manual']),
  manual: z.boolean(),
  status: z.enum(['active', 'superseded']),
  bcu: z.string().nullable(),
  team: z.string().nullable(),
  officers: z.array(z.string()),
  officerIds: z.array(z.string()),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  categories: z.array(z.string()),
  flags: z.array(z.string()),
  clipCount: z.number(),
  missingCount: z.number(),
  unplayableCount: z.number(),
});
export type IncidentRow = z.infer<typeof incidentRowSchema>;

export const incidentPageSchema = z.object({ total: z.number(), rows: z.array(incidentRowSchema) });
export type IncidentPage = z.infer<typeof incidentPageSchema>;

export const clipSchema = z.object({
  id: z.number(),
  path: z.string(),
  root: z.string(),
  relPath: z.string(),
  status: z.enum(['present', 'missing']),
  size: z.number(),
  container: z.string(),
  durationSec: z.number().nullable(),
  recordedAt: z.string().nullable(),
  recordedAtSource: z.enum(['file', 'sidecar', 'name', 'export']).nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  frameRate: z.number().nullable(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number(), alt: z.number().nullable() }).nullable(),
  playable: z.boolean(),
  unplayableReason: z.string().nullable(),
  officer: z.string().nullable(),
  officerId: z.string().nullable(),
  /** The export's evidence ID this file was matched to. */
  evidenceId: z.string().nullable(),
  sha256: z.string().nullable(),
  bookmarks: z.array(z.object({ t: z.string(), label: z.string().nullable() })),
});
export type Clip = z.infer<typeof clipSchema>;

export const evidenceSchema = z.object({
  evidenceId: z.string(),
  title: z.string().nullable(),
  officer: z.string().nullable(),
  team: z.string().nullable(),
  bcu: z.string().nullable(),
  categories: z.array(z.string()),
  flags: z.array(z.string()),
  recordedAt: z.string().nullable(),
  /** 'ambiguous' / 'nonexistent' when the export's local time fell in a clock change. */
  timeFlag: z.enum(['ambiguous', 'nonexistent']).nullable(),
  durationSec: z.number().nullable(),
  references: z.array(z.string()),
  fileName: z.string().nullable(),
  description: z.string().nullable(),
  source: z.string(),
  line: z.number(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const incidentDetailSchema = incidentRowSchema.extend({
  clips: z.array(clipSchema),
  evidence: z.array(evidenceSchema),
  supersededBy: z.number().nullable(),
});
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const facetsSchema = z.object({
  bcus: z.array(z.string()),
  teams: z.array(z.string()),
  categories: z.array(z.string()),
  flags: z.array(z.string()),
  officers: z.array(z.string()),
});
export type Facets = z.infer<typeof facetsSchema>;

export const mergeInputSchema = z
  .object({ ids: z.array(id).min(2, 'merge needs at least two incidents').max(100), reason: shortText.optional() })
  .strict();
export const splitInputSchema = z
  .object({ incidentId: id, clipIds: z.array(id).min(1, 'name the clips to split off').max(1000), reason: shortText.optional() })
  .strict();
export const combinationResultSchema = z.object({
  /** The incident that holds the clips afterwards (merge: the lowest id; split: the new incident). */
  incidentId: z.number(),
  /** Incidents the clips came from. */
  from: z.array(z.number()),
  clipIds: z.array(z.number()),
});
export type CombinationResult = z.infer<typeof combinationResultSchema>;

export const libraryContract = {
  'library.roots': { input: empty, output: z.array(rootSchema) },
  'library.index': { input: indexInputSchema, output: indexSummarySchema },
  /** Stops a running index run at the next file; it commits what is done and reports status 'cancelled'. */
  'library.cancelIndex': { input: empty, output: z.object({ cancelled: z.number() }) },
  'library.problems': {
    input: z
      .object({
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    output: problemsOutputSchema,
  },
  'incidents.list': { input: incidentListInputSchema, output: incidentPageSchema },
  'incidents.get': { input: z.object({ id }).strict(), output: incidentDetailSchema },
  'incidents.facets': { input: empty, output: facetsSchema },
  'incidents.merge': { input: mergeInputSchema, output: combinationResultSchema },
  'incidents.split': { input: splitInputSchema, output: combinationResultSchema },
} as const;

import { z } from 'zod';
import { userSchema } from './app';
import { id, shortText } from './limits';

/**
 * Audit rounds: preview a design while the form changes, draw it (which locks it), list, read the statement with
 * progress, and verify a round against today's library. Payloads are only shaped here (types and bounds); what the
 * values mean (dates, seeds, probabilities, stratum fields) is checked by the core, once, for the UI and the CLI
 * alike, so every problem comes back as a sentence naming its field.
 */

export const STRATUM_FIELDS = ['team', 'shift', 'category', 'officer'] as const;
export type StratumField = (typeof STRATUM_FIELDS)[number];

const list = z.array(shortText).max(200).default([]);

export const roundFiltersSchema = z
  .object({
    bcu: shortText.optional(),
    /** UK local calendar days, yyyy-mm-dd, inclusive. */
    from: shortText.optional(),
    to: shortText.optional(),
    /** Any of these categories (and, when flags are given too, any of the flags). */
    categories: list,
    flags: list,
    teams: list,
    officers: list,
    /** Keep incidents that an earlier round already sampled. */
    includePreviouslySampled: z.boolean().default(false),
  })
  .strict();
export type RoundFiltersInput = z.input<typeof roundFiltersSchema>;
export type RoundFilters = z.output<typeof roundFiltersSchema>;

export const SIZE_METHODS = ['fixed', 'percent', 'confidence', 'discovery'] as const;
export type SizeMethod = (typeof SIZE_METHODS)[number];

/** The size request as typed; shared/sampling/size.ts decides whether it makes sense. */
export const sizeRequestSchema = z
  .object({
    method: z.enum(SIZE_METHODS, { error: 'size method must be fixed, percent, confidence or discovery' }),
    n: z.number().optional(),
    percent: z.number().optional(),
    confidence: z.number().optional(),
    margin: z.number().optional(),
    proportion: z.number().optional(),
    tolerableRate: z.number().optional(),
  })
  .strict();
export type SizeRequest = z.infer<typeof sizeRequestSchema>;

export const roundDesignSchema = z
  .object({
    filters: roundFiltersSchema.default({ categories: [], flags: [], teams: [], officers: [], includePreviouslySampled: false }),
    size: sizeRequestSchema,
    /** Any of STRATUM_FIELDS; free text here so an unknown one is reported by name rather than as a schema error. */
    strata: z.array(shortText).max(10).default([]),
    minPerStratum: z.number().default(0),
  })
  .strict();
export type RoundDesignInput = z.input<typeof roundDesignSchema>;
export type RoundDesign = z.output<typeof roundDesignSchema>;

export const calibrationRequestSchema = z
  .object({ fraction: z.number().optional(), count: z.number().optional() })
  .strict();

export const roundCreateInputSchema = roundDesignSchema
  .extend({
    name: shortText,
    /** Omitted: a fresh seed from the operating system's cryptographic source, shown in the statement. */
    seed: shortText.optional(),
    calibration: calibrationRequestSchema.default({}),
    reviewers: z.array(shortText).max(100).default([]),
    /** Omitted: the newest version of the child-focus rubric. */
    rubric: z.object({ id: shortText, version: z.number().int().positive() }).strict().optional(),
  })
  .strict();
export type RoundCreateInput = z.input<typeof roundCreateInputSchema>;
export type RoundCreate = z.output<typeof roundCreateInputSchema>;

/** A problem with one field of a round design: `field` is the form's name for it (e.g. 'size.margin', 'filters.to'). */
export const fieldProblemSchema = z.object({ field: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

export const allocationRowSchema = z.object({
  stratum: z.string(),
  population: z.number(),
  sample: z.number(),
  /** N_h / n_h; null when the stratum gets no sample. */
  weight: z.number().nullable(),
});
export type AllocationRow = z.infer<typeof allocationRowSchema>;

export const sizeOutcomeSchema = z.object({
  n: z.number(),
  /** n reached the frame size, so the whole frame is reviewed. */
  takeAll: z.boolean(),
  /** The formula with its inputs, in words. */
  explanation: z.string(),
  n0: z.number().nullable(),
  z: z.number().nullable(),
});
export type SizeOutcome = z.infer<typeof sizeOutcomeSchema>;

export const roundPreviewSchema = z.object({
  /** Null when the filters themselves are wrong, so no frame could be read. */
  frameSize: z.number().nullable(),
  size: sizeOutcomeSchema.nullable(),
  allocation: z.array(allocationRowSchema).nullable(),
  proportional: z.boolean().nullable(),
  problems: z.array(fieldProblemSchema),
  elapsedMs: z.number(),
});
export type RoundPreview = z.infer<typeof roundPreviewSchema>;

export const roundStatementSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.enum(['drawn', 'closed']),
  filters: roundFiltersSchema,
  frameSize: z.number(),
  /** SHA-256 (hex) of the sorted frame ids, one decimal id per line. */
  frameHash: z.string(),
  size: z.object({ request: sizeRequestSchema, outcome: sizeOutcomeSchema }),
  strata: z.array(z.enum(STRATUM_FIELDS)),
  minPerStratum: z.number(),
  allocation: z.array(allocationRowSchema),
  proportional: z.boolean(),
  algorithm: z.object({ id: z.string(), version: z.number(), prng: z.string() }),
  seed: z.string(),
  /** True when no seed was given and the tool made one from a cryptographic source. */
  seedGenerated: z.boolean(),
  calibration: z.object({ fraction: z.number().nullable(), count: z.number().nullable(), incidents: z.number() }),
  reviewers: z.array(z.object({ id: z.string(), officerIds: z.array(z.string()) })),
  /** How reviewers were assigned (method and its random stream), for an auditor. */
  assignmentMethod: z.string(),
  rubric: z.object({ id: z.string(), version: z.number() }),
  drawnBy: z.string(),
  drawnAt: z.string(),
  verifyCommand: z.string(),
});
export type RoundStatement = z.infer<typeof roundStatementSchema>;

export const roundIncidentSchema = z.object({
  drawOrder: z.number(),
  incidentId: z.number(),
  reference: z.string().nullable(),
  startedAt: z.string().nullable(),
  team: z.string().nullable(),
  stratum: z.string(),
  weight: z.number().nullable(),
  reviewers: z.array(z.string()),
  calibration: z.boolean(),
});
export type RoundIncident = z.infer<typeof roundIncidentSchema>;

export const reviewerProgressSchema = z.object({
  reviewerId: z.string(),
  displayName: z.string().nullable(),
  assigned: z.number(),
  calibration: z.number(),
  notStarted: z.number(),
  draft: z.number(),
  submitted: z.number(),
});
export type ReviewerProgress = z.infer<typeof reviewerProgressSchema>;

export const roundDetailSchema = z.object({
  statement: roundStatementSchema,
  incidents: z.array(roundIncidentSchema),
  progress: z.array(reviewerProgressSchema),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const roundSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.enum(['drawn', 'closed']),
  frameSize: z.number(),
  n: z.number(),
  seed: z.string(),
  drawnBy: z.string(),
  drawnAt: z.string(),
  reviewers: z.number(),
  assigned: z.number(),
  submitted: z.number(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const sampleDifferenceSchema = z.object({
  /** 1-based draw position. */
  position: z.number(),
  stored: z.number().nullable(),
  now: z.number().nullable(),
});

export const roundVerificationSchema = z.object({
  roundId: z.number(),
  name: z.string(),
  identical: z.boolean(),
  frame: z.object({
    storedSize: z.number(),
    currentSize: z.number(),
    storedHash: z.string(),
    currentHash: z.string(),
    /** Ids in today's frame that were not in the stored one, and the reverse (ascending). */
    added: z.array(z.number()),
    removed: z.array(z.number()),
    /** Incidents in both frames whose stratum changed (their team, shift, category or officer changed). */
    restratified: z.array(z.object({ incidentId: z.number(), stored: z.string(), now: z.string() })),
  }),
  sample: z.object({
    storedSize: z.number(),
    currentSize: z.number(),
    /** Positions where the re-derived sample differs from the stored one. */
    differences: z.array(sampleDifferenceSchema),
    added: z.array(z.number()),
    removed: z.array(z.number()),
  }),
  /** Why today's draw could not be made at all (e.g. the frame is now empty); null when it was made. */
  drawError: z.string().nullable(),
  /** The round's own stored frame still hashes to its frame hash and re-draws to its stored sample. */
  storedFrameReproduces: z.boolean(),
  /** The round was drawn with the algorithm id and version this tool draws with. */
  algorithmMatches: z.boolean(),
  /** One sentence per finding, "identical" when there is none. */
  findings: z.array(z.string()),
});
export type RoundVerification = z.infer<typeof roundVerificationSchema>;

export const roundOptionsSchema = z.object({
  bcus: z.array(z.string()),
  teams: z.array(z.string()),
  categories: z.array(z.string()),
  flags: z.array(z.string()),
  users: z.array(userSchema),
});
export type RoundOptions = z.infer<typeof roundOptionsSchema>;

export const roundsContract = {
  'rounds.options': { input: z.object({}).strict(), output: roundOptionsSchema },
  'rounds.preview': { input: roundDesignSchema, output: roundPreviewSchema },
  'rounds.create': { input: roundCreateInputSchema, output: roundDetailSchema },
  'rounds.list': { input: z.object({}).strict(), output: z.array(roundSummarySchema) },
  'rounds.get': { input: z.object({ id }).strict(), output: roundDetailSchema },
  'rounds.verify': { input: z.object({ id }).strict(), output: roundVerificationSchema },
} as const;

export type RoundsChannel = keyof typeof roundsContract;

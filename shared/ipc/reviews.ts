import { z } from 'zod';
import { reviewAnswersSchema } from '../rubric/answers';
import { rubricSchema } from '../rubric/schema';
import { id, longText } from './limits';

/** Where a review stands for the person assigned to it. */
export const reviewStatusSchema = z.enum(['not_started', 'draft', 'submitted']);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

const statusCounts = z.object({
  notStarted: z.number(),
  draft: z.number(),
  submitted: z.number(),
  total: z.number(),
});
export type StatusCounts = z.infer<typeof statusCounts>;

export const queueIncidentSchema = z.object({
  incidentId: z.number(),
  reference: z.string().nullable(),
  startedAt: z.string().nullable(),
  bcu: z.string().nullable(),
  clipCount: z.number(),
  /** Double-scored: other reviewers score the same incident blind. */
  calibration: z.boolean(),
  status: reviewStatusSchema,
  updatedAt: z.string().nullable(),
});
export type QueueIncident = z.infer<typeof queueIncidentSchema>;

export const queueRoundSchema = z.object({
  roundId: z.number(),
  name: z.string(),
  drawnAt: z.string(),
  rubricId: z.string(),
  rubricVersion: z.number(),
  counts: statusCounts,
  incidents: z.array(queueIncidentSchema),
});
export type QueueRound = z.infer<typeof queueRoundSchema>;

export const reviewClipSchema = z.object({
  id: z.number(),
  /** Officer and camera, as a person names the footage: "PC Patel (4521) · camera X81234". */
  label: z.string(),
  recordedAt: z.string().nullable(),
  durationSec: z.number().nullable(),
  frameRate: z.number().nullable(),
  playable: z.boolean(),
  unplayableReason: z.string().nullable(),
  missing: z.boolean(),
});
export type ReviewClip = z.infer<typeof reviewClipSchema>;

export const answerChangeSchema = z.object({
  questionId: z.string(),
  /** "Item 3 answer", "Escalation note", … */
  field: z.string(),
  before: z.string(),
  after: z.string(),
});
export type AnswerChange = z.infer<typeof answerChangeSchema>;

export const revisionSchema = z.object({
  revision: z.number(),
  kind: z.enum(['submitted', 'amended']),
  reason: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
  answers: reviewAnswersSchema,
  /** What this revision changed against the one before it (empty for the first submission). */
  changes: z.array(answerChangeSchema),
});
export type Revision = z.infer<typeof revisionSchema>;

export const otherReviewSchema = z.object({
  reviewerId: z.string(),
  displayName: z.string(),
  status: reviewStatusSchema,
  /** Null while the scoring is blind: until every assigned reviewer has submitted. */
  answers: reviewAnswersSchema.nullable(),
});
export type OtherReview = z.infer<typeof otherReviewSchema>;

export const reviewViewSchema = z.object({
  round: z.object({ id: z.number(), name: z.string(), rubricId: z.string(), rubricVersion: z.number() }),
  incident: z.object({
    id: z.number(),
    reference: z.string().nullable(),
    startedAt: z.string().nullable(),
    bcu: z.string().nullable(),
    team: z.string().nullable(),
    categories: z.array(z.string()),
  }),
  clips: z.array(reviewClipSchema),
  review: z.object({
    status: reviewStatusSchema,
    answers: reviewAnswersSchema,
    revision: z.number(),
    updatedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
  }),
  history: z.array(revisionSchema),
  calibration: z.object({
    /** True while other reviewers' answers are withheld. */
    blind: z.boolean(),
    others: z.array(otherReviewSchema),
  }),
  position: z.object({
    index: z.number(),
    total: z.number(),
    previousIncidentId: z.number().nullable(),
    nextIncidentId: z.number().nullable(),
  }),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;

const target = { roundId: id, incidentId: id };
const savedSchema = z.object({
  status: reviewStatusSchema,
  revision: z.number(),
  savedAt: z.string(),
});
export type Saved = z.infer<typeof savedSchema>;

export const reviewsContract = {
  'rubrics.list': {
    input: z.object({}).strict(),
    output: z.object({
      rubrics: z.array(z.object({ id: z.string(), version: z.number(), title: z.string(), file: z.string() })),
      refused: z.array(z.object({ file: z.string(), message: z.string() })),
    }),
  },
  'rubrics.get': {
    input: z.object({ id: z.string().min(1).max(64), version: z.number().int().positive().max(1_000_000) }).strict(),
    output: rubricSchema,
  },
  'reviews.queue': { input: z.object({}).strict(), output: z.object({ rounds: z.array(queueRoundSchema) }) },
  'reviews.get': { input: z.object(target).strict(), output: reviewViewSchema },
  'reviews.saveDraft': { input: z.object({ ...target, answers: reviewAnswersSchema }).strict(), output: savedSchema },
  'reviews.submit': { input: z.object({ ...target, answers: reviewAnswersSchema }).strict(), output: savedSchema },
  'reviews.amend': {
    input: z
      .object({ ...target, answers: reviewAnswersSchema, reason: longText.trim().min(1, 'a reason for the amendment is required') })
      .strict(),
    output: savedSchema,
  },
  'reviews.consulted': {
    input: z.object({ clipId: id }).strict(),
    output: z.object({ logged: z.boolean(), day: z.string() }),
  },
} as const;

export type ReviewsChannel = keyof typeof reviewsContract;

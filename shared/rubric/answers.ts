import { z } from 'zod';
import { CONTEXT_ANSWERS, ITEM_ANSWERS, OVERALL_ANSWERS, SCOPE_ANSWERS } from './codes';
import { describeIssues, type FieldIssue, requiredMessage, toFieldIssues } from './issues';
import type { Rubric } from './schema';

/**
 * A review's answers: the JSON document stored with each review, checked before every write. It names the rubric
 * id and version it was made with, so a score is always read against the questions that were asked. The shape is
 * the same for every rubric; which item ids and answer codes fit a given rubric is validate.ts's job.
 *
 * Limits keep one review's document small enough to load, export and audit without surprises.
 */
export const MAX_NOTE_CHARS = 10_000;
export const MAX_EVIDENCE_PER_ITEM = 50;
const MAX_QUESTIONS = 200;

const questionKey = z.string().min(1).max(32);
const note = z.string().max(MAX_NOTE_CHARS);

export const evidenceSchema = z.strictObject({
  clipId: z.number().int().positive(),
  /** Seconds from the start of the clip; zod 4 numbers already refuse Infinity and NaN. */
  second: z.number().min(0),
});

export const itemAnswerSchema = z.strictObject({
  answer: z.enum(ITEM_ANSWERS).nullable(),
  notes: note,
  evidence: z.array(evidenceSchema).max(MAX_EVIDENCE_PER_ITEM),
});

const fewKeys = (what: string) => (record: Record<string, unknown>) => Object.keys(record).length <= MAX_QUESTIONS || `${what}: at most ${MAX_QUESTIONS} entries`;

export const reviewAnswersSchema = z.strictObject({
  rubricId: z.string().min(1).max(64),
  rubricVersion: z.number().int().positive(),
  scope: z.enum(SCOPE_ANSWERS).nullable(),
  context: z.record(questionKey, z.enum(CONTEXT_ANSWERS).nullable()).refine(fewKeys('context')),
  items: z.record(questionKey, itemAnswerSchema).refine(fewKeys('items')),
  overall: z.strictObject({ answer: z.enum(OVERALL_ANSWERS).nullable(), learningNote: note }),
  escalation: z.strictObject({ flag: z.boolean(), note }),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type ItemAnswerRecord = z.infer<typeof itemAnswerSchema>;
export type ReviewAnswers = z.infer<typeof reviewAnswersSchema>;

export type AnswersParseResult =
  | { ok: true; answers: ReviewAnswers }
  | { ok: false; error: string; issues: FieldIssue[] };

/** Validate an answers document from anywhere (IPC payload, database row, import); `sourceName` heads each message. */
export function parseAnswers(value: unknown, sourceName: string): AnswersParseResult {
  const parsed = reviewAnswersSchema.safeParse(value, { error: requiredMessage });
  if (parsed.success) return { ok: true, answers: parsed.data };
  const issues = toFieldIssues(parsed.error);
  return { ok: false, error: describeIssues(sourceName, issues), issues };
}

/** A fresh review: every question present and unanswered, so the form and the submit check see every item. */
export function emptyAnswers(rubric: Rubric): ReviewAnswers {
  return {
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    scope: null,
    context: Object.fromEntries(rubric.context.map((q) => [q.id, null])),
    items: Object.fromEntries(rubric.items.map((item) => [item.id, { answer: null, notes: '', evidence: [] }])),
    overall: { answer: null, learningNote: '' },
    escalation: { flag: false, note: '' },
  };
}

import { z } from 'zod';
import { isItemAnswer, isOverallAnswer, SCALE_CODES } from './codes';
import { describeIssues, type FieldIssue, requiredMessage, toFieldIssues } from './issues';

/**
 * Rubric files are data: a force adds its own rubric (another id, or a new version of one) as a JSON file, with no
 * code change. So nothing here knows the child-focus items; it only knows the shape every rubric shares and the
 * answer codes the report can count (codes.ts). Objects are strict so that a misspelt key in a hand-edited file
 * (`learningNoteRequried`) is reported rather than silently ignored.
 */

const MAX_RUBRIC_JSON_CHARS = 1_000_000;

const rubricId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Must be lower-case letters, digits and hyphens (at most 64), e.g. "child-focus"');
const questionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'Must be letters, digits, ".", "_" or "-" (at most 32), e.g. "4"');
const scaleName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'Must be lower-case letters, digits and "_", e.g. "compliance"');
const text = z.string().trim().min(1, 'Must not be empty').max(500);
const help = z.string().trim().max(2000);

const scaleOption = z.strictObject({
  value: z.enum(SCALE_CODES),
  label: text,
  help: help.optional(),
});

const scopeQuestion = z.strictObject({ id: questionId, text, help });
const contextQuestion = z.strictObject({ id: questionId, text, help: help.optional() });

const item = z.strictObject({
  id: questionId,
  number: z.number().int().positive(),
  text,
  /** The finding of the review that the item tests, so a report can tie scores back to the recommendation. */
  finding: text,
  help,
  scale: scaleName,
});

const overallQuestion = z.strictObject({
  id: questionId,
  text,
  help: help.optional(),
  scale: scaleName,
  learningNoteRequired: z.boolean().optional(),
});

const escalation = z.strictObject({
  text,
  help: help.optional(),
  noteRequired: z.boolean(),
});

const rubricShape = z.strictObject({
  id: rubricId,
  version: z.number().int().positive(),
  title: text,
  source: z.string().trim().min(1, 'Must not be empty').max(1000),
  scope: scopeQuestion,
  context: z.array(contextQuestion).max(50),
  answerScales: z.record(scaleName, z.array(scaleOption).min(2).max(20)),
  items: z.array(item).min(1).max(200),
  overall: overallQuestion,
  escalation,
});

type RubricShape = z.infer<typeof rubricShape>;

function checkScale(
  rubric: RubricShape,
  name: string,
  path: (string | number)[],
  accepts: (code: string) => boolean,
  kind: string,
  ctx: z.RefinementCtx,
): void {
  const options = rubric.answerScales[name];
  if (options === undefined) {
    const known = Object.keys(rubric.answerScales).join(', ') || 'none';
    ctx.addIssue({ code: 'custom', path, message: `Unknown scale "${name}" (answerScales defines: ${known})` });
    return;
  }
  const wrong = options.map((o) => o.value).filter((code) => !accepts(code));
  if (wrong.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `Scale "${name}" offers ${wrong.map((c) => `"${c}"`).join(', ')}, which ${kind} cannot take`,
    });
  }
}

/** Cross-field rules a field-by-field schema cannot state: unique ids, scales that exist and fit their question. */
function checkReferences(rubric: RubricShape, ctx: z.RefinementCtx): void {
  // One id space for every question: answers, evidence and reports address questions by id alone.
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]): void => {
    const where = path.join('.');
    const first = seen.get(id);
    if (first === undefined) seen.set(id, where);
    else ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `Duplicate id "${id}" (already used by ${first})` });
  };
  claim(rubric.scope.id, ['scope']);
  rubric.context.forEach((q, i) => claim(q.id, ['context', i]));
  rubric.items.forEach((q, i) => claim(q.id, ['items', i]));
  claim(rubric.overall.id, ['overall']);

  const numbers = new Map<number, number>();
  rubric.items.forEach((q, i) => {
    const first = numbers.get(q.number);
    if (first === undefined) numbers.set(q.number, i);
    else ctx.addIssue({ code: 'custom', path: ['items', i, 'number'], message: `Duplicate number ${q.number} (items[${first}] has it)` });
  });

  for (const [name, options] of Object.entries(rubric.answerScales)) {
    const values = new Set<string>();
    options.forEach((o, i) => {
      if (values.has(o.value)) {
        ctx.addIssue({ code: 'custom', path: ['answerScales', name, i, 'value'], message: `Duplicate value "${o.value}"` });
      }
      values.add(o.value);
    });
  }

  rubric.items.forEach((q, i) => {
    checkScale(rubric, q.scale, ['items', i, 'scale'], isItemAnswer, 'an item', ctx);
    const options = rubric.answerScales[q.scale];
    // Compliance is yes / (yes + partly + no): a scale without both ends cannot give a rate.
    if (options !== undefined && !(options.some((o) => o.value === 'yes') && options.some((o) => o.value === 'no'))) {
      ctx.addIssue({ code: 'custom', path: ['items', i, 'scale'], message: `Scale "${q.scale}" must offer both "yes" and "no"` });
    }
  });
  checkScale(rubric, rubric.overall.scale, ['overall', 'scale'], isOverallAnswer, 'the overall judgement', ctx);
}

export const rubricSchema = rubricShape.superRefine(checkReferences);

export type Rubric = z.infer<typeof rubricSchema>;
export type RubricItem = Rubric['items'][number];
export type ScaleOption = z.infer<typeof scaleOption>;

export type RubricParseResult =
  | { ok: true; rubric: Rubric }
  | { ok: false; error: string; issues: FieldIssue[] };

/**
 * Parse a rubric file's text. `sourceName` (usually the file name) is put in front of every message so that a
 * supervisor or the quality team can find the file and field: `child-focus.v2.json: items[3].text: Required`.
 */
export function parseRubric(jsonText: string, sourceName: string): RubricParseResult {
  const fail = (issues: FieldIssue[]): RubricParseResult => ({ ok: false, error: describeIssues(sourceName, issues), issues });
  if (typeof jsonText !== 'string') return fail([{ path: '(top level)', message: 'Expected the text of a JSON file' }]);
  if (jsonText.length > MAX_RUBRIC_JSON_CHARS) {
    return fail([{ path: '(top level)', message: `File is larger than ${MAX_RUBRIC_JSON_CHARS} characters` }]);
  }
  let data: unknown;
  try {
    // A UTF-8 BOM is common in files saved by Windows editors and is not JSON.
    data = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail([{ path: '(top level)', message: `Not valid JSON (${e instanceof Error ? e.message : String(e)})` }]);
  }
  const parsed = rubricSchema.safeParse(data, { error: requiredMessage });
  return parsed.success ? { ok: true, rubric: parsed.data } : fail(toFieldIssues(parsed.error));
}

/** The options an item or the overall judgement offers, in the rubric's order. Parsed rubrics always have them. */
export function scaleOptions(rubric: Rubric, scale: string): ScaleOption[] {
  return rubric.answerScales[scale] ?? [];
}

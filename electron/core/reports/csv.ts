import { toCsv } from '../../../shared/csv/parse';
import type { ReportModel } from '../../../shared/report/types';
import type { Rubric } from '../../../shared/rubric/schema';
import type { AnswerRecord, Gathered } from './gather';

/**
 * The two CSV exports of a report.
 *
 * Formula injection: a cell that starts with =, +, -, @, a tab or a carriage return is run as a formula by Excel and
 * LibreOffice when the file is opened, and notes are free text typed by reviewers. Every such cell is written with a
 * leading apostrophe ('=SUM(…) stays text), the OWASP "CSV injection" remedy. The apostrophe is visible in the raw
 * file; spreadsheet software hides it. Numbers the tool writes never start with those characters, so figures are
 * never altered.
 *
 * Notes: the free-text notes column of the answers CSV is filled only when notes were asked for (include notes),
 * the same rule as the PDF; without it the column is present and empty, so the layout never changes.
 */

export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function safeCsv(rows: readonly (readonly string[])[]): string {
  return toCsv(rows.map((r) => r.map(spreadsheetSafe)));
}

export const ANSWERS_HEADER = [
  'round_id',
  'round_name',
  'incident_id',
  'reference',
  'team',
  'reviewer',
  'rubric_id',
  'rubric_version',
  'item',
  'item_text',
  'answer',
  'notes',
  'evidence',
  'submitted_at',
] as const;

/** "12@3.5;12@40;13@7": clip id @ seconds into the clip, in the order the reviewer pinned them. */
export function evidenceText(evidence: readonly { clipId: number; second: number }[]): string {
  return evidence.map((e) => `${e.clipId}@${e.second}`).join(';');
}

/**
 * One row per submitted review × question: the scope question, every item of the rubric version the review was
 * made with (unanswered ones with an empty answer, so every incident has the same rows), the overall judgement and
 * the escalation flag. Every review is written, second reviews of calibration incidents included.
 */
function rowsOf(a: AnswerRecord, rubric: Rubric | undefined, includeNotes: boolean): string[][] {
  const r = a.record;
  const head = [String(a.roundId), a.roundName, String(r.incidentId), r.reference, r.team ?? '', r.reviewerId, r.rubricId, String(r.rubricVersion)];
  const note = (text: string): string => (includeNotes ? text : '');
  const rows: string[][] = [[...head, 'scope', rubric?.scope.text ?? '', r.answers.scope ?? '', '', '', r.submittedAt]];
  const items =
    rubric?.items.map((item) => ({ id: item.id, label: String(item.number), text: item.text })) ??
    Object.keys(r.answers.items)
      .sort()
      .map((id) => ({ id, label: id, text: '' }));
  for (const item of items) {
    const answer = r.answers.items[item.id];
    rows.push([...head, item.label, item.text, answer?.answer ?? '', note(answer?.notes ?? ''), evidenceText(answer?.evidence ?? []), r.submittedAt]);
  }
  rows.push([...head, 'overall', rubric?.overall.text ?? '', r.answers.overall.answer ?? '', note(r.answers.overall.learningNote), '', r.submittedAt]);
  rows.push([...head, 'escalation', rubric?.escalation.text ?? '', r.answers.escalation.flag ? 'yes' : 'no', note(r.answers.escalation.note), '', r.submittedAt]);
  return rows;
}

export function answersCsv(g: Gathered, includeNotes: boolean): string {
  const rows: string[][] = [[...ANSWERS_HEADER]];
  for (const a of g.answers) {
    const rubric = a.record.rubricId === g.rubric.id ? g.versions.get(a.record.rubricVersion) : undefined;
    rows.push(...rowsOf(a, rubric, includeNotes));
  }
  return safeCsv(rows);
}

export const SUMMARY_HEADER = [
  'item',
  'item_text',
  'yes',
  'partly',
  'no',
  'na',
  'not_visible',
  'out_of_scope',
  'unanswered',
  'not_comparable',
  'n',
  'compliance',
  'compliance_lower95',
  'compliance_upper95',
  'yes_or_partly',
  'yes_or_partly_lower95',
  'yes_or_partly_upper95',
  'weighted_compliance',
  'weighted_design_effect',
] as const;

/** Proportions as decimals to six places: the CSV is for further analysis, so it carries more than the PDF prints. */
function dec(x: number | null | undefined): string {
  return x === null || x === undefined ? '' : x.toFixed(6);
}

/** The per-item table of the report, one row per item; n is yes + partly + no, the denominator of both rates. */
export function summaryCsv(model: ReportModel): string {
  const weighted = new Map(model.weighted?.items.map((w) => [w.itemId, w]) ?? []);
  const rows: string[][] = [[...SUMMARY_HEADER]];
  for (const f of model.items) {
    const c = f.counts;
    const w = weighted.get(f.itemId)?.compliance ?? null;
    rows.push([
      String(f.number),
      f.text,
      ...[c.yes, c.partly, c.no, c.na, c.not_visible, c.outOfScope, c.unanswered, c.notComparable, f.compliance.n].map(String),
      dec(f.compliance.interval?.point),
      dec(f.compliance.interval?.lower),
      dec(f.compliance.interval?.upper),
      dec(f.yesOrPartly.interval?.point),
      dec(f.yesOrPartly.interval?.lower),
      dec(f.yesOrPartly.interval?.upper),
      dec(w?.point),
      dec(w?.designEffect),
    ]);
  }
  return safeCsv(rows);
}

import {
  type AppendixIncident,
  DEFAULT_MARKING,
  monthLabel,
  type ReportDocument,
  type ReviewNotes,
} from '../../../shared/report/document';
import { ukDateTime } from '../../../shared/report/format';
import { buildReportModel } from '../../../shared/report/model';
import { compareSubmitted } from '../../../shared/report/submitted-order';
import type { ReviewRecord } from '../../../shared/report/types';
import type { Rubric } from '../../../shared/rubric/schema';
import { UserError } from '../errors';
import { type AnswerRecord, type Gathered, incidentReference } from './gather';

export interface ReportOptions {
  /** Who the report is attributed to (printed on the cover). */
  generatedBy: string;
  /** Protective marking for header and footer; DEFAULT_MARKING when absent. */
  marking?: string;
  /** Free-text notes (item notes, learning notes, escalation notes) are left out unless asked for. */
  includeNotes?: boolean;
}

export const MAX_MARKING_CHARS = 60;

/** A marking is printed on every page: one short line of visible text. */
export function checkMarking(marking: string | undefined): string {
  if (marking === undefined) return DEFAULT_MARKING;
  const text = marking.trim();
  if (text === '') throw new UserError('bad-input', 'marking: must not be empty (the default is OFFICIAL-SENSITIVE)');
  if (text.length > MAX_MARKING_CHARS) throw new UserError('bad-input', `marking: at most ${MAX_MARKING_CHARS} characters`);
  // Control characters would not print, and a line break would break the header.
  if ([...text].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) {
    throw new UserError('bad-input', 'marking: must be one line of printable text');
  }
  return text;
}

function overallLabel(versions: ReadonlyMap<number, Rubric>, record: ReviewRecord): string | null {
  const code = record.answers.overall.answer;
  if (code === null) return null;
  const rubric = versions.get(record.rubricVersion);
  const option = rubric?.answerScales[rubric.overall.scale]?.find((o) => o.value === code);
  return option?.label ?? code;
}

function appendix(g: Gathered): AppendixIncident[] {
  const byPair = new Map<string, AnswerRecord[]>();
  for (const a of g.answers) {
    const key = `${a.roundId}:${a.record.incidentId}`;
    const list = byPair.get(key);
    if (list === undefined) byPair.set(key, [a]);
    else list.push(a);
  }
  return g.sampled.map((s) => {
    const reviews = (byPair.get(`${s.round_id}:${s.incident_id}`) ?? []).map((a) => a.record).sort(compareSubmitted);
    const first = reviews[0];
    return {
      incidentId: s.incident_id,
      reference: incidentReference(s),
      roundId: s.round_id,
      team: s.team,
      officers: parseOfficers(s.officers),
      startedAt: s.started_at === null ? null : ukDateTime(s.started_at),
      reviewers: reviews.map((r) => r.reviewerId),
      overall: first === undefined ? null : first.rubricId === g.rubric.id ? overallLabel(g.versions, first) : first.answers.overall.answer,
    };
  });
}

function parseOfficers(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function reviewNotes(g: Gathered): ReviewNotes[] {
  const numberOf = (version: number, itemId: string): number | undefined =>
    g.versions.get(version)?.items.find((i) => i.id === itemId)?.number;
  return [...g.answers]
    .map((a) => a.record)
    .sort((a, b) => a.incidentId - b.incidentId || compareSubmitted(a, b))
    .flatMap((r): ReviewNotes[] => {
      const items = Object.entries(r.answers.items)
        .filter(([, a]) => a.notes.trim() !== '')
        .map(([id, a]) => ({ number: numberOf(r.rubricVersion, id) ?? Number.NaN, id, notes: a.notes }))
        .sort((a, b) => (a.number || 0) - (b.number || 0) || (a.id < b.id ? -1 : 1))
        .map((a) => ({ number: Number.isNaN(a.number) ? 0 : a.number, notes: a.notes }));
      const learningNote = r.answers.overall.learningNote.trim();
      const escalationNote = r.answers.escalation.note.trim();
      if (items.length === 0 && learningNote === '' && escalationNote === '') return [];
      return [{ incidentId: r.incidentId, reference: r.reference, reviewerId: r.reviewerId, items, learningNote, escalationNote }];
    });
}

/** The figures (the shared model) and everything printed around them, for one gathered data set. */
export function reportDocument(g: Gathered, options: ReportOptions): ReportDocument {
  const built = buildReportModel(g.input);
  if (!built.ok) throw new UserError('bad-input', `the report's data cannot be counted: ${built.error}`);
  const includeNotes = options.includeNotes === true;
  const period = monthLabel(g.month);
  const where = g.bcu ?? 'BCU not recorded';
  const round = g.scope.kind === 'round' ? g.statements[0] : undefined;
  return {
    model: built.model,
    meta: {
      title: round === undefined ? `${where}: ${period}` : `${where}: ${period} — round ${round.id} (${round.name})`,
      scope: g.scope,
      bcu: g.bcu,
      month: g.month,
      periodLabel: period,
      generatedBy: options.generatedBy,
      asAt: g.asAt,
      reportId: `RPT-${g.month}-${g.scope.kind === 'round' ? `R${g.scope.roundId}-` : ''}${g.dataSha256.slice(0, 10).toUpperCase()}`,
      dataSha256: g.dataSha256,
      marking: checkMarking(options.marking),
      includeNotes,
      rounds: g.statements,
      appendix: appendix(g),
      reviewNotes: includeNotes ? reviewNotes(g) : [],
    },
  };
}

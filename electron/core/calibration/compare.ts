import type { CalibrationCompare, CompareIncident, CompareRow } from '../../../shared/ipc/calibration';
import type { ReviewAnswers } from '../../../shared/rubric/answers';
import type { CalibrationData, CalibrationIncident } from './gather';
import { calibrationQuestions, type CalibrationQuestion } from './questions';

/**
 * The blind rule of the review workspace holds here too: someone who is scoring an incident and has not submitted
 * must not see how the others answered it, even if their role lets them open Calibration.
 */
function withheldFor(incident: CalibrationIncident, viewer: string): boolean {
  const own = incident.scorers.find((s) => s.reviewerId === viewer);
  return own !== undefined && own.status !== 'submitted';
}

function compareRow(q: CalibrationQuestion, answers: readonly (ReviewAnswers | null)[], reviewerIds: readonly string[]): CompareRow {
  const codes = answers.map((a) => (a === null ? null : q.code(a)));
  const given = codes.filter((c): c is string => c !== null);
  const scores = given.map((c) => q.score(c)).filter((s): s is number => s !== null);
  return {
    key: q.key,
    label: q.label,
    text: q.text,
    answers: codes.map((code, i) => ({ reviewerId: reviewerIds[i]!, code, label: code === null ? null : q.labelOf(code) })),
    disagree: given.length >= 2 && new Set(given).size > 1,
    steps: scores.length >= 2 ? Math.max(...scores) - Math.min(...scores) : null,
  };
}

/** Each calibration incident with every scorer's answers side by side, question by question, in form order. */
export function compareIncidents(data: CalibrationData, viewer: string): CalibrationCompare {
  const q = calibrationQuestions(data.rubric);
  const questions = [q.scope, ...q.items, q.overall];
  const incidents = data.incidents.map((incident): CompareIncident => {
    const withheld = withheldFor(incident, viewer);
    const reviewerIds = incident.scorers.map((s) => s.reviewerId);
    const answers = incident.scorers.map((s) => (withheld && s.reviewerId !== viewer ? null : s.answers));
    const rows = questions.map((question) => compareRow(question, answers, reviewerIds));
    return {
      incidentId: incident.incidentId,
      reference: incident.reference,
      startedAt: incident.startedAt,
      reviewers: incident.scorers.map((s) => ({
        reviewerId: s.reviewerId,
        displayName: data.displayNames.get(s.reviewerId) ?? s.reviewerId,
        status: s.status,
        submittedAt: s.submittedAt,
      })),
      withheld,
      disagreements: rows.filter((r) => r.disagree).length,
      rows,
    };
  });
  return {
    round: { id: data.round.id, name: data.round.name, status: data.round.status, rubricId: data.rubric.id, rubricVersion: data.rubric.version },
    incidents,
  };
}

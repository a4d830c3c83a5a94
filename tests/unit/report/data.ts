import type { ReviewAnswers } from '../../../shared/rubric/answers';
import type { ItemAnswer, OverallAnswer } from '../../../shared/rubric/codes';
import { parseRubric, type Rubric } from '../../../shared/rubric/schema';
import type { ReviewRecord } from '../../../shared/report/types';

/** A three-item rubric small enough to compute every report figure by hand. */
export function miniRubric(version = 1, texts: Record<string, string> = {}, extraItems: string[] = []): Rubric {
  const ids = ['1', '2', '3', ...extraItems].filter((id) => texts[id] !== '');
  const data = {
    id: 'mini',
    version,
    title: 'Mini child focus',
    source: 'test data',
    scope: { id: 'scope', text: 'Children present or resident?', help: '' },
    context: [{ id: 'camera-on', text: 'Camera on before entry?' }],
    answerScales: {
      compliance: ['yes', 'partly', 'no', 'na', 'not_visible'].map((value) => ({ value, label: value })),
      overall: [
        { value: 'good', label: 'Good' },
        { value: 'requires_improvement', label: 'Requires improvement' },
        { value: 'inadequate', label: 'Inadequate' },
      ],
    },
    items: ids.map((id) => ({
      id,
      number: Number(id),
      text: texts[id] ?? `Item ${id} text`,
      finding: `finding ${id}`,
      help: '',
      scale: 'compliance',
    })),
    overall: { id: '18', text: 'Overall child focus', scale: 'overall', learningNoteRequired: true },
    escalation: { text: 'Escalate', noteRequired: true },
  };
  const r = parseRubric(JSON.stringify(data), 'mini');
  if (!r.ok) throw new Error(r.error);
  return r.rubric;
}

export interface ReviewSpec {
  incident: number;
  team?: string | null;
  stratum: string;
  reviewer: string;
  at: string;
  scope: 'yes' | 'no' | null;
  items: Record<string, ItemAnswer | null>;
  overall: OverallAnswer | null;
  escalation?: string;
  version?: number;
}

export function review(spec: ReviewSpec): ReviewRecord {
  const version = spec.version ?? 1;
  const answers: ReviewAnswers = {
    rubricId: 'mini',
    rubricVersion: version,
    scope: spec.scope,
    context: { 'camera-on': 'yes' },
    items: Object.fromEntries(Object.entries(spec.items).map(([id, answer]) => [id, { answer, notes: '', evidence: [] }])),
    overall: { answer: spec.overall, learningNote: 'note' },
    escalation: spec.escalation === undefined ? { flag: false, note: '' } : { flag: true, note: spec.escalation },
  };
  return {
    incidentId: spec.incident,
    reference: `CAD ${spec.incident}`,
    team: spec.team === undefined ? 'A' : spec.team,
    stratum: spec.stratum,
    officers: ['PC 1'],
    reviewerId: spec.reviewer,
    rubricId: 'mini',
    rubricVersion: version,
    submittedAt: spec.at,
    answers,
  };
}

import type { Database } from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../electron/core/db/open';
import type { ReviewAnswers } from '../../../shared/rubric/answers';
import type { ItemAnswer, OverallAnswer } from '../../../shared/rubric/codes';
import { parseRubric, type Rubric } from '../../../shared/rubric/schema';

/**
 * Rows for report tests, written straight into a real SQLite file with the schema of migrations 002–004 (the
 * rounds and reviews features write the same rows through their own code).
 */

export const RESOURCES = resolve(__dirname, '../../../resources');

export function childFocus(): Rubric {
  const r = parseRubric(readFileSync(join(RESOURCES, 'rubrics', 'child-focus.v1.json'), 'utf8'), 'child-focus.v1.json');
  if (!r.ok) throw new Error(r.error);
  return r.rubric;
}

export function tmp(prefix = 'bwc-report-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A database file with every table a report reads (the app's own migrations). */
export function reportDb(dir = tmp()): { db: Database; path: string } {
  const path = join(dir, 'bwc-dip.sqlite');
  return { db: openDatabase(path), path };
}

export function addUser(db: Database, id: string, role: 'reviewer' | 'lead' | 'quality' = 'reviewer'): void {
  db.prepare(`INSERT OR IGNORE INTO users (id, display_name, role, officer_ids, created_at) VALUES (?, ?, ?, '[]', ?)`).run(
    id,
    id,
    role,
    '2025-01-01T00:00:00.000Z',
  );
}

export interface IncidentSpec {
  id: number;
  reference?: string | null;
  bcu?: string | null;
  team?: string | null;
  officers?: string[];
  startedAt?: string | null;
}

export function addIncident(db: Database, s: IncidentSpec): void {
  db.prepare(
    `INSERT INTO incidents (id, reference, source, bcu, team, officers, started_at, created_at, updated_at)
     VALUES (?, ?, 'reference', ?, ?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  ).run(
    s.id,
    s.reference === undefined ? `CAD ${s.id}` : s.reference,
    s.bcu === undefined ? 'Central East' : s.bcu,
    s.team === undefined ? 'Team A' : s.team,
    JSON.stringify(s.officers ?? ['PC 101']),
    s.startedAt === undefined ? '2025-10-10T12:00:00.000Z' : s.startedAt,
  );
}

export interface RoundSpec {
  id: number;
  name?: string;
  filters?: unknown;
  allocation: { key: string; population: number; sample: number }[];
  proportional?: boolean;
  rubricVersion?: number;
  drawnAt?: string;
  seed?: string;
}

export function addRound(db: Database, s: RoundSpec): void {
  const n = s.allocation.reduce((t, a) => t + a.sample, 0);
  const N = s.allocation.reduce((t, a) => t + a.population, 0);
  db.prepare(
    `INSERT INTO rounds (id, name, status, filters, frame_size, frame_hash, size_spec, size_result, n, strata_fields,
       min_per_stratum, allocation, proportional, algorithm_id, algorithm_version, prng, seed, calibration, rubric_id,
       rubric_version, drawn_by, drawn_at)
     VALUES (?, ?, 'drawn', ?, ?, ?, ?, ?, ?, '["team"]', 0, ?, ?, 'bwc-stratified-fy', 1, 'mt19937', ?, '{"fraction":0.1}',
       'child-focus', ?, 'lead.one', ?)`,
  ).run(
    s.id,
    s.name ?? `Central East round ${s.id}`,
    JSON.stringify(s.filters ?? { bcu: 'Central East', from: '2025-10-01', to: '2025-10-31', categories: ['domestic abuse'], flags: [], teams: [], officers: [], includePreviouslySampled: false }),
    N,
    'a'.repeat(64),
    JSON.stringify({ method: 'fixed', n }),
    JSON.stringify({ n, takeAll: false, explanation: `Fixed sample of ${n}.`, n0: null, z: null }),
    n,
    // The rounds feature's stored form (shared/ipc/rounds.ts allocationRowSchema).
    JSON.stringify(s.allocation.map((a) => ({ stratum: a.key, population: a.population, sample: a.sample, weight: a.sample > 0 ? a.population / a.sample : null }))),
    s.proportional === false ? 0 : 1,
    s.seed ?? '20251101',
    s.rubricVersion ?? 1,
    s.drawnAt ?? '2025-11-01T09:00:00.000Z',
  );
}

export function addSample(db: Database, roundId: number, incidentId: number, stratum: string, drawOrder: number): void {
  db.prepare('INSERT INTO round_incidents (round_id, incident_id, draw_order, stratum) VALUES (?, ?, ?, ?)').run(
    roundId,
    incidentId,
    drawOrder,
    stratum,
  );
}

export interface AnswerSpec {
  scope?: 'yes' | 'no' | null;
  /** Answer for every item not listed in `items`. */
  rest?: ItemAnswer | null;
  items?: Record<string, ItemAnswer | null>;
  notes?: Record<string, string>;
  evidence?: Record<string, { clipId: number; second: number }[]>;
  overall?: OverallAnswer | null;
  learningNote?: string;
  escalation?: string;
  rubricVersion?: number;
}

export function answers(rubric: Rubric, s: AnswerSpec = {}): ReviewAnswers {
  return {
    rubricId: rubric.id,
    rubricVersion: s.rubricVersion ?? rubric.version,
    scope: s.scope === undefined ? 'yes' : s.scope,
    context: Object.fromEntries(rubric.context.map((q) => [q.id, 'yes'])),
    items: Object.fromEntries(
      rubric.items.map((item) => [
        item.id,
        {
          answer: s.items?.[item.id] !== undefined ? s.items[item.id]! : s.rest === undefined ? 'yes' : s.rest,
          notes: s.notes?.[item.id] ?? '',
          evidence: s.evidence?.[item.id] ?? [],
        },
      ]),
    ),
    overall: { answer: s.overall === undefined ? 'good' : s.overall, learningNote: s.learningNote ?? '' },
    escalation: s.escalation === undefined ? { flag: false, note: '' } : { flag: true, note: s.escalation },
  };
}

export interface ReviewSpec {
  roundId: number;
  incidentId: number;
  reviewer: string;
  answers: ReviewAnswers;
  submittedAt?: string | null;
  status?: 'draft' | 'submitted';
}

export function addReview(db: Database, s: ReviewSpec): void {
  addUser(db, s.reviewer);
  const status = s.status ?? 'submitted';
  const at = s.submittedAt === undefined ? '2025-11-05T10:00:00.000Z' : s.submittedAt;
  db.prepare(
    `INSERT INTO reviews (round_id, incident_id, reviewer_id, rubric_id, rubric_version, status, answers, created_at, updated_at, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.roundId,
    s.incidentId,
    s.reviewer,
    s.answers.rubricId,
    s.answers.rubricVersion,
    status,
    JSON.stringify(s.answers),
    '2025-11-02T10:00:00.000Z',
    at ?? '2025-11-02T10:00:00.000Z',
    status === 'submitted' ? at : null,
  );
}

/**
 * Central East, October 2025, worked by hand (child-focus v1, 17 items). Round 1: strata Team A and Team B, N = 30
 * and n = 3 each (proportional). Incidents 1–3 Team A, 4–6 Team B.
 *   1  s1  every item yes, good; item 1 notes start with "=" (formula), item 2 has two evidence pins
 *   2  s1  yes except item 2 no, item 3 partly; requires improvement; ESCALATION
 *   3  s2  every item partly except item 7 not visible; inadequate
 *   4  s2  scope no (out of scope); good
 *   5  s1  every item no; inadequate.   Second (calibration) review by s2, a day later: no except item 1 yes; inadequate
 *   6  not reviewed (a draft by s3 exists and must be ignored)
 * Item 1: yes 2 (1, 2), partly 1 (3), no 1 (5), out of scope 1 (4) -> compliance 2/4, yes or partly 3/4.
 * Item 2: yes 1, partly 1, no 2 -> 1/4.   Item 7: yes 2, not visible 1, no 1 -> 2/3.   Completion 5/6.
 * September 2025 (round 2, incidents 11–14, all yes) gives the trend's previous month: item 1 4/4.
 * `base` is added to every incident id (references follow: "CAD <id>"), for a database that already has incidents.
 */
export function october(db: Database, base = 0): Rubric {
  const i = (n: number): number => base + n;
  const rubric = childFocus();
  addUser(db, 'lead.one', 'lead');
  addUser(db, 'quality.one', 'quality');
  for (let id = 1; id <= 6; id += 1) {
    addIncident(db, { id: i(id), team: id <= 3 ? 'Team A' : 'Team B', officers: [`PC ${100 + id}`, 'PC 200'], startedAt: `2025-10-0${id}T12:00:00.000Z` });
  }
  addRound(db, { id: 1, name: 'Central East — October 2025', allocation: [{ key: 'Team A', population: 30, sample: 3 }, { key: 'Team B', population: 30, sample: 3 }] });
  for (let id = 1; id <= 6; id += 1) addSample(db, 1, i(id), id <= 3 ? 'Team A' : 'Team B', id);
  addReview(db, {
    roundId: 1,
    incidentId: i(1),
    reviewer: 's1',
    submittedAt: '2025-11-03T10:00:00.000Z',
    answers: answers(rubric, {
      notes: { '1': '=HYPERLINK("http://evil.example")', '3': 'Spoke to the child, in the kitchen' },
      evidence: { '2': [{ clipId: 11, second: 3.5 }, { clipId: 12, second: 40 }] },
      learningNote: 'Good practice',
    }),
  });
  addReview(db, {
    roundId: 1,
    incidentId: i(2),
    reviewer: 's1',
    submittedAt: '2025-11-04T10:00:00.000Z',
    answers: answers(rubric, { items: { '2': 'no', '3': 'partly' }, overall: 'requires_improvement', escalation: 'Baby unseen upstairs, no Merlin' }),
  });
  addReview(db, { roundId: 1, incidentId: i(3), reviewer: 's2', submittedAt: '2025-11-05T10:00:00.000Z', answers: answers(rubric, { rest: 'partly', items: { '7': 'not_visible' }, overall: 'inadequate' }) });
  addReview(db, { roundId: 1, incidentId: i(4), reviewer: 's2', submittedAt: '2025-11-06T10:00:00.000Z', answers: answers(rubric, { scope: 'no', rest: null, overall: 'good' }) });
  addReview(db, { roundId: 1, incidentId: i(5), reviewer: 's1', submittedAt: '2025-11-07T10:00:00.000Z', answers: answers(rubric, { rest: 'no', overall: 'inadequate' }) });
  addReview(db, { roundId: 1, incidentId: i(5), reviewer: 's2', submittedAt: '2025-11-08T10:00:00.000Z', answers: answers(rubric, { rest: 'no', items: { '1': 'yes' }, overall: 'inadequate' }) });
  addReview(db, { roundId: 1, incidentId: i(6), reviewer: 's3', status: 'draft', submittedAt: null, answers: answers(rubric, { rest: 'no', escalation: 'draft only' }) });

  for (let id = 11; id <= 14; id += 1) addIncident(db, { id: i(id), team: 'Team A', startedAt: `2025-09-1${id - 10}T12:00:00.000Z` });
  addRound(db, {
    id: 2,
    name: 'Central East — September 2025',
    filters: { bcu: 'Central East', from: '2025-09-01', to: '2025-09-30' },
    allocation: [{ key: 'Team A', population: 40, sample: 4 }],
    drawnAt: '2025-10-01T09:00:00.000Z',
  });
  for (let id = 11; id <= 14; id += 1) {
    addSample(db, 2, i(id), 'Team A', id - 10);
    addReview(db, { roundId: 2, incidentId: i(id), reviewer: 's1', submittedAt: '2025-10-05T10:00:00.000Z', answers: answers(rubric) });
  }
  addIncident(db, { id: i(99), bcu: 'North West', startedAt: '2025-10-02T12:00:00.000Z' });
  return rubric;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../shared/agreement/krippendorff';
import { openDatabase } from '../../../electron/core/db/open';
import { cli, ensureCliBuilt } from '../helpers/cli';
import { childFocus } from '../../unit/calibration/fixtures';
import { seedOctober, type October } from './october';
import { addRound, addUser } from './roundDb';

const dir = mkdtempSync(join(tmpdir(), 'bwc-agreement-round-'));
const dbPath = join(dir, 'bwc-dip.sqlite');
let october: October;
let routineRound: number;

beforeAll(() => {
  ensureCliBuilt();
  const db = openDatabase(dbPath);
  october = seedOctober(db, childFocus());
  routineRound = addRound(db, 'November 2026 (no calibration)');
  addUser(db, 'lead.a', 'Insp Lead', 'lead');
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => cli(['--db', dbPath, 'agreement', ...args]);

interface Figures {
  units: number;
  raters: number;
  percent: number | null;
  cohen: number | null;
  fleiss: number | null;
  krippendorff: number | null;
  ac1: number | null;
  reasons: Record<string, string>;
  details: Record<string, { units: number; raters: number; excludedUnits: number }>;
  compared: number;
  disagreements: number;
}
interface RoundJson {
  round: { id: number; name: string; rubricId: string; rubricVersion: number };
  calibrationIncidents: number;
  doubleScored: number;
  reviewers: number;
  questions: (Figures & { question: { key: string; label: string } })[];
  excludedIncidents: { incidentId: number; submittedBy: string[] }[];
  excludedReviews: { incidentId: number; reviewerId: string; reason: string }[];
}

describe('bwc-dip agreement --round', () => {
  it('reports scope, every item, the overall judgement and all items pooled from the submitted calibration reviews', () => {
    const r = run('--round', String(october.roundId), '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<RoundJson>();
    expect(out.round).toEqual({ id: october.roundId, name: 'October 2026', rubricId: 'child-focus', rubricVersion: 1 });
    // I1–I8 are calibration; I1–I5 and I7 have two usable reviews; ash, bell and carr submitted.
    expect(out).toMatchObject({ calibrationIncidents: 8, doubleScored: 6, reviewers: 3 });
    expect(out.questions.map((q) => q.question.label)).toEqual(['Scope', ...Array.from({ length: 17 }, (_, i) => `Item ${i + 1}`), 'Overall judgement', 'All items']);
    const [i1, , , , , i6, , i8] = october.incidents;
    expect(out.excludedIncidents).toEqual([
      { incidentId: i6, reference: 'CAD 4106/06OCT26', submittedBy: ['ash'] },
      { incidentId: i8, reference: 'CAD 4108/08OCT26', submittedBy: ['ash'] },
    ]);
    expect(out.excludedReviews).toEqual([{ incidentId: i8, reviewerId: 'carr', reason: "made with rubric child-focus v2, not the round's child-focus v1" }]);
    expect(i1).toBeGreaterThan(0);
  });

  it('computes item 3 on the ordinal scale from the answers: yes 3, partly 2, no 1', () => {
    const out = run('--round', String(october.roundId), '--json').json<RoundJson>();
    const item3 = out.questions.find((q) => q.question.key === 'item:3')!;
    // Units: the 8 incidents with a usable review; I6 and I8 have one each (counted, excluded).
    // Ash/Bell: I1–I4 no/yes, I5 partly/partly; Bell/Carr on I7: yes/yes.
    expect(item3).toMatchObject({ units: 8, raters: 3, compared: 6, disagreements: 4 });
    expect(item3.percent).toBeCloseTo(2 / 6, 10);
    const byHand = krippendorffAlpha(
      {
        units: ['I1', 'I2', 'I3', 'I4', 'I5', 'I7'],
        raters: ['ash', 'bell', 'carr'],
        values: [[1, 3, null], [1, 3, null], [1, 3, null], [1, 3, null], [2, 2, null], [null, 3, 3]],
      },
      'ordinal',
    );
    expect(item3.krippendorff).toBeCloseTo(byHand.value!, 12);
    expect(item3.details.krippendorff).toMatchObject({ units: 6, raters: 3, excludedUnits: 2 });
    expect(item3.cohen).toBeNull();
    expect(item3.reasons.cohen).toMatch(/exactly two raters; this table has 3/);
  });

  it('leaves out n/a answers: on item 13 only I7 keeps two answers, both yes, so alpha is undefined with the reason', () => {
    const out = run('--round', String(october.roundId), '--json').json<RoundJson>();
    const item13 = out.questions.find((q) => q.question.key === 'item:13')!;
    expect(item13.compared).toBe(1);
    expect(item13.krippendorff).toBeNull();
    expect(item13.reasons.krippendorff).toMatch(/^no variation/);
    expect(item13.details.krippendorff).toMatchObject({ units: 1, excludedUnits: 7 });
  });

  it('--item N prints one object with the same keys as a CSV result', () => {
    const r = run('--round', String(october.roundId), '--item', '4', '--metric', 'krippendorff', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<Figures & { question: { label: string }; round: { id: number } }>();
    expect(out.question.label).toBe('Item 4');
    expect(out.round.id).toBe(october.roundId);
    expect(out).toMatchObject({ units: 8, raters: 3, level: 'ordinal', reasons: {} });
    expect(typeof out.krippendorff).toBe('number');
    expect(out).not.toHaveProperty('percent');
    expect(out).not.toHaveProperty('questions');
  });

  it('prints a readable table per question with bands, units and raters', () => {
    const r = run('--round', String(october.roundId), '--item', '3');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Round \d+ \(October 2026\), rubric child-focus v1: 8 calibration incidents, 6 double-scored, 3 reviewers/);
    expect(r.stdout).toMatch(/incident CAD 4106\/06OCT26 has one submitted review \(ash\): counted, excluded/);
    expect(r.stdout).toMatch(/review of incident \d+ by carr left out: made with rubric child-focus v2/);
    const alpha = r.stdout.split('\n').find((l) => l.includes("Krippendorff's alpha (ordinal)"))!;
    expect(alpha).toMatch(/unreliable\s+6\s+3$/);
    expect(r.stdout).toMatch(/Percent agreement\s+0\.333\s+—\s+6\s+3/);
  });

  it('refuses, with one line and exit 1: an unknown round, a round without calibration, an item not in the rubric, --level', () => {
    const refused = (args: string[], message: RegExp) => {
      const r = run(...args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    };
    refused(['--round', '999'], /round 999 does not exist/);
    refused(['--round', String(routineRound)], /has no calibration incidents/);
    refused(['--round', String(october.roundId), '--item', '18'], /--item 18 is not an item of rubric child-focus v1 \(items 1–17\)/);
    refused(['--round', String(october.roundId), '--level', 'nominal'], /--level applies to --input only/);
    refused(['--round', 'abc'], /--round must be a number/);
  });
});

import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationHandlers } from '../../../electron/core/api/calibration';
import { readAudit, verifyAudit } from '../../../electron/core/audit/log';
import type { CoreContext } from '../../../electron/core/context';
import { openDatabase } from '../../../electron/core/db/open';
import { openCalibrationReview } from '../../../electron/core/calibration/review';
import { calibrationReviewSchema, calibrationSummarySchema } from '../../../shared/ipc/calibration';
import { contract } from '../../../shared/ipc/contract';
import { childFocus, RESOURCES } from '../../unit/calibration/fixtures';
import { seedOctober, type October } from './october';
import { addUser } from './roundDb';

const dir = mkdtempSync(join(tmpdir(), 'bwc-calibration-review-'));
let db: Database;
let october: October;

beforeAll(() => {
  db = openDatabase(join(dir, 'bwc-dip.sqlite'));
  october = seedOctober(db, childFocus());
  addUser(db, 'lead.a', 'Insp Lead', 'lead');
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctx = (actor: string): CoreContext => ({ db, dbPath: join(dir, 'bwc-dip.sqlite'), actor, demo: false, resourcesDir: RESOURCES, emit: () => {} });
const reviewEvents = () => readAudit(db, { objectType: 'review' });
const open = (actor: string, incidentIndex: number, reviewerId: string) =>
  openCalibrationReview(db, RESOURCES, actor, { roundId: october.roundId, incidentId: october.incidents[incidentIndex]!, reviewerId });

describe('opening a calibration review read-only', () => {
  it('is refused to a reviewer, even one who scored the incident', () => {
    expect(() => open('ash', 0, 'bell')).toThrow(/quality team and BCU leads; Sgt Ash Patel is registered as reviewer/);
    expect(reviewEvents()).toHaveLength(0);
  });

  it('is refused while the incident is still scored blind', () => {
    // I6: Ash submitted, Bell holds a draft.
    expect(() => open('analyst', 5, 'ash')).toThrow(/still scored blind: Sgt Bell Okafor has not submitted/);
    expect(() => open('analyst', 5, 'ash')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(reviewEvents()).toHaveLength(0);
  });

  it('is refused for a routine incident and for someone not assigned', () => {
    expect(() => open('analyst', 8, 'ash')).toThrow(/not a calibration incident/);
    expect(() => open('analyst', 0, 'carr')).toThrow(/carr is not assigned to incident/);
  });

  it('opens a submitted review once every scorer has submitted, and logs the consultation', () => {
    const before = db.prepare('SELECT count(*) AS n FROM reviews').get();
    const input = contract['calibration.review'].input.parse({ roundId: october.roundId, incidentId: october.incidents[0], reviewerId: 'ash' });
    const view = calibrationReviewSchema.parse(calibrationHandlers['calibration.review'](ctx('analyst'), input));
    expect(view.reviewer).toEqual({ id: 'ash', displayName: 'Sgt Ash Patel' });
    expect(view.incident.reference).toBe('CAD 4101/01OCT26');
    expect(view.rubric.id).toBe('child-focus');
    // Ash answered items 3 and 4 "no" and 13 "not applicable" on I1, and judged it "requires improvement".
    expect(view.review.answers.items['3']!.answer).toBe('no');
    expect(view.review.answers.items['13']!.answer).toBe('na');
    expect(view.review.answers.overall.answer).toBe('requires_improvement');

    const events = reviewEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'analyst', action: 'consultation', object_type: 'review', object_id: String(view.review.id) });
    expect(JSON.parse(events[0]!.detail)).toMatchObject({ purpose: 'calibration', incidentId: october.incidents[0], reviewerId: 'ash' });
    expect(verifyAudit(db).ok).toBe(true);
    // Read-only: nothing but the audit row was written.
    expect(db.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual(before);
  });

  it('opens I6 once Bell submits, for a lead too', () => {
    db.prepare("UPDATE reviews SET status = 'submitted', submitted_at = updated_at WHERE round_id = ? AND incident_id = ? AND reviewer_id = 'bell'").run(
      october.roundId,
      october.incidents[5],
    );
    expect(open('lead.a', 5, 'bell').reviewer.displayName).toBe('Sgt Bell Okafor');
    expect(reviewEvents().map((e) => e.actor)).toEqual(['analyst', 'lead.a']);
  });
});

describe('bootstrap interval of alpha in the summary', () => {
  it('is seeded with the round id, 1,000 resamples, brackets alpha and repeats exactly', () => {
    const run = () =>
      calibrationSummarySchema.parse(calibrationHandlers['calibration.summary'](ctx('analyst'), { roundId: october.roundId }));
    const a = run();
    const interval = a.allItems.krippendorffInterval!;
    expect(interval).toMatchObject({ seed: october.roundId, iterations: 1000, rng: 'mt19937', confidence: 0.95, reason: null });
    const alpha = a.allItems.figures.krippendorff.value!;
    expect(interval.lower!).toBeLessThanOrEqual(alpha);
    expect(interval.upper!).toBeGreaterThanOrEqual(alpha);
    expect(interval.lower!).toBeLessThan(interval.upper!);
    expect(run().allItems.krippendorffInterval).toEqual(interval);
    expect(a.items.every((i) => i.krippendorffInterval === null)).toBe(true);
  });
});

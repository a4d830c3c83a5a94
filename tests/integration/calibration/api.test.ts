import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationHandlers } from '../../../electron/core/api/calibration';
import type { CoreContext } from '../../../electron/core/context';
import { openDatabase } from '../../../electron/core/db/open';
import { calibrationSummarySchema, calibrationCompareSchema } from '../../../shared/ipc/calibration';
import { contract } from '../../../shared/ipc/contract';
import { childFocus, RESOURCES } from '../../unit/calibration/fixtures';
import { seedOctober, type October } from './october';
import { addRound } from './roundDb';

const dir = mkdtempSync(join(tmpdir(), 'bwc-calibration-api-'));
let db: Database;
let october: October;

beforeAll(() => {
  db = openDatabase(join(dir, 'bwc-dip.sqlite'));
  october = seedOctober(db, childFocus());
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctx = (actor: string): CoreContext => ({ db, dbPath: join(dir, 'bwc-dip.sqlite'), actor, demo: false, resourcesDir: RESOURCES, emit: () => {} });
const summaryInput = (payload: unknown) => contract['calibration.summary'].input.parse(payload);

describe('calibration over IPC (core handlers on a real database)', () => {
  it('is refused to reviewers and to unregistered accounts', () => {
    expect(() => calibrationHandlers['calibration.rounds'](ctx('ash'), {})).toThrow(/for the quality team and BCU leads; Sgt Ash Patel is registered as reviewer/);
    expect(() => calibrationHandlers['calibration.summary'](ctx('stranger'), summaryInput({ roundId: october.roundId }))).toThrow(/stranger is not registered/);
  });

  it('lists rounds newest first with their calibration counts', () => {
    const later = addRound(db, 'November 2026', { drawnAt: '2026-11-01T08:00:00.000Z' });
    const { rounds } = calibrationHandlers['calibration.rounds'](ctx('analyst'), {}) as { rounds: { id: number; calibrationIncidents: number; doubleScored: number }[] };
    expect(rounds.map((r) => r.id)).toEqual([later, october.roundId]);
    // Rounds counts submitted reviews as stored: I8's second review is there, even though the summary leaves it out.
    expect(rounds[1]).toMatchObject({ calibrationIncidents: 8, doubleScored: 7 });
  });

  it('summarises per item (ranked by disagreement), overall, and each reviewer against the others', async () => {
    const s = calibrationSummarySchema.parse(await calibrationHandlers['calibration.summary'](ctx('analyst'), summaryInput({ roundId: october.roundId })));
    expect(s.weights).toBe('none');
    expect(s.incidents).toEqual({ calibration: 8, doubleScored: 6 });
    // Items 3 and 4 split Ash and Bell on four incidents: they lead the ranking.
    expect(s.items.slice(0, 2).map((i) => i.number).sort()).toEqual([3, 4]);
    expect(s.items[0]!.figures.krippendorff.band).toBe('unreliable');
    expect(s.items[0]).toMatchObject({ units: 8, raters: 3, compared: 6, disagreements: 4 });
    expect(s.items.at(-1)!.figures.krippendorff.value).toBeNull();

    const [ash, bell, carr] = s.deviation;
    // Ash: 4 incidents × 2 items two steps lower (−16) over 5 incidents × 16 usable items (item 13 is n/a) = −0.2.
    expect(ash).toMatchObject({ reviewerId: 'ash', displayName: 'Sgt Ash Patel', incidents: 5 });
    expect(ash!.items.n).toBe(80);
    expect(ash!.items.difference).toBeCloseTo(-0.2, 12);
    expect(ash!.items.direction).toBe('harsher');
    expect(ash!.overall).toMatchObject({ n: 5, difference: -0.4, direction: 'harsher' });
    expect(bell!.items.direction).toBe('more lenient');
    expect(carr).toMatchObject({ reviewerId: 'carr', incidents: 1 });
    expect(carr!.items.direction).toBe('in line');
    expect(s.excludedReviews).toHaveLength(1);
  });

  it('refuses a malformed payload before the core sees it', () => {
    expect(() => summaryInput({ roundId: october.roundId, extra: 1 })).toThrow();
    expect(() => summaryInput({ roundId: 0 })).toThrow();
    expect(() => summaryInput({ roundId: '1' })).toThrow();
    expect(summaryInput({ roundId: 3 })).toEqual({ roundId: 3 });
  });

  it('compares incidents side by side, withholding answers from a scorer who has not submitted', () => {
    const forAnalyst = calibrationCompareSchema.parse(calibrationHandlers['calibration.compare'](ctx('analyst'), { roundId: october.roundId }));
    const [i1] = forAnalyst.incidents;
    expect(forAnalyst.incidents.map((i) => i.incidentId)).toEqual(october.incidents.slice(0, 8));
    expect(i1!.reference).toBe('CAD 4101/01OCT26');
    expect(i1!.reviewers.map((r) => [r.displayName, r.status])).toEqual([
      ['Sgt Ash Patel', 'submitted'],
      ['Sgt Bell Okafor', 'submitted'],
    ]);
    expect(i1!.rows.filter((r) => r.disagree).map((r) => r.key)).toEqual(['item:3', 'item:4', 'item:13', 'overall']);

    // Bell, promoted to lead, still has a draft on I6: its answers stay hidden from Bell, not from the analyst.
    db.prepare("UPDATE users SET role = 'lead' WHERE id = 'bell'").run();
    const i6 = october.incidents[5]!;
    const forBell = calibrationCompareSchema.parse(calibrationHandlers['calibration.compare'](ctx('bell'), { roundId: october.roundId }));
    expect(forBell.incidents.find((i) => i.incidentId === i6)!.withheld).toBe(true);
    expect(forAnalyst.incidents.find((i) => i.incidentId === i6)!.withheld).toBe(false);
    db.prepare("UPDATE users SET role = 'reviewer' WHERE id = 'bell'").run();
  });

  it('names a missing round', () => {
    expect(() => calibrationHandlers['calibration.compare'](ctx('analyst'), { roundId: 4242 })).toThrow(/round 4242 does not exist/);
  });
});

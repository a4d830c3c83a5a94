import { afterEach, describe, expect, it } from 'vitest';
import type { RoundCreateInput } from '../../../shared/ipc/rounds';
import { parseSeed, seedFromRandomWords } from '../../../shared/random/seed';
import { DRAW_ALGORITHM } from '../../../shared/sampling/draw';
import { createRound } from '../../../electron/core/rounds/create';
import { listRounds, readRound } from '../../../electron/core/rounds/detail';
import { readAudit, verifyAudit } from '../../../electron/core/audit/log';
import { addIncident, addOctober, addReviewer, counts, makeLibrary, RESOURCES, type Library } from './library';
import { createHash } from 'node:crypto';

let lib: Library;
afterEach(() => lib?.db.close());

const opts = { actor: 'insp.lead', resourcesDir: RESOURCES, now: new Date('2026-11-02T09:30:00.000Z') };

const october: RoundCreateInput = {
  name: 'Central East — October 2026',
  filters: { bcu: 'Central East', from: '2026-10-01', to: '2026-10-31', categories: ['domestic abuse'], flags: ['child present'] },
  size: { method: 'confidence', confidence: 0.95, margin: 0.1 },
  strata: ['team'],
  seed: '20261101',
};

describe('creating a round', () => {
  it('draws the same sample from the same inputs, and another from another seed', () => {
    lib = makeLibrary();
    addOctober(lib.db, 300);
    const a = createRound(lib.db, october, opts);
    const b = createRound(lib.db, { ...october, filters: { ...october.filters, includePreviouslySampled: true } }, opts);
    const c = createRound(lib.db, { ...october, seed: '20261102', filters: { ...october.filters, includePreviouslySampled: true } }, opts);
    const ids = (d: typeof a) => d.incidents.map((i) => i.incidentId);
    expect(ids(a)).toHaveLength(a.statement.size.outcome.n);
    expect(ids(b)).toEqual(ids(a));
    expect(b.statement.frameHash).toBe(a.statement.frameHash);
    expect(ids(c)).not.toEqual(ids(a));
    expect(listRounds(lib.db).map((r) => r.id)).toEqual([c.statement.id, b.statement.id, a.statement.id]);
  });

  it('stores and shows the whole statement, and the sizes and allocation behind it', () => {
    lib = makeLibrary();
    const ids = addOctober(lib.db, 300);
    const d = createRound(lib.db, october, opts);
    const s = d.statement;
    // Cochran with FPC: n0 = 1.959964²·0.25/0.01 = 96.04; n = 96.04/(1 + 95.04/300) = 72.93 → 73.
    expect(s.size.outcome.n).toBe(73);
    expect(s.size.outcome.explanation).toMatch(/Finite population correction for N = 300/);
    expect(s.frameSize).toBe(300);
    const sha = createHash('sha256').update([...ids].sort((x, y) => x - y).join('\n')).digest('hex');
    expect(s.frameHash).toBe(sha);
    expect(s.algorithm).toEqual({ id: DRAW_ALGORITHM.id, version: DRAW_ALGORITHM.version, prng: 'mt19937' });
    expect(s).toMatchObject({
      seed: '20261101',
      seedGenerated: false,
      strata: ['team'],
      minPerStratum: 0,
      proportional: true,
      drawnBy: 'insp.lead',
      drawnAt: '2026-11-02T09:30:00.000Z',
      status: 'drawn',
      rubric: { id: 'child-focus', version: 1 },
      verifyCommand: `bwc-dip sample verify ${s.id}`,
      filters: { bcu: 'Central East', from: '2026-10-01', to: '2026-10-31', categories: ['domestic abuse'], flags: ['child present'], teams: [], officers: [], includePreviouslySampled: false },
    });
    expect(s.allocation.map((a) => a.stratum)).toEqual(['Team A', 'Team B', 'Team C']);
    expect(s.allocation.reduce((t, a) => t + a.sample, 0)).toBe(73);
    expect(s.allocation.reduce((t, a) => t + a.population, 0)).toBe(300);
    for (const a of s.allocation) expect(a.weight).toBeCloseTo(a.population / a.sample, 12);
    for (const inc of d.incidents) {
      expect(inc.stratum).toBe(inc.team);
      expect(inc.weight).toBe(s.allocation.find((a) => a.stratum === inc.stratum)!.weight);
    }
    expect(d.incidents.map((i) => i.drawOrder)).toEqual(d.incidents.map((_, k) => k + 1));
    // A re-read gives the same document.
    expect(readRound(lib.db, s.id)).toEqual(d);
  });

  it('records the draw as a combination in the audit log, and locks the round', () => {
    lib = makeLibrary();
    addOctober(lib.db, 60);
    const d = createRound(lib.db, october, opts);
    const log = readAudit(lib.db, { objectType: 'round', objectId: String(d.statement.id) });
    expect(log).toHaveLength(1);
    expect(log[0]!.action).toBe('combination');
    expect(JSON.parse(log[0]!.detail)).toMatchObject({ frameHash: d.statement.frameHash, seed: '20261101', n: d.statement.size.outcome.n });
    expect(verifyAudit(lib.db).ok).toBe(true);
    expect(() => lib.db.prepare("UPDATE rounds SET seed = '1' WHERE id = ?").run(d.statement.id)).toThrow(/locked/);
    expect(() => lib.db.prepare('DELETE FROM rounds WHERE id = ?').run(d.statement.id)).toThrow(/locked/);
    lib.db.prepare("UPDATE rounds SET status = 'closed' WHERE id = ?").run(d.statement.id);
    expect(readRound(lib.db, d.statement.id).statement.status).toBe('closed');
  });

  it('takes the whole frame when n reaches N, and says so', () => {
    lib = makeLibrary();
    addOctober(lib.db, 20);
    const d = createRound(lib.db, { ...october, size: { method: 'confidence', confidence: 0.99, margin: 0.01 } }, opts);
    expect(d.statement.size.outcome).toMatchObject({ n: 20, takeAll: true });
    expect(d.statement.size.outcome.explanation).toMatch(/all 20 incidents are reviewed/);
    expect(d.incidents).toHaveLength(20);
  });

  it('leaves out incidents sampled by earlier rounds unless asked', () => {
    lib = makeLibrary();
    addOctober(lib.db, 40);
    const first = createRound(lib.db, { ...october, size: { method: 'fixed', n: 15 } }, opts);
    const second = createRound(lib.db, { ...october, size: { method: 'percent', percent: 100 } }, opts);
    expect(second.statement.frameSize).toBe(25);
    const firstIds = new Set(first.incidents.map((i) => i.incidentId));
    expect(second.incidents.some((i) => firstIds.has(i.incidentId))).toBe(false);
  });

  it('makes a seed from the cryptographic source when none is given, and shows it', () => {
    lib = makeLibrary();
    addOctober(lib.db, 30);
    const words: [number, number] = [0xdeadbeef, 0x12345];
    const { seed: _, ...unseeded } = october;
    const d = createRound(lib.db, unseeded, { ...opts, randomWords: () => words });
    expect(d.statement.seed).toBe(seedFromRandomWords(words));
    expect(parseSeed(d.statement.seed).ok).toBe(true);
    expect(d.statement.seedGenerated).toBe(true);
    // Re-drawing with the shown seed gives the same sample.
    const again = createRound(lib.db, { ...october, seed: d.statement.seed, filters: { ...october.filters, includePreviouslySampled: true } }, opts);
    expect(again.incidents.map((i) => i.incidentId)).toEqual(d.incidents.map((i) => i.incidentId));
    // Without a test source, two rounds get different seeds.
    const x = createRound(lib.db, { ...unseeded, filters: { ...october.filters, includePreviouslySampled: true } }, opts);
    const y = createRound(lib.db, { ...unseeded, filters: { ...october.filters, includePreviouslySampled: true } }, opts);
    expect(x.statement.seed).not.toBe(y.statement.seed);
  });

  it('spreads incidents evenly over reviewers, never to their own incidents, double-scoring the calibration share', () => {
    lib = makeLibrary();
    addOctober(lib.db, 200);
    addReviewer(lib.db, 'sgt.a', ['PC100']);
    addReviewer(lib.db, 'sgt.b', ['PC101']);
    addReviewer(lib.db, 'sgt.c');
    const d = createRound(lib.db, { ...october, size: { method: 'fixed', n: 40 }, reviewers: ['sgt.a', 'sgt.b', 'sgt.c'], calibration: { fraction: 0.1 } }, opts);
    expect(d.statement.calibration).toEqual({ fraction: 0.1, count: null, incidents: 4 });
    expect(d.incidents.filter((i) => i.calibration)).toHaveLength(4);
    for (const inc of d.incidents) expect(inc.reviewers).toHaveLength(inc.calibration ? 2 : 1);
    const officerOf = lib.db.prepare('SELECT officer_ids FROM incidents WHERE id = ?').pluck();
    for (const inc of d.incidents) {
      const officers = JSON.parse(officerOf.get(inc.incidentId) as string) as string[];
      if (officers.includes('PC100')) expect(inc.reviewers).not.toContain('sgt.a');
      if (officers.includes('PC101')) expect(inc.reviewers).not.toContain('sgt.b');
    }
    const loads = d.progress.map((p) => p.assigned);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(44);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(d.progress.map((p) => [p.reviewerId, p.notStarted, p.draft, p.submitted])).toEqual(
      d.progress.map((p) => [p.reviewerId, p.assigned, 0, 0]),
    );
    expect(d.statement.reviewers).toEqual([
      { id: 'sgt.a', officerIds: ['PC100'] },
      { id: 'sgt.b', officerIds: ['PC101'] },
      { id: 'sgt.c', officerIds: [] },
    ]);
  });

  it('counts progress from the reviews table', () => {
    lib = makeLibrary();
    addOctober(lib.db, 30);
    addReviewer(lib.db, 'sgt.a');
    const d = createRound(lib.db, { ...october, size: { method: 'fixed', n: 5 }, reviewers: ['sgt.a'] }, opts);
    const [i1, i2] = d.incidents.map((i) => i.incidentId);
    const add = lib.db.prepare(
      `INSERT INTO reviews (round_id, incident_id, reviewer_id, rubric_id, rubric_version, status, answers, created_at, updated_at)
       VALUES (?, ?, 'sgt.a', 'child-focus', 1, ?, '{}', '2026-11-03', '2026-11-03')`,
    );
    add.run(d.statement.id, i1, 'draft');
    add.run(d.statement.id, i2, 'submitted');
    expect(readRound(lib.db, d.statement.id).progress).toEqual([
      { reviewerId: 'sgt.a', displayName: 'Sgt sgt.a', assigned: 5, calibration: 0, notStarted: 3, draft: 1, submitted: 1 },
    ]);
    expect(listRounds(lib.db)[0]).toMatchObject({ reviewers: 1, assigned: 5, submitted: 1 });
  });

  it('filters by BCU, UK local dates, any-of categories and flags, teams and officers', () => {
    lib = makeLibrary();
    const inOct = (over: Parameters<typeof addIncident>[1] = {}) => addIncident(lib.db, { startedAt: '2026-10-15T12:00:00.000Z', ...over });
    const keep = [
      inOct(),
      // 30 Sep 23:30 UTC is 1 Oct 00:30 BST: in October for a UK reader.
      inOct({ startedAt: '2026-09-30T23:30:00.000Z' }),
      inOct({ categories: ['neglect'], flags: ['child resident'] }),
    ];
    inOct({ bcu: 'North West' });
    inOct({ startedAt: '2026-09-30T22:30:00.000Z' }); // 30 Sep 23:30 BST
    inOct({ startedAt: '2026-11-01T00:00:00.000Z' }); // 1 Nov 00:00 GMT
    inOct({ categories: ['theft'] });
    inOct({ flags: [] });
    const d = createRound(
      lib.db,
      { ...october, strata: [], size: { method: 'percent', percent: 100 }, filters: { ...october.filters, categories: ['domestic abuse', 'neglect'], flags: ['child present', 'child resident'] } },
      opts,
    );
    expect(d.incidents.map((i) => i.incidentId).sort((a, b) => a - b)).toEqual(keep);

    const t = addIncident(lib.db, { team: 'Team Z', officers: ['PC Jones'] });
    addIncident(lib.db, { team: 'Team Z', officers: ['PC Smith'] });
    const byOfficer = createRound(lib.db, { ...october, strata: [], size: { method: 'percent', percent: 100 }, filters: { teams: ['Team Z'], officers: ['PC Jones'] } }, opts);
    expect(byOfficer.incidents.map((i) => i.incidentId)).toEqual([t]);
  });

  it('stratifies by shift from the UK local start time', () => {
    lib = makeLibrary();
    // 06:30 UTC in October before the clocks go back is 07:30 BST (day); 06:30 UTC in November is 06:30 GMT (night).
    const day = addIncident(lib.db, { startedAt: '2026-10-20T06:30:00.000Z' });
    const night = addIncident(lib.db, { startedAt: '2026-11-20T06:30:00.000Z' });
    const late = addIncident(lib.db, { startedAt: '2026-11-20T22:59:00.000Z' });
    const d = createRound(lib.db, { ...october, filters: {}, strata: ['shift', 'team'], size: { method: 'percent', percent: 100 } }, opts);
    const stratum = new Map(d.incidents.map((i) => [i.incidentId, i.stratum]));
    expect(stratum.get(day)).toBe('Team A | day');
    expect(stratum.get(night)).toBe('Team A | night');
    expect(stratum.get(late)).toBe('Team A | late');
    expect(d.statement.strata).toEqual(['team', 'shift']);
  });

  it('writes nothing else while drawing', () => {
    lib = makeLibrary();
    addOctober(lib.db, 30);
    const before = counts(lib.db);
    const d = createRound(lib.db, { ...october, size: { method: 'fixed', n: 7 } }, opts);
    expect(counts(lib.db)).toEqual({ rounds: 1, sampled: 7, assignments: 0, frames: 1, audit: before.audit + 1 });
    expect(d.progress).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoundCreateInput } from '../../../shared/ipc/rounds';
import { createRound } from '../../../electron/core/rounds/create';
import { isUserError } from '../../../electron/core/errors';
import { addOctober, addReviewer, counts, makeLibrary, RESOURCES, type Library } from './library';

let lib: Library;
beforeEach(() => {
  lib = makeLibrary();
  addOctober(lib.db, 50, ['Team A', 'Team B']);
  addReviewer(lib.db, 'sgt.a');
  addReviewer(lib.db, 'sgt.b');
});
afterEach(() => lib.db.close());

const good: RoundCreateInput = {
  name: 'October',
  filters: { bcu: 'Central East', from: '2026-10-01', to: '2026-10-31' },
  size: { method: 'confidence', confidence: 0.95, margin: 0.1 },
  strata: ['team'],
  seed: '7',
  reviewers: ['sgt.a', 'sgt.b'],
};

/** The message of the user error a bad round raises, after checking it left no trace in the database. */
function refusal(input: unknown): string {
  const before = counts(lib.db);
  let error: unknown = null;
  try {
    createRound(lib.db, input, { actor: 'insp.lead', resourcesDir: RESOURCES });
  } catch (e) {
    error = e;
  }
  expect(error, 'the round should have been refused').not.toBeNull();
  expect(isUserError(error), String(error)).toBe(true);
  expect(counts(lib.db)).toEqual(before);
  expect(before.rounds).toBe(0);
  return (error as Error).message;
}

describe('a bad round is refused whole, with a message naming what is wrong', () => {
  it('draws the good design (so each case below fails for its own reason)', () => {
    expect(createRound(lib.db, good, { actor: 'insp.lead', resourcesDir: RESOURCES }).incidents.length).toBeGreaterThan(0);
  });

  it('empty frame', () => {
    expect(refusal({ ...good, filters: { bcu: 'Nowhere' } })).toMatch(/frame is empty: no incidents match/);
  });

  it('empty frame because everything was sampled before, saying so', () => {
    createRound(lib.db, { ...good, size: { method: 'percent', percent: 100 }, strata: [] }, { actor: 'x', resourcesDir: RESOURCES });
    let message = '';
    try {
      createRound(lib.db, good, { actor: 'x', resourcesDir: RESOURCES });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/frame is empty.*50 matching incidents were sampled in earlier rounds/);
    expect(counts(lib.db).rounds).toBe(1);
  });

  it('n larger than the frame', () => {
    expect(refusal({ ...good, size: { method: 'fixed', n: 51 } })).toMatch(/Fixed sample size 51 is larger than the frame \(50 incidents\)/);
  });

  it.each([
    [{ method: 'confidence', confidence: 1, margin: 0.1 }, /Confidence level: confidence must be below 1/],
    [{ method: 'confidence', confidence: 0, margin: 0.1 }, /Confidence level: confidence must be above 0/],
    [{ method: 'confidence', confidence: 0.95, margin: 1.5 }, /Margin of error: margin must be below 1/],
    [{ method: 'confidence', confidence: 0.95, margin: -0.1 }, /Margin of error: margin must be above 0/],
    [{ method: 'discovery', confidence: 0.95, tolerableRate: 0 }, /Tolerable rate: tolerableRate must be above 0/],
    [{ method: 'confidence', confidence: 0.95 }, /Margin of error is needed for the confidence method/],
    [{ method: 'percent', percent: 120 }, /Percentage: percent must be at most 100/],
    [{ method: 'fixed', n: 2.5 }, /Sample size: n must be a whole number/],
  ])('size %j', (size, message) => {
    expect(refusal({ ...good, size })).toMatch(message);
  });

  it('unknown stratum field', () => {
    expect(refusal({ ...good, strata: ['team', 'colour'] })).toMatch(/Unknown stratum field 'colour': use team, shift, category, officer/);
  });

  it('a stratum with zero incidents', () => {
    expect(refusal({ ...good, filters: { ...good.filters, teams: ['Team A', 'Team Gone'] } })).toMatch(
      /Stratum team "Team Gone" has no incidents in the frame/,
    );
  });

  it('a minimum per stratum the sample cannot meet', () => {
    expect(refusal({ ...good, size: { method: 'fixed', n: 3 }, minPerStratum: 2 })).toMatch(/minimum of 2 per stratum needs 4 incidents/);
  });

  it.each([
    [{ from: '2026-10-31', to: '2026-10-01' }, /To date: the date range ends \(2026-10-01\) before it starts \(2026-10-31\)/],
    [{ from: '31/10/2026' }, /From date: "31\/10\/2026" is not a date in the form yyyy-mm-dd/],
    [{ to: '2026-02-30' }, /To date: "2026-02-30": day 30 does not exist in February 2026/],
  ])('dates %j', (dates, message) => {
    expect(refusal({ ...good, filters: { bcu: 'Central East', ...dates } })).toMatch(message);
  });

  it.each([
    ['', /Seed is empty/],
    ['ab\u0007c', /Seed has a control character \(U\+0007\) at position 3/],
    ['x'.repeat(129), /Seed is too long: 129 characters/],
  ])('seed %j', (seed, message) => {
    expect(refusal({ ...good, seed })).toMatch(message);
  });

  it('unknown reviewer', () => {
    expect(refusal({ ...good, reviewers: ['sgt.a', 'sgt.nobody'] })).toMatch(/Unknown reviewer 'sgt.nobody'/);
  });

  it('calibration without a second reviewer, or out of range', () => {
    expect(refusal({ ...good, reviewers: ['sgt.a'], calibration: { fraction: 0.1 } })).toMatch(/Calibration needs at least two reviewers/);
    expect(refusal({ ...good, calibration: { fraction: 1.5 } })).toMatch(/Calibration fraction must be from 0 to 1/);
  });

  it('a reviewer left with no incident they may review', () => {
    lib.db.prepare('UPDATE users SET officer_ids = ? WHERE id = ?').run(JSON.stringify(['PC100', 'PC101', 'PC102', 'PC103', 'PC104', 'PC105', 'PC106']), 'sgt.a');
    expect(refusal({ ...good, reviewers: ['sgt.a'] })).toMatch(/has no reviewer without a conflict of interest/);
  });

  it('several problems at once, all named', () => {
    const message = refusal({ ...good, name: ' ', seed: '', strata: ['colour'], filters: { from: 'soon' } });
    for (const part of [/Round name is required/, /Seed is empty/, /Unknown stratum field 'colour'/, /From date/]) expect(message).toMatch(part);
  });

  it('a payload of the wrong shape', () => {
    expect(refusal({ ...good, size: { method: 'guess' } })).toMatch(/size\.method: size method must be fixed, percent, confidence or discovery/);
    expect(refusal({ ...good, bogus: 1 })).toMatch(/bogus/);
  });
});

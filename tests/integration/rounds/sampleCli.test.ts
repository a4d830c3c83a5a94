import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { cli, ensureCliBuilt } from '../helpers/cli';
import { addIncident, addOctober, addReviewer, makeLibrary } from './library';

beforeAll(() => ensureCliBuilt());

/** A library file with October incidents and two reviewers, closed so the CLI process has it to itself. */
function libraryFile(incidents = 120): string {
  const lib = makeLibrary();
  addOctober(lib.db, incidents);
  addReviewer(lib.db, 'sgt.a', ['PC100']);
  addReviewer(lib.db, 'sgt.b');
  lib.db.close();
  return lib.dbPath;
}

const create = (db: string, ...extra: string[]) =>
  cli([
    '--db', db, 'sample', 'create', '--name', 'Central East — October 2026', '--bcu', 'Central East',
    '--from', '2026-10-01', '--to', '2026-10-31', '--category', 'domestic abuse', '--confidence', '95', '--margin', '0.1',
    '--strata', 'team', '--seed', 'oct-2026', '--calibration', '0.1', '--reviewers', 'sgt.a,sgt.b', '--json', ...extra,
  ]);

interface CreatedJson {
  roundId: number;
  frameSize: number;
  frameHash: string;
  seed: string;
  algorithm: { id: string; version: number; prng: string };
  size: number;
  allocation: { stratum: string; population: number; sample: number }[];
  incidents: number[];
}

describe('bwc-dip sample-size', () => {
  it('computes n for confidence and margin with the finite population correction', () => {
    // Krejcie & Morgan (1970), "Determining sample size for research activities", Educ. Psychol. Meas. 30:607-610,
    // Table 1: N = 10000 needs 370 at 95% confidence and ±5% (p = 0.5).
    expect(cli(['sample-size', '--population', '10000', '--confidence', '95', '--margin', '5', '--json']).json()).toEqual({ n: 370 });
    const text = cli(['sample-size', '--population', '10000', '--confidence', '0.95', '--margin', '0.05']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('370');
    expect(text.stdout).toMatch(/Finite population correction for N = 10000/);
  });

  it('computes n for discovery sampling', () => {
    // AICPA Audit Guide "Audit Sampling" (2012), Table A-1: 95% confidence, 5% tolerable rate, 0 expected
    // deviations → 59.
    expect(cli(['sample-size', '--population', '100000', '--discovery', '--confidence', '95', '--tolerable', '0.05', '--json']).json()).toEqual({ n: 59 });
  });

  it('refuses a margin or confidence outside (0, 1) and missing options, exit 1', () => {
    for (const args of [
      ['--population', '100', '--confidence', '0.95', '--margin', '0'],
      ['--population', '100', '--confidence', '150', '--margin', '0.05'],
      ['--population', '100', '--confidence', '0.95'],
      ['--population', '0', '--confidence', '0.95', '--margin', '0.05'],
    ]) {
      const r = cli(['sample-size', ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^bwc-dip: (--margin must be between 0 and 1|--confidence must be between 0 and 1|--confidence needs --margin|--population must be at least 1)/);
    }
  });
});

describe('bwc-dip sample', () => {
  it('creates a round and prints the statement keys, shows and lists it, and verifies it identical', () => {
    const db = libraryFile();
    const r = create(db);
    expect(r.code, r.stderr).toBe(0);
    const made = r.json<CreatedJson>();
    expect(Object.keys(made)).toEqual(expect.arrayContaining(['roundId', 'frameSize', 'frameHash', 'seed', 'algorithm', 'size', 'allocation', 'incidents']));
    expect(made.frameSize).toBe(120);
    expect(made.frameHash).toMatch(/^[0-9a-f]{64}$/);
    expect(made.seed).toBe('oct-2026');
    expect(made.algorithm).toEqual({ id: 'bwc-stratified-fy', version: 1, prng: 'mt19937' });
    expect(made.incidents).toHaveLength(made.size);
    expect(made.allocation.reduce((t, a) => t + a.sample, 0)).toBe(made.size);
    expect(made.allocation[0]).toMatchObject({ stratum: 'Team A', population: 40 });

    const shown = cli(['--db', db, 'sample', 'show', String(made.roundId), '--json']).json<CreatedJson>();
    expect(shown.incidents).toEqual(made.incidents);
    expect(shown.frameHash).toBe(made.frameHash);
    const text = cli(['--db', db, 'sample', 'show', String(made.roundId)]);
    expect(text.stdout).toMatch(/Frame: 120 incidents, SHA-256 [0-9a-f]{64}/);
    expect(text.stdout).toMatch(new RegExp(`Verify: bwc-dip sample verify ${made.roundId}`));

    const list = cli(['--db', db, 'sample', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Central East — October 2026/);
    expect(cli(['--db', db, 'sample', 'list', '--json']).json<{ id: number }[]>().map((x) => x.id)).toEqual([made.roundId]);

    const v = cli(['--db', db, 'sample', 'verify', String(made.roundId), '--json']);
    expect(v.code).toBe(0);
    expect(v.json()).toMatchObject({ identical: true, frame: { added: [], removed: [] } });
    expect(cli(['--db', db, 'sample', 'verify', String(made.roundId)]).stdout).toMatch(/IDENTICAL/);
  });

  it('gives the same sample in another library with the same incidents and seed', () => {
    const a = create(libraryFile()).json<CreatedJson>();
    const b = create(libraryFile()).json<CreatedJson>();
    expect(b.incidents).toEqual(a.incidents);
    expect(b.frameHash).toBe(a.frameHash);
  });

  it('verify exits 1 naming the incident that joined the frame', () => {
    const db = libraryFile();
    const made = create(db).json<CreatedJson>();
    const lib = openDatabase(db);
    const late = addIncident(lib, { startedAt: '2026-10-31T20:00:00.000Z' });
    lib.close();
    const v = cli(['--db', db, 'sample', 'verify', String(made.roundId), '--json']);
    expect(v.code).toBe(1);
    expect(v.json()).toMatchObject({ identical: false, frame: { added: [late], removed: [], currentSize: 121 } });
    const text = cli(['--db', db, 'sample', 'verify', String(made.roundId)]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/DIFFERS/);
    expect(text.stdout).toMatch(new RegExp(`1 incident joined the frame: ${late}`));
  });

  it('refuses bad input with one line on stderr, exit 1, and no round', () => {
    const db = libraryFile();
    const cases: [string[], RegExp][] = [
      [['--from', '2026-10-31', '--to', '2026-10-01'], /date range ends \(2026-10-01\) before it starts \(2026-10-31\)/],
      [['--to', '31/10/2026'], /To date: "31\/10\/2026" is not a date in the form yyyy-mm-dd/],
      [['--reviewers', 'sgt.a,sgt.ghost'], /Unknown reviewer 'sgt.ghost'/],
      [['--seed', ' '], /Seed is empty/],
      [['--strata', 'team,colour'], /Unknown stratum field 'colour'/],
      [['--size', '10'], /give one sample size method, not --size and --confidence with --margin/],
    ];
    for (const [extra, message] of cases) {
      const r = create(db, ...extra);
      expect(r.code, extra.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.json()).toMatchObject({ error: { code: 'bad-input' } });
    }
    const empty = cli(['--db', db, 'sample', 'create', '--name', 'x', '--bcu', 'Nowhere', '--size', '5']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/frame is empty/);
    const tooMany = cli(['--db', db, 'sample', 'create', '--name', 'x', '--size', '500']);
    expect(tooMany.stderr).toMatch(/Fixed sample size 500 is larger than the frame \(120 incidents\)/);
    expect(cli(['--db', db, 'sample', 'list', '--json']).json()).toEqual([]);
    expect(cli(['--db', db, 'sample', 'show', '7']).stderr).toMatch(/round 7 does not exist/);
    expect(cli(['--db', db, 'sample', 'verify', 'seven']).stderr).toMatch(/round must be a round number/);
  });
});

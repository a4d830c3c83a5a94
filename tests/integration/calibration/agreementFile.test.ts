import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureCliBuilt } from '../helpers/cli';
import { KRIPPENDORFF_2011 } from '../../unit/agreement/tables';

beforeAll(() => ensureCliBuilt());
const dir = mkdtempSync(join(tmpdir(), 'bwc-agreement-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}

const csv = (rows: [string, string, string | number][]) => ['unit,rater,value', ...rows.map((r) => r.join(','))].join('\n') + '\n';

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, gaps. */
const kripp = file(
  'kripp2011.csv',
  csv(KRIPPENDORFF_2011.flatMap((row, u) => row.flatMap((v, k) => (v === null ? [] : [[`unit${u + 1}`, 'ABCD'[k]!, v] as [string, string, number]])))),
);

/** Wikipedia, "Cohen's kappa", simple example: 50 proposals; yes/yes 20, yes/no 5, no/yes 10, no/no 15 → κ = 0.4. */
const cohen = file(
  'cohen.csv',
  csv(
    (
      [
        ['yes', 'yes', 20],
        ['yes', 'no', 5],
        ['no', 'yes', 10],
        ['no', 'no', 15],
      ] as const
    ).flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b])).flatMap(([a, b], i) => [
      [`p${i + 1}`, 'reader A', a],
      [`p${i + 1}`, 'reader B', b],
    ]) as [string, string, string][],
  ),
);

/** Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters each, 5 categories → κ = 0.210. */
const fleissCounts = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];
const fleiss = file(
  'fleiss.csv',
  csv(
    fleissCounts.flatMap((counts, s) =>
      counts
        .flatMap((n, category) => Array.from({ length: n }, () => category + 1))
        .map((v, rater) => [`subject${s + 1}`, `rater${rater + 1}`, v] as [string, string, number]),
    ),
  ),
);

/**
 * Gwet, irrCAC 1.0 vignette "Weighted Chance-corrected Agreement Coefficients", cont3x3abstractors (Ectopic 1,
 * AIU 2, NIU 3): quadratic-weighted kappa 0.8921569, unweighted 0.7964094.
 */
const abstractors = file(
  'abstractors.csv',
  csv(
    (
      [
        [1, 1, 13],
        [2, 2, 20],
        [2, 3, 7],
        [3, 2, 4],
        [3, 3, 56],
      ] as const
    )
      .flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b]))
      .flatMap(([a, b], i) => [
        [`case${i + 1}`, 'abstractor1', a],
        [`case${i + 1}`, 'abstractor2', b],
      ]) as [string, string, number][],
  ),
);

type Json = Record<string, unknown> & { reasons: Record<string, string> };

describe('bwc-dip agreement --input: each metric on published examples', () => {
  it("Krippendorff's alpha at every level (0.743 nominal, 0.815 ordinal, 0.849 interval, 0.797 ratio)", () => {
    const expected = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };
    for (const [level, alpha] of Object.entries(expected)) {
      const r = cli(['agreement', '--input', kripp, '--metric', 'krippendorff', '--level', level, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const out = r.json<Json>();
      expect(Object.keys(out)).toEqual(expect.arrayContaining(['units', 'raters', 'krippendorff', 'reasons']));
      expect(out.krippendorff as number).toBeCloseTo(alpha, 3);
      // Only the metric asked for.
      expect(out).not.toHaveProperty('percent');
      expect(out).not.toHaveProperty('cohen');
    }
  });

  it("percent agreement 0.818 and Gwet's AC1 0.775 on the same data (irrCAC cac.raw4raters)", () => {
    const pa = cli(['agreement', '--input', kripp, '--metric', 'percent', '--json']).json<Json>();
    expect(pa.percent as number).toBeCloseTo(0.818, 3);
    const ac1 = cli(['agreement', '--input', kripp, '--metric', 'ac1', '--json']).json<Json>();
    expect(ac1.ac1 as number).toBeCloseTo(0.775, 3);
  });

  it("Cohen's kappa 0.4 for two raters; null with a reason for four", () => {
    const two = cli(['agreement', '--input', cohen, '--metric', 'cohen', '--json']).json<Json>();
    expect(two).toMatchObject({ units: 50, raters: 2, reasons: {} });
    expect(two.cohen as number).toBeCloseTo(0.4, 3);
    const four = cli(['agreement', '--input', kripp, '--metric', 'cohen', '--json']).json<Json>();
    expect(four.cohen).toBeNull();
    expect(four.reasons.cohen).toMatch(/exactly two raters/);
  });

  it("weighted Cohen's kappa: quadratic 0.892, linear between it and unweighted 0.796", () => {
    const run = (weights: string) =>
      cli(['agreement', '--input', abstractors, '--metric', 'cohen', '--level', 'ordinal', '--weights', weights, '--json']).json<Json>()
        .cohen as number;
    expect(run('quadratic')).toBeCloseTo(0.892, 3);
    expect(run('none')).toBeCloseTo(0.796, 3);
    expect(run('linear')).toBeGreaterThan(0.796);
    expect(run('linear')).toBeLessThan(0.892);
  });

  it("Fleiss' kappa 0.210 when every unit has the same number of ratings; null with a reason otherwise", () => {
    const ok = cli(['agreement', '--input', fleiss, '--metric', 'fleiss', '--json']).json<Json>();
    expect(ok).toMatchObject({ units: 10, raters: 14 });
    expect(ok.fleiss as number).toBeCloseTo(0.21, 3);
    const ragged = cli(['agreement', '--input', kripp, '--metric', 'fleiss', '--json']).json<Json>();
    expect(ragged.fleiss).toBeNull();
    expect(ragged.reasons.fleiss).toMatch(/same number of ratings/);
  });

  it('--metric all (the default) prints every metric key, a number or null with its reason', () => {
    const out = cli(['agreement', '--input', kripp, '--json']).json<Json>();
    for (const key of ['units', 'raters', 'percent', 'cohen', 'fleiss', 'krippendorff', 'ac1', 'reasons']) expect(out).toHaveProperty(key);
    expect(out).toMatchObject({ units: 12, raters: 4, excludedUnits: 1 });
    for (const metric of ['percent', 'cohen', 'fleiss', 'krippendorff', 'ac1']) {
      const v = out[metric];
      if (v === null) expect(typeof out.reasons[metric]).toBe('string');
      else expect(typeof v).toBe('number');
    }
    expect(Object.keys(out.reasons).sort()).toEqual(['cohen', 'fleiss']);
  });

  it('prints a readable table: every figure with its band and the units and raters behind it, reasons below', () => {
    const r = cli(['agreement', '--input', kripp, '--level', 'ordinal']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/12 units, 4 raters; ordinal level/);
    expect(r.stdout).toMatch(/1 unit with fewer than two ratings counted but excluded/);
    expect(r.stdout).toMatch(/line 42: unit "unit12" was rated only by "C"/);
    expect(lines.find((l) => l.startsWith("Krippendorff's alpha (ordinal)"))).toMatch(/0\.815\s+reliable\s+11\s+4$/);
    expect(lines.find((l) => l.startsWith('Percent agreement'))).toMatch(/0\.818\s+—\s+11\s+4$/);
    expect(lines.find((l) => l.startsWith("Gwet's AC1"))).toMatch(/0\.775\s+substantial\s+11\s+4$/);
    expect(lines.find((l) => l.startsWith("Cohen's kappa"))).toMatch(/—\s+undefined \[1\]/);
    expect(r.stdout).toMatch(/\[1\] Cohen's kappa needs exactly two raters/);
    expect(r.stdout).toMatch(/\[2\] Fleiss' kappa needs the same number of ratings/);
  });
});

describe('bwc-dip agreement --input: bad input exits 1 with a clear message and nothing half-printed', () => {
  function refused(args: string[], message: RegExp) {
    const r = cli(['agreement', ...args]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.(js|cjs|ts):\d+/);
    return r;
  }

  it('a file without the header', () => {
    const r = refused(['--input', file('noheader.csv', 'c1,Ann,yes\nc1,Bob,no\n')], /line 1: missing header column "unit"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a rater rating the same unit twice, naming both lines', () => {
    const r = refused(['--input', file('twice.csv', 'unit,rater,value\nc1,Ann,yes\nc1,Bob,no\nc1,Ann,no\n')], /line 4: rater "Ann" rated unit "c1" twice \(lines 2 and 4\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('non-numeric values with a numeric level, and every bad line listed at once', () => {
    refused(['--input', file('words.csv', 'unit,rater,value\nc1,Ann,yes\nc1,Bob,2\n'), '--level', 'interval'], /line 2: value "yes" is not a number \(interval ratings must be numeric\)/);
    const r = refused(
      ['--input', file('several.csv', 'unit,rater,value\nc1,Ann,3\nc1,Bob,high\nc2,Ann,2\nc2,,4\nc3,Bob,1e999\n'), '--level', 'ordinal'],
      /3 problems, nothing computed/,
    );
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      'line 3: value "high" is not a number (ordinal ratings must be numeric)',
      'line 5: rater is empty',
      'line 6: value "1e999" is too large',
    ]);
  });

  it('an empty file, and a header with no ratings', () => {
    refused(['--input', file('empty.csv', '')], /the file is empty/);
    refused(['--input', file('headeronly.csv', 'unit,rater,value\n')], /no ratings/);
  });

  it('a missing file, a folder, and option mistakes', () => {
    refused(['--input', join(dir, 'nope.csv')], /cannot read .*nope\.csv: no such file/);
    refused(['--input', dir], /is a folder/);
    refused(['--input', kripp, '--metric', 'kappa'], /--metric must be percent, cohen, fleiss, krippendorff, ac1, all; got 'kappa'/);
    refused(['--input', kripp, '--level', 'nominal', '--weights', 'linear'], /--weights linear .* add --level ordinal/);
    refused(['--input', kripp, '--item', '3'], /--item applies to --round only/);
    refused([], /give either --input FILE\.csv or --round ID/);
    refused(['--input', kripp, '--round', '1'], /give either --input FILE\.csv or --round ID/);
  });

  it('in --json mode the error is the only thing on stdout', () => {
    const r = cli(['agreement', '--input', file('noheader2.csv', '1,2,3\n'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'bad-input', message: expect.stringMatching(/missing header column/) } });
  });
});

describe('bwc-dip agreement --input: units rated by one rater', () => {
  it('are counted, excluded from every figure and reported with their line', () => {
    const path = file('thin.csv', 'unit,rater,value\nc1,Ann,yes\nc1,Bob,yes\nc2,Ann,no\nc2,Bob,yes\nc3,Ann,no\nc4,Bob,\nc4,Ann,\n');
    const r = cli(['agreement', '--input', path, '--json']);
    expect(r.code).toBe(0);
    const out = r.json<Json & { details: Record<string, { units: number; excludedUnits: number }>; warnings: unknown[] }>();
    expect(out).toMatchObject({ units: 4, raters: 2, excludedUnits: 2, percent: 0.5 });
    expect(out.details.percent).toMatchObject({ units: 2, excludedUnits: 2 });
    expect(out.warnings).toEqual([
      { line: 6, message: 'unit "c3" was rated only by "Ann": excluded from the statistics' },
      { line: 7, message: 'unit "c4" has no ratings (all values empty): excluded from the statistics' },
    ]);
  });
});

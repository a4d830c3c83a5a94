import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureCliBuilt } from '../helpers/cli';
import { rubric } from './answers';
import { makeWorld, type World } from './world';

beforeAll(() => ensureCliBuilt());

const HEADER = 'incident,reviewer,item,answer,notes';
function review(incident: string, reviewer: string, answer = 'yes'): string[] {
  return [
    `${incident},${reviewer},scope,yes,`,
    ...rubric.items.map((i) => `${incident},${reviewer},${i.number},${answer},`),
    `${incident},${reviewer},overall,good,"Spoke to the child, alone"`,
    `${incident},${reviewer},escalation,no,`,
  ];
}

/** A database file on disk, closed so the CLI process can open it. */
function worldOnDisk(): World {
  const w = makeWorld({ reviewers: ['sgt.a', 'sgt.b'] });
  w.db.close();
  return w;
}

describe('bwc-dip scores as a process', () => {
  it('imports (dry run first), then exports the same file byte for byte', () => {
    const w = worldOnDisk();
    const file = join(w.dir, 'scores.csv');
    const text = [HEADER, ...review('CAD 1001/02MAR26', 'sgt.a'), ...review('CAD 1002/02MAR26', 'sgt.b', 'partly')].join('\r\n') + '\r\n';
    writeFileSync(file, text);

    const dry = cli(['--db', w.dbPath, 'scores', 'import', file, '--round', String(w.roundId), '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(dry.json()).toEqual({
      roundId: w.roundId,
      file,
      dryRun: true,
      rows: 40,
      reviews: 2,
      imported: 0,
      assignmentsAdded: 0,
      errors: [],
    });

    const done = cli(['--db', w.dbPath, 'scores', 'import', file, '--round', String(w.roundId)]);
    expect(done.code).toBe(0);
    expect(done.stdout.trim()).toBe(`imported 2 review(s) from 40 row(s) into round ${w.roundId}`);

    const out = join(w.dir, 'export.csv');
    const exp = cli(['--db', w.dbPath, 'scores', 'export', '--round', String(w.roundId), '--out', out, '--json']);
    expect(exp.code).toBe(0);
    expect(exp.json()).toEqual({ roundId: w.roundId, out, reviews: 2, rows: 40 });
    expect(readFileSync(out, 'utf8')).toBe(text);

    const audit = cli(['--db', w.dbPath, 'log', 'verify', '--json']);
    expect(audit.json<{ ok: boolean }>().ok).toBe(true);
  });

  it('exits 1 listing every bad row by line, and writes nothing', () => {
    const w = worldOnDisk();
    const file = join(w.dir, 'bad.csv');
    writeFileSync(file, [HEADER, ...review('CAD 1001/02MAR26', 'sgt.a'), 'CAD 1001/02MAR26,nobody,scope,yes,', 'CAD 1002/02MAR26,sgt.b,7,sometimes,'].join('\n'));
    const r = cli(['--db', w.dbPath, 'scores', 'import', file, '--round', String(w.roundId)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/nothing imported; 3 problem\(s\):/);
    expect(r.stdout).toMatch(/^line 22: reviewer 'nobody' is not a known user/m);
    expect(r.stdout).toMatch(/^line 23: answer 'sometimes' is not valid for item 7/m);
    const json = cli(['--db', w.dbPath, 'scores', 'import', file, '--round', String(w.roundId), '--json']);
    expect(json.code).toBe(1);
    expect(json.json<{ imported: number; errors: { line: number }[] }>()).toMatchObject({ imported: 0, errors: [{ line: 22 }, { line: 23 }, { line: 23 }] });
    const exp = cli(['--db', w.dbPath, 'scores', 'export', '--round', String(w.roundId), '--out', join(w.dir, 'e.csv'), '--json']);
    expect(exp.json<{ reviews: number }>().reviews).toBe(0);
  });

  it('refuses a missing file, a missing or unknown round, and an output folder that does not exist', () => {
    const w = worldOnDisk();
    const missing = cli(['--db', w.dbPath, 'scores', 'import', join(w.dir, 'nope.csv'), '--round', String(w.roundId)]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv: no such file/);
    const file = join(w.dir, 's.csv');
    writeFileSync(file, `${HEADER}\n`);
    expect(cli(['--db', w.dbPath, 'scores', 'import', file]).stderr).toMatch(/--round is required/);
    expect(cli(['--db', w.dbPath, 'scores', 'import', file, '--round', 'x']).stderr).toMatch(/--round must be a number/);
    const unknown = cli(['--db', w.dbPath, 'scores', 'import', file, '--round', '999', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toEqual({ error: { code: 'not-found', message: 'round 999 does not exist' } });
    const badOut = cli(['--db', w.dbPath, 'scores', 'export', '--round', String(w.roundId), '--out', join(w.dir, 'no', 'x.csv')]);
    expect(badOut.code).toBe(1);
    expect(badOut.stderr).toMatch(/output folder does not exist/);
  });
});

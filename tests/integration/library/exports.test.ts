import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndex, type IndexOptions } from '../../../electron/core/library/indexRun';
import { getIncident, listIncidents } from '../../../electron/core/library/incidentsRepo';
import { problemsPage } from '../../../electron/core/library/problemsView';
import { incidentListInputSchema } from '../../../shared/ipc/library';
import { FIXTURES, makeTemplates, removeTmpDirs, type Templates, type TestCore, testCore, tmpDir, uniqueCopy } from './media';

let t: Templates;
afterAll(removeTmpDirs);
beforeAll(async () => {
  t = await makeTemplates();
});

const newDir = (prefix = 'bwc-exp-') => tmpDir(prefix);
const opts = (roots: string[], manifests: string[], more: Partial<IndexOptions> = {}): IndexOptions => ({
  roots, manifests, mapping: 'axon', hash: false, proximityMinutes: null, ...more,
});
const HEADER = 'ID,Title,Categories,Description,Owner,Recorded By,Recorded On,Uploaded On,Duration,Cases,Tags,Evidence Group,File Name';
const csv = (rows: string[], eol = '\r\n') => `\ufeff${[HEADER, ...rows].join(eol)}${eol}`;
const clipRow = (c: TestCore, rel: string) =>
  c.db.prepare('SELECT c.*, e.evidence_id AS ev FROM clips c LEFT JOIN evidence e ON e.id = c.evidence_id WHERE rel_path = ?').get(rel) as Record<string, unknown>;
const all = (c: TestCore) => listIncidents(c.db, incidentListInputSchema.parse({ sort: 'started', dir: 'asc', limit: 5000 })).rows;

describe('the sample Axon-style export', () => {
  it('imports every row, links files by name and by evidence ID in the path, and reports both kinds of mismatch', async () => {
    const root = newDir();
    uniqueCopy(t.start, join(root, 'Axon_Body_3_Video_2026-10-24_0215.mp4'), 1);
    uniqueCopy(t.start, join(root, 'sub', 'axon_body_3_video_2026-10-04_0757.MP4'), 2);
    uniqueCopy(t.end, join(root, '0c5c7fd0a6a3a450', 'export.mp4'), 3);
    uniqueCopy(t.start, join(root, 'extra.mp4'), 4);
    const manifest = join(newDir(), 'export.csv');
    copyFileSync(join(FIXTURES, 'axon-style-export.csv'), manifest);
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root], [manifest]));

    expect(s.evidence).toEqual({ manifests: 1, rows: 24, added: 24, updated: 0, rowsWithoutClip: 21, clipsWithoutRow: 1 });
    // The fixture: BOM, CRLF, a quoted newline in line 7's description (so the duplicate of line 5 is physical line 27),
    // and line 7's time in the hour repeated when the clocks went back on 25/10/2026.
    expect(s.skipped).toEqual(expect.arrayContaining([
      { path: manifest, line: 27, reason: 'duplicate of line 5' },
      { path: manifest, line: 7, reason: expect.stringMatching(/repeated when the clocks went back/) },
    ]));
    expect(s.skipped.filter((k) => k.reason.startsWith('no file on disk matches evidence'))).toHaveLength(21);
    expect(clipRow(c, 'Axon_Body_3_Video_2026-10-24_0215.mp4')).toMatchObject({ ev: '6b0d549b6f03675a', officer: 'PC 1234CE', officer_id: '1234CE', recorded_at_source: 'file' });
    expect(clipRow(c, 'sub/axon_body_3_video_2026-10-04_0757.MP4')).toMatchObject({ ev: 'c1d3fcff2a3af4d4', officer: 'PC 3090CE' });
    // No time in the file: the export's local time (15/10/2026 17:42 BST) is used, and said to be.
    expect(clipRow(c, '0c5c7fd0a6a3a450/export.mp4')).toMatchObject({ ev: '0c5c7fd0a6a3a450', recorded_at: '2026-10-15T16:42:00.000Z', recorded_at_source: 'export' });
    expect(clipRow(c, 'extra.mp4')).toMatchObject({ ev: null, officer: null });

    const incidents = all(c);
    expect(incidents).toHaveLength(4);
    const cad = incidents.find((i) => i.reference === 'CAD 4517/24OCT26')!;
    expect(cad).toMatchObject({
      source: 'reference', team: 'CE-NPT-Hackney', bcu: null, officers: ['PC 1234CE'], officerIds: ['1234CE'],
      categories: ['Domestic Abuse'], flags: ['child-present', 'domestic-abuse'], clipCount: 1,
    });
    expect(incidents.find((i) => i.reference === 'CAD 2934/04OCT26')).toMatchObject({ bcu: 'Central East', team: 'CE-ERT-A', flags: ['child-present', 'domestic-abuse'] });
    expect(getIncident(c.db, cad.id).evidence.map((e) => [e.evidenceId, e.line])).toEqual([['6b0d549b6f03675a', 3]]);

    const problems = problemsPage(c.db, 0, 1000);
    expect(problems.rows.filter((p) => p.kind === 'row-without-clip')).toHaveLength(21);
    expect(problems.rows.filter((p) => p.kind === 'clip-without-row')).toEqual([{ kind: 'clip-without-row', path: join(root, 'extra.mp4'), line: null, reason: expect.any(String) }]);
    expect(problems.total).toBe(problems.rows.length);
    expect(problemsPage(c.db, 5, 3).rows).toEqual(problems.rows.slice(5, 8));

    // Importing the same export again changes nothing at all.
    const before = c.db.prepare('SELECT * FROM evidence ORDER BY id').all();
    const again = await runIndex(c.ctx, opts([root], [manifest]));
    expect(again.evidence).toMatchObject({ rows: 24, added: 0, updated: 0 });
    expect(again.grouping.regrouped).toBe(false);
    expect(c.db.prepare('SELECT * FROM evidence ORDER BY id').all()).toEqual(before);
  });
});

describe('messy exports', () => {
  it('reports a missing required column, a wrong date, a duplicate and a quoted newline by line, and keeps going', async () => {
    const root = newDir();
    uniqueCopy(t.end, join(root, 'one.mp4'), 10);
    uniqueCopy(t.end, join(root, 'two.mp4'), 11);
    const dir = newDir();
    const good = join(dir, 'good.csv');
    writeFileSync(good, csv([
      'e1,T,Domestic Abuse,"first line\nsecond, quoted ""line""",PC 1,PC 1,24/10/2026 02:15,,00:00:01,CAD 1234/24OCT26,,TEAM-A,one.mp4',
      'e2,T,Public Order,,PC 2,PC 2,2026/10/24 02:20,,00:00:01,,,TEAM-A,two.mp4',
      'e2,T,Public Order,,PC 2,PC 2,2026/10/24 02:20,,00:00:01,,,TEAM-A,two.mp4',
      'e3,T,Public Order,,PC 3,PC 3,24/10/2026 03:00,,00:00:01,,,TEAM-B,absent.mp4',
    ]));
    const noDate = join(dir, 'no-date.csv');
    writeFileSync(noDate, `${HEADER.replace('Recorded On,', '')}\nx,T,C,,PC 1,PC 1,,00:00:01,,,TEAM-A,one.mp4\n`);
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root], [good, noDate]));
    expect(s.status).toBe('completed');
    expect(s.evidence).toMatchObject({ rows: 3, added: 3, rowsWithoutClip: 1, clipsWithoutRow: 0 });
    const at = (path: string, line: number) => s.skipped.filter((k) => k.path === path && k.line === line).map((k) => k.reason);
    // The quoted newline puts e2 on physical line 4 and its duplicate on line 5.
    expect(at(good, 4)).toEqual([expect.stringMatching(/2026\/10\/24 02:20.*time left unknown/)]);
    expect(at(good, 5)).toEqual(['duplicate of line 4']);
    expect(at(good, 6)).toEqual([expect.stringMatching(/no file on disk matches evidence e3/)]);
    expect(at(noDate, 1)).toEqual([expect.stringMatching(/missing required column\(s\) "Recorded On"/)]);
    expect(clipRow(c, 'one.mp4')).toMatchObject({ ev: 'e1', recorded_at: '2026-10-24T01:15:00.000Z' });
    expect(clipRow(c, 'two.mp4')).toMatchObject({ ev: 'e2', recorded_at: null, officer: 'PC 2' });
    expect(c.db.prepare("SELECT description FROM evidence WHERE evidence_id = 'e1'").pluck().get()).toBe('first line\nsecond, quoted "line"');
  });

  it('re-imports a re-sorted export as the same evidence (new lines, nothing added or changed) and a corrected row as a change', async () => {
    const root = newDir();
    const manifest = join(newDir(), 'sorted.csv');
    const r1 = 's1,T,Public Order,,PC 1,PC 1,01/10/2026 10:00,,00:00:01,CAD 10/01OCT26,,TEAM-A,s1.mp4';
    const r2 = 's2,T,Public Order,,PC 2,PC 2,01/10/2026 11:00,,00:00:01,CAD 11/01OCT26,,TEAM-A,s2.mp4';
    writeFileSync(manifest, csv([r1, r2]));
    const c = testCore();
    expect((await runIndex(c.ctx, opts([root], [manifest]))).evidence).toMatchObject({ rows: 2, added: 2, updated: 0 });
    const lines = () => c.db.prepare('SELECT evidence_id, line, title FROM evidence ORDER BY evidence_id').all();
    expect(lines()).toEqual([{ evidence_id: 's1', line: 2, title: 'T' }, { evidence_id: 's2', line: 3, title: 'T' }]);
    writeFileSync(manifest, csv([r2, r1]));
    expect((await runIndex(c.ctx, opts([root], [manifest]))).evidence).toMatchObject({ rows: 2, added: 0, updated: 0 });
    expect(lines()).toEqual([{ evidence_id: 's1', line: 3, title: 'T' }, { evidence_id: 's2', line: 2, title: 'T' }]);
    writeFileSync(manifest, csv([r2, r1.replace(',T,', ',Corrected,')]));
    expect((await runIndex(c.ctx, opts([root], [manifest]))).evidence).toMatchObject({ rows: 2, added: 0, updated: 1 });
    expect(lines()).toEqual([{ evidence_id: 's1', line: 3, title: 'Corrected' }, { evidence_id: 's2', line: 2, title: 'T' }]);
  });

  it('reads an export that is not UTF-8 as Windows-1252, and says so', async () => {
    const root = newDir();
    uniqueCopy(t.end, join(root, 'one.mp4'), 20);
    const path = join(newDir(), 'latin.csv');
    writeFileSync(path, Buffer.concat([Buffer.from(`${HEADER}\ne1,Caf`), Buffer.from([0xe9]), Buffer.from(',C,,PC 1,PC 1,24/10/2026 02:15,,,,,TEAM-A,one.mp4\n')]));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root], [path]));
    expect(s.skipped).toContainEqual({ path, reason: expect.stringMatching(/not valid UTF-8; read as Windows-1252/) });
    expect(c.db.prepare('SELECT title, officer FROM evidence').get()).toEqual({ title: 'Café', officer: 'PC 1' });
    expect(clipRow(c, 'one.mp4')).toMatchObject({ ev: 'e1' });
  });

  it('decodes a large export a megabyte at a time: a character split across slices, and bad bytes far into the file', async () => {
    const root = newDir();
    uniqueCopy(t.end, join(root, 'one.mp4'), 21);
    const MIB = 1 << 20;
    // "é" of row e2 is two bytes, c3 a9: a padding line puts its first byte last in the first megabyte.
    const head = Buffer.from(`${HEADER}\ne1,Café,C,,PC 1,PC 1,24/10/2026 02:15,,,,,TEAM-A,one.mp4\n`);
    const split = Buffer.concat([Buffer.from('e2,Caf'), Buffer.from([0xc3])]);
    const pad = (n: number) => Buffer.from(`${'x'.repeat(n - 1)}\n`);
    const body = Buffer.concat([head, pad(MIB - head.length - split.length), split]);
    expect(body.length).toBe(MIB);
    const utf8Export = join(newDir(), 'big.csv');
    writeFileSync(utf8Export, Buffer.concat([body, Buffer.from([0xa9]), Buffer.from(',C,,PC 2,PC 2,24/10/2026 03:15,,,,,TEAM-A,two.mp4\n')]));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root], [utf8Export]));
    expect(s.skipped.filter((k) => /UTF-8/.test(k.reason))).toEqual([]);
    expect(c.db.prepare("SELECT title FROM evidence WHERE evidence_id = 'e2'").pluck().get()).toBe('Café');
    expect(c.db.prepare("SELECT title FROM evidence WHERE evidence_id = 'e1'").pluck().get()).toBe('Café');

    // An export whose only non-UTF-8 byte is two megabytes in: all of it is read as Windows-1252, and that is said.
    const latinExport = join(newDir(), 'big-latin.csv');
    writeFileSync(latinExport, Buffer.concat([Buffer.from(`${HEADER}\n`), pad(2 * MIB), Buffer.from('e3,Caf'), Buffer.from([0xe9]), Buffer.from(',C,,PC 3,PC 3,24/10/2026 04:15,,,,,TEAM-A,three.mp4\n')]));
    const s2 = await runIndex(c.ctx, opts([root], [latinExport]));
    expect(s2.skipped).toContainEqual({ path: latinExport, reason: expect.stringMatching(/not valid UTF-8; read as Windows-1252/) });
    expect(c.db.prepare("SELECT title FROM evidence WHERE evidence_id = 'e3'").pluck().get()).toBe('Café');
  });

  it('reads another force\'s shape through a mapping file, and refuses a broken one naming the field', async () => {
    const root = newDir();
    uniqueCopy(t.end, join(root, 'clip-9.mp4'), 30);
    const dir = newDir();
    const mapping = join(dir, 'force.json');
    writeFileSync(mapping, JSON.stringify({
      name: 'Other force', version: 1,
      columns: { id: 'Ref', officer: 'Officer', recordedOn: 'Start', fileName: 'Clip', cases: 'Incident', team: 'Unit' },
      dateFormat: 'iso',
      flags: [{ name: 'child-present', when: { column: 'Notes', contains: 'child' } }],
    }));
    const manifest = join(dir, 'other.csv');
    writeFileSync(manifest, 'Ref,Officer,Start,Clip,Incident,Unit,Notes\nR9,PC 9,2026-10-24T02:15:00Z,clip-9.mp4,CRIS 1234567/26,U1,two children present\n');
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root], [manifest], { mapping }));
    expect(s.evidence).toMatchObject({ rows: 1, rowsWithoutClip: 0 });
    expect(all(c)).toEqual([expect.objectContaining({ reference: 'CRIS 1234567/26', team: 'U1', officers: ['PC 9'], flags: ['child-present'] })]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'x', version: 1, columns: { id: 'Ref', recordedOn: 'Start' } }));
    await expect(runIndex(c.ctx, opts([root], [manifest], { mapping: bad }))).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/columns\.officer/) });
  });
});

describe('grouping into incidents', () => {
  const rows = (extra: string[] = [], twoCase = 'cad1234/24oct26') => [
    `e1,T,Domestic Abuse,,PC 1,PC 1,24/10/2026 02:15,,00:00:01,CAD 1234/24OCT26,child present,TEAM-A,one.mp4`,
    `e2,T,Concern for Welfare,,PC 2,PC 2,24/10/2026 02:20,,00:00:01,${twoCase},BCU:Central East,TEAM-A,two.mp4`,
    `e3,T,Public Order,,PC 3,PC 3,24/10/2026 03:00,,00:00:01,,,TEAM-B,three.mp4`,
    ...extra,
  ];

  it('groups clips by normalised reference, derives the incident, and keeps incident ids stable as clips come and go', async () => {
    const root = newDir();
    for (const [i, n] of ['one', 'two', 'three'].entries()) uniqueCopy(t.end, join(root, `${n}.mp4`), 40 + i);
    const manifest = join(newDir(), 'e.csv');
    writeFileSync(manifest, csv(rows()));
    const c = testCore();
    await runIndex(c.ctx, opts([root], [manifest]));
    let incidents = all(c);
    expect(incidents).toHaveLength(2);
    const joint = incidents.find((i) => i.reference === 'CAD 1234/24OCT26')!;
    expect(joint).toMatchObject({
      source: 'reference', clipCount: 2, team: 'TEAM-A', bcu: 'Central East', officers: ['PC 1', 'PC 2'],
      categories: ['Concern for Welfare', 'Domestic Abuse'], flags: ['child-present', 'domestic-abuse'],
      startedAt: '2026-10-24T01:15:00.000Z', endedAt: '2026-10-24T01:20:01.000Z',
    });
    const single = incidents.find((i) => i.reference === null)!;

    // A fourth clip of the same call joins the same incident.
    uniqueCopy(t.end, join(root, 'four.mp4'), 43);
    writeFileSync(manifest, csv(rows(['e4,T,Domestic Abuse,,PC 4,PC 4,24/10/2026 02:30,,00:00:01,CAD 1234/24OCT26,,TEAM-A,four.mp4'])));
    const s = await runIndex(c.ctx, opts([root], [manifest]));
    expect(s.evidence).toMatchObject({ added: 1, updated: 0 });
    incidents = all(c);
    expect(incidents.find((i) => i.id === joint.id)).toMatchObject({ clipCount: 3, officers: ['PC 1', 'PC 2', 'PC 4'] });
    expect(incidents.find((i) => i.id === single.id)).toMatchObject({ clipCount: 1 });

    // e2 corrected to another call: it leaves; the incident keeps its id with the clips that stayed.
    writeFileSync(manifest, csv(rows(['e4,T,Domestic Abuse,,PC 4,PC 4,24/10/2026 02:30,,00:00:01,CAD 1234/24OCT26,,TEAM-A,four.mp4'], 'CAD 999/24OCT26')));
    const s2 = await runIndex(c.ctx, opts([root], [manifest]));
    expect(s2.evidence).toMatchObject({ added: 0, updated: 1 });
    incidents = all(c);
    expect(incidents).toHaveLength(3);
    expect(incidents.find((i) => i.id === joint.id)).toMatchObject({ reference: 'CAD 1234/24OCT26', clipCount: 2, officers: ['PC 1', 'PC 4'] });
    expect(incidents.find((i) => i.reference === 'CAD 999/24OCT26')).toMatchObject({ clipCount: 1, officers: ['PC 2'] });
  });

  it('applies the optional proximity rule (same team, within N minutes) and says so in the summary', async () => {
    const root = newDir();
    for (const n of ['p1', 'p2', 'p3', 'p4']) uniqueCopy(t.end, join(root, `${n}.mp4`), 50 + Number(n[1]));
    const manifest = join(newDir(), 'p.csv');
    writeFileSync(manifest, csv([
      'p1,T,C,,PC 1,PC 1,24/10/2026 10:00,,00:01:00,,,TEAM-A,p1.mp4',
      'p2,T,C,,PC 2,PC 2,24/10/2026 10:12,,00:01:00,,,TEAM-A,p2.mp4',
      'p3,T,C,,PC 3,PC 3,24/10/2026 11:00,,00:01:00,,,TEAM-A,p3.mp4',
      'p4,T,C,,PC 4,PC 4,24/10/2026 10:05,,00:01:00,,,TEAM-B,p4.mp4',
    ]));
    const c = testCore();
    const off = await runIndex(c.ctx, opts([root], [manifest]));
    expect(off.grouping).toMatchObject({ rule: 'reference', proximityMinutes: null });
    expect(all(c)).toHaveLength(4);
    const on = await runIndex(c.ctx, opts([root], [manifest], { proximityMinutes: 15 }));
    expect(on.grouping).toMatchObject({ rule: 'reference+proximity', proximityMinutes: 15, regrouped: true });
    const incidents = all(c);
    expect(incidents.map((i) => [i.source, i.officers])).toEqual([
      ['proximity', ['PC 1', 'PC 2']],
      ['single', ['PC 4']],
      ['single', ['PC 3']],
    ]);
  });
});

describe('sidecars', () => {
  it('reads Motorola JSON/VTT sidecars beside a clip: officer, camera, start, bookmarks, GPS, references', async () => {
    const root = newDir();
    uniqueCopy(t.end, join(root, 'moto', 'clip1.mp4'), 60);
    copyFileSync(join(FIXTURES, 'motorola-style-sidecar.json'), join(root, 'moto', 'clip1.json'));
    copyFileSync(join(FIXTURES, 'motorola-style-sidecar.vtt'), join(root, 'moto', 'clip1.vtt'));
    const side = (n: number, extra: object) => JSON.stringify({
      DeviceSerial: `VB-${n}`, Officer: `PC ${n}`, StartTime: '2026-10-12T19:00:00Z', EndTime: '2026-10-12T19:10:00Z', DataPoints: [], ...extra,
    });
    uniqueCopy(t.end, join(root, 'moto', 'clip2.mp4'), 61);
    writeFileSync(join(root, 'moto', 'clip2.json'), side(2, { References: 'CAD 777/12OCT26' }));
    uniqueCopy(t.end, join(root, 'moto', 'clip3.mp4'), 62);
    writeFileSync(join(root, 'moto', 'clip3.json'), side(3, { References: ['cad 777/12oct26'] }));
    uniqueCopy(t.end, join(root, 'moto', 'clip4.mp4'), 63);
    writeFileSync(join(root, 'moto', 'clip4.json'), '{ not json');
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root], []));
    expect(clipRow(c, 'moto/clip1.mp4')).toMatchObject({
      officer: 'PC 2211CE', officer_id: '2211CE', serial: 'VB400-0042117', recorded_at: '2026-10-12T18:04:51.000Z',
      recorded_at_source: 'sidecar', side_source: 'motorola',
    });
    expect(clipRow(c, 'moto/clip1.mp4').lat).toBeCloseTo(51.54512, 5);
    expect(clipRow(c, 'moto/clip1.mp4').lon).toBeCloseTo(-0.05543, 5);
    expect(JSON.parse(clipRow(c, 'moto/clip1.mp4').bookmarks as string)).toEqual([{ t: '2026-10-12T18:09:30.000Z', label: 'child present' }]);
    expect(all(c).find((i) => i.reference === 'CAD 777/12OCT26')).toMatchObject({ clipCount: 2, officers: ['PC 2', 'PC 3'] });
    expect(s.skipped).toEqual([{ path: join(root, 'moto', 'clip4.json'), reason: expect.stringMatching(/not valid JSON/) }]);
    expect(clipRow(c, 'moto/clip4.mp4')).toMatchObject({ side_source: null, officer: null });

    // A changed sidecar re-reads its clip.
    writeFileSync(join(root, 'moto', 'clip2.json'), side(5, {}));
    const again = await runIndex(c.ctx, opts([root], []));
    expect(again).toMatchObject({ updated: 1, unchanged: 3 });
    expect(clipRow(c, 'moto/clip2.mp4')).toMatchObject({ officer: 'PC 5', serial: 'VB-5' });
  });

  it('reads Axis-style recording folders: officer and camera from the folder and metadata.json, start from the clip name', async () => {
    const root = newDir();
    const folder = join(root, 'PC1234CE_B4A2000187_20261003T221500Z');
    uniqueCopy(t.end, join(folder, '20261003T221502Z_7f3a1c.mp4'), 70);
    uniqueCopy(t.end, join(folder, '20261003T222913Z_7f3a1d.mp4'), 71);
    writeFileSync(join(folder, 'metadata.json'), JSON.stringify({ UserID: 'PC1234CE', BWCSerialNumber: 'B4A2000999', TriggerOnTimeISO: '2026-10-03T22:15:00Z' }));
    mkdirSync(join(root, 'PS77CE_B4A2000190_20261014T081200Z'));
    copyFileSync(t.mkv, join(root, 'PS77CE_B4A2000190_20261014T081200Z', '20261014T081205Z_81bb02.mkv'));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root], []));
    expect(clipRow(c, 'PC1234CE_B4A2000187_20261003T221500Z/20261003T221502Z_7f3a1c.mp4')).toMatchObject({
      officer: 'PC1234CE', officer_id: '1234CE', serial: 'B4A2000999', recorded_at: '2026-10-03T22:15:02.000Z', recorded_at_source: 'name', side_source: 'axis',
    });
    expect(clipRow(c, 'PS77CE_B4A2000190_20261014T081200Z/20261014T081205Z_81bb02.mkv')).toMatchObject({
      officer: 'PS77CE', serial: 'B4A2000190', recorded_at: '2026-10-14T08:12:05.000Z', playable: 0,
    });
    // The folder says one serial, its metadata.json another: reported once, against the metadata file.
    expect(s.skipped).toEqual([{ path: join(folder, 'metadata.json'), reason: expect.stringMatching(/folder serial "B4A2000187" but metadata BWCSerialNumber "B4A2000999"/) }]);
  });
});

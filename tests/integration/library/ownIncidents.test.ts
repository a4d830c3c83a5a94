import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndex, type IndexOptions } from '../../../electron/core/library/indexRun';
import { regroup, regroupNeeded } from '../../../electron/core/library/regroup';
import { makeTemplates, removeTmpDirs, type Templates, type TestCore, testCore, tmpDir, uniqueCopy } from './media';

/**
 * A new clip that can only ever be an incident of its own (no reference, no export rows, proximity off) is written
 * with its incident during the scan. These tests hold that shortcut to the grouping rule: what it writes is exactly
 * what regrouping would write, it steps aside whenever the rule could give the clip anything else, and a run stopped
 * half-way leaves no clip without its incident and no incident without its clip.
 */
let t: Templates;
afterAll(removeTmpDirs);
beforeAll(async () => {
  t = await makeTemplates();
});

const opts = (roots: string[], more: Partial<IndexOptions> = {}): IndexOptions => ({
  roots, manifests: [], mapping: 'axon', hash: false, proximityMinutes: null, ...more,
});
const incidents = (c: TestCore) => c.db.prepare('SELECT * FROM incidents ORDER BY id').all();
const junctions = (c: TestCore) => c.db.prepare('SELECT * FROM incident_officers ORDER BY incident_id, officer').all();
const clipIncidents = (c: TestCore) =>
  c.db.prepare('SELECT rel_path, incident_id FROM clips ORDER BY rel_path').all() as { rel_path: string; incident_id: number | null }[];
const sidecar = (n: number, extra: object = {}) => JSON.stringify({
  DeviceSerial: `VB-${n}`, Officer: `PC ${n}`, StartTime: '2026-10-12T19:00:00Z', EndTime: '2026-10-12T19:10:00Z', DataPoints: [], ...extra,
});

describe('new clips written with their own incident', () => {
  it('gives each clip of a first index of footage its incident without a regrouping pass, as regrouping would', async () => {
    const root = tmpDir('bwc-own-');
    for (let i = 0; i < 12; i++) uniqueCopy(i % 2 ? t.end : t.start, join(root, `PC ${i % 3}/c${i}.mp4`), 700 + i);
    // An officer from a sidecar, and a sidecar citing only free text (not a reference): both still stand alone.
    writeFileSync(join(root, 'PC 0', 'c0.json'), sidecar(40));
    writeFileSync(join(root, 'PC 1', 'c1.json'), sidecar(41, { References: 'see notes' }));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root]));
    expect(s).toMatchObject({ added: 12, clips: 12, incidents: 12 });
    expect(s.grouping).toMatchObject({ regrouped: false, created: 12, changed: 0 });
    const clips = clipIncidents(c);
    expect(clips.every((r) => r.incident_id !== null)).toBe(true);
    expect(new Set(clips.map((r) => r.incident_id)).size).toBe(12);
    expect(c.db.prepare("SELECT DISTINCT source, clip_count FROM incidents").all()).toEqual([{ source: 'single', clip_count: 1 }]);
    expect(c.db.prepare("SELECT officers FROM incidents WHERE id = (SELECT incident_id FROM clips WHERE rel_path = 'PC 0/c0.mp4')").pluck().get()).toBe('["PC 40"]');
    expect(regroupNeeded(c.db, null)).toBe(false);

    // Regrouping the whole library from its rows finds nothing to write: the shortcut wrote what the rule derives.
    const before = { incidents: incidents(c), officers: junctions(c), clips: clipIncidents(c) };
    expect(await regroup(c.db, null, new Date().toISOString())).toEqual({ created: 0, changed: 0, superseded: 0, removed: 0 });
    expect({ incidents: incidents(c), officers: junctions(c), clips: clipIncidents(c) }).toEqual(before);
  });

  it('leaves a clip citing a reference to regrouping, and the clips beside it keep their own incidents', async () => {
    const root = tmpDir('bwc-own-');
    for (let i = 0; i < 4; i++) uniqueCopy(t.end, join(root, `m/c${i}.mp4`), 720 + i);
    writeFileSync(join(root, 'm', 'c2.json'), sidecar(2, { References: 'CAD 777/12OCT26' }));
    writeFileSync(join(root, 'm', 'c3.json'), sidecar(3, { References: ['cad 777/12oct26'] }));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([root]));
    expect(s.grouping).toMatchObject({ regrouped: true, created: 3 });
    expect(s.incidents).toBe(3);
    const byPath = new Map(clipIncidents(c).map((r) => [r.rel_path, r.incident_id]));
    expect(byPath.get('m/c2.mp4')).toBe(byPath.get('m/c3.mp4'));
    expect(c.db.prepare('SELECT reference, clip_count FROM incidents WHERE id = ?').get(byPath.get('m/c2.mp4'))).toEqual({ reference: 'CAD 777/12OCT26', clip_count: 2 });
    const before = incidents(c);
    expect(await regroup(c.db, null, new Date().toISOString())).toEqual({ created: 0, changed: 0, superseded: 0, removed: 0 });
    expect(incidents(c)).toEqual(before);
  });

  it('steps aside when the library holds export rows or the proximity rule is on', async () => {
    const withExport = tmpDir('bwc-own-');
    uniqueCopy(t.end, join(withExport, 'a.mp4'), 730);
    uniqueCopy(t.end, join(withExport, 'b.mp4'), 731);
    const manifest = join(tmpDir('bwc-own-csv-'), 'e.csv');
    writeFileSync(manifest, [
      'ID,Title,Categories,Description,Owner,Recorded By,Recorded On,Uploaded On,Duration,Cases,Tags,Evidence Group,File Name',
      'ea,T,Domestic Abuse,,PC 1,PC 1,01/10/2026 10:00,,00:00:01,,"child present, BCU:Central East",CE-ERT-A,a.mp4',
    ].join('\n'));
    const c = testCore();
    const s = await runIndex(c.ctx, opts([withExport], { manifests: [manifest] }));
    // The export row gives a.mp4 its team, BCU, category and flag: only the link and group passes can know that.
    expect(s.grouping).toMatchObject({ regrouped: true, created: 2 });
    expect(c.db.prepare("SELECT team, bcu, categories, flags FROM incidents WHERE id = (SELECT incident_id FROM clips WHERE rel_path = 'a.mp4')").get())
      .toEqual({ team: 'CE-ERT-A', bcu: 'Central East', categories: '["Domestic Abuse"]', flags: '["child-present","domestic-abuse"]' });

    // Footage added later to a library with export rows goes the same way.
    uniqueCopy(t.end, join(withExport, 'c.mp4'), 732);
    expect((await runIndex(c.ctx, opts([withExport]))).grouping).toMatchObject({ regrouped: true, created: 1 });

    const near = tmpDir('bwc-own-');
    uniqueCopy(t.end, join(near, 'a.mp4'), 733);
    const p = testCore();
    expect((await runIndex(p.ctx, opts([near], { proximityMinutes: 10 }))).grouping).toMatchObject({ regrouped: true, created: 1 });
    // Back to the reference-only rule: everything is regrouped under it once, and only then may new clips skip it.
    uniqueCopy(t.end, join(near, 'b.mp4'), 734);
    expect((await runIndex(p.ctx, opts([near]))).grouping).toMatchObject({ regrouped: true, created: 1 });
    uniqueCopy(t.end, join(near, 'c.mp4'), 735);
    expect((await runIndex(p.ctx, opts([near]))).grouping).toMatchObject({ regrouped: false, created: 1 });
    expect(clipIncidents(p).every((r) => r.incident_id !== null)).toBe(true);
  });

  it('commits each clip with its incident: a run cancelled half-way leaves neither without the other', async () => {
    const root = tmpDir('bwc-own-');
    for (let i = 0; i < 400; i++) uniqueCopy(i % 2 ? t.end : t.start, join(root, `d${i % 20}/c${i}.mp4`), 800 + i);
    const abort = new AbortController();
    const c = testCore(tmpDir('bwc-own-db-'), abort.signal);
    let folders = 0;
    const s = await runIndex(c.ctx, { ...opts([root]), beforeReadDir: () => void (++folders === 8 && abort.abort()) });
    expect(s.status).toBe('cancelled');
    const written = c.db.prepare('SELECT count(*) FROM clips').pluck().get() as number;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(400);
    expect(c.db.prepare('SELECT count(*) FROM clips WHERE incident_id IS NULL').pluck().get()).toBe(0);
    expect(c.db.prepare('SELECT count(*) FROM incidents WHERE id NOT IN (SELECT incident_id FROM clips)').pluck().get()).toBe(0);

    // The next run finishes the rest the same way.
    const next = await runIndex(testCoreOn(c), opts([root]));
    expect(next).toMatchObject({ status: 'completed', added: 400 - written, clips: 400, incidents: 400 });
    expect(c.db.prepare('SELECT count(*) FROM clips WHERE incident_id IS NULL').pluck().get()).toBe(0);
  });
});

/** The same database, without the cancelled signal. */
function testCoreOn(c: TestCore) {
  const { signal: _cancelled, ...ctx } = c.ctx;
  return ctx;
}

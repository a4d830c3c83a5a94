import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/core/api';
import { internalLibraryHandlers } from '../../../electron/core/api/library';
import { readAudit } from '../../../electron/core/audit/log';
import { runIndex, type IndexOptions } from '../../../electron/core/library/indexRun';
import { mergeIncidents, splitIncident } from '../../../electron/core/library/manualIncidents';
import { contract } from '../../../shared/ipc/contract';
import { makeTemplates, removeTmpDirs, type Templates, type TestCore, testCore, tmpDir, uniqueCopy } from './media';

let t: Templates;
afterAll(removeTmpDirs);
beforeAll(async () => {
  t = await makeTemplates();
});

const newDir = () => tmpDir('bwc-inc-');
const HEADER = 'ID,Title,Categories,Description,Owner,Recorded By,Recorded On,Uploaded On,Duration,Cases,Tags,Evidence Group,File Name';

/** Six clips: two calls with references (2 + 2 clips), two clips without; two BCUs, three teams. */
async function library(): Promise<{ c: TestCore; root: string; manifest: string; run: (more?: Partial<IndexOptions>) => ReturnType<typeof runIndex> }> {
  const root = newDir();
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  names.forEach((n, i) => uniqueCopy(t.end, join(root, `${n}.mp4`), 500 + i));
  const manifest = join(newDir(), 'e.csv');
  writeFileSync(manifest, [
    HEADER,
    'ea,T,Domestic Abuse,,PC 1,PC 1,01/10/2026 10:00,,00:00:01,CAD 100/01OCT26,"child present, BCU:Central East",CE-ERT-A,a.mp4',
    'eb,T,Child Protection,,PC 2,PC 2,01/10/2026 10:05,,00:00:01,CAD 100/01OCT26,BCU:Central East,CE-ERT-A,b.mp4',
    'ec,T,Public Order,,PC 3,PC 3,15/10/2026 22:00,,00:00:01,CAD 4517/15OCT26,BCU:North,N-ERT-A,c.mp4',
    'ed,T,Public Order,,PC 3,PC 3,15/10/2026 22:10,,00:00:01,CAD 4517/15OCT26,BCU:North,N-ERT-A,d.mp4',
    'ee,T,Concern for Welfare,,PC 4,PC 4,31/10/2026 23:30,,00:00:01,,BCU:Central East,CE-NPT-Hackney,e.mp4',
    'ef,T,Domestic Abuse,,PC 1,PC 1,01/11/2026 00:30,,00:00:01,,"child present, BCU:Central East",CE-ERT-A,f.mp4',
  ].join('\n'));
  const c = testCore();
  const run = (more: Partial<IndexOptions> = {}) => runIndex(c.ctx, { roots: [root], manifests: [manifest], mapping: 'axon', hash: false, proximityMinutes: null, ...more });
  await run();
  return { c, root, manifest, run };
}

/** Calls a channel the way the worker does: input parsed by the contract's schema first. */
function call<C extends keyof typeof handlers>(c: TestCore, channel: C, input: unknown) {
  const parsed = contract[channel].input.parse(input);
  return (handlers[channel] as (ctx: unknown, i: unknown) => unknown)(c.ctx, parsed) as ReturnType<(typeof handlers)[C]>;
}

describe('incidents.list / get / facets', () => {
  it('filters by UK local date range, BCU, team, category, flag, officer and reference, sorted and paged', async () => {
    const { c } = await library();
    const list = (input: object) => call(c, 'incidents.list', input) as ReturnType<(typeof handlers)['incidents.list']> & { total: number; rows: { reference: string | null; id: number }[] };
    const all = list({ dir: 'asc' });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.reference)).toEqual(['CAD 100/01OCT26', 'CAD 4517/15OCT26', null, null]);
    // 31/10/2026 23:30 GMT is still October in the UK; 01/11/2026 00:30 is November.
    expect(list({ from: '2026-10-31', to: '2026-10-31' }).total).toBe(1);
    expect(list({ from: '2026-11-01' }).total).toBe(1);
    expect(list({ to: '2026-10-15' }).rows.map((r) => r.reference)).toEqual(['CAD 4517/15OCT26', 'CAD 100/01OCT26']);
    expect(list({ bcu: 'North' }).rows.map((r) => r.reference)).toEqual(['CAD 4517/15OCT26']);
    expect(list({ team: 'CE-ERT-A' }).total).toBe(2);
    expect(list({ category: 'Child Protection' }).rows.map((r) => r.reference)).toEqual(['CAD 100/01OCT26']);
    expect(list({ flag: 'child-present' }).total).toBe(2);
    expect(list({ officer: 'PC 3' }).rows.map((r) => r.reference)).toEqual(['CAD 4517/15OCT26']);
    expect(list({ reference: 'cad 4517/15oct26' }).total).toBe(1);
    expect(list({ reference: '4517' }).total).toBe(1);
    expect(list({ reference: '45' }).total).toBe(1);
    expect(list({ bcu: 'Central East', flag: 'child-present', team: 'CE-ERT-A' }).total).toBe(2);
    expect(list({ sort: 'clips', dir: 'desc', limit: 2 }).rows.map((r) => r.reference)).toEqual(['CAD 4517/15OCT26', 'CAD 100/01OCT26']);
    expect(list({ dir: 'asc', offset: 1, limit: 2 }).rows).toEqual(all.rows.slice(1, 3));
    expect(() => list({ from: '2026-10-05', to: '2026-10-01' })).toThrow(/ends .* before it starts/);
    expect(() => list({ from: '01/10/2026' })).toThrow();
  });

  it('returns an incident with its clips and export rows, and the facets for the pickers', async () => {
    const { c, root } = await library();
    const id = c.db.prepare("SELECT id FROM incidents WHERE reference = 'CAD 100/01OCT26'").pluck().get() as number;
    const detail = call(c, 'incidents.get', { id }) as { clips: { path: string; officer: string; evidenceId: string; playable: boolean; recordedAt: string }[]; evidence: { evidenceId: string }[] };
    expect(detail.clips.map((x) => [x.path, x.officer, x.evidenceId])).toEqual([[join(root, 'a.mp4'), 'PC 1', 'ea'], [join(root, 'b.mp4'), 'PC 2', 'eb']]);
    expect(detail.clips[0]).toMatchObject({ playable: true, recordedAt: '2026-10-01T09:00:00.000Z' });
    expect(detail.evidence.map((e) => e.evidenceId)).toEqual(['ea', 'eb']);
    expect(() => call(c, 'incidents.get', { id: 9999 })).toThrow(/no incident 9999/);
    expect(call(c, 'incidents.facets', {})).toEqual({
      bcus: ['Central East', 'North'],
      teams: ['CE-ERT-A', 'CE-NPT-Hackney', 'N-ERT-A'],
      categories: ['Child Protection', 'Concern for Welfare', 'Domestic Abuse', 'Public Order'],
      flags: ['child-present', 'child-protection', 'domestic-abuse'],
      officers: ['PC 1', 'PC 2', 'PC 3', 'PC 4'],
    });
    expect(call(c, 'library.roots', {})).toEqual([{ id: 1, path: root, clips: 6, missing: 0, lastIndexedAt: expect.any(String) }]);
    const clipId = detail.clips.length && (c.db.prepare("SELECT id FROM clips WHERE rel_path = 'a.mp4'").pluck().get() as number);
    expect(internalLibraryHandlers['internal.clipLocation'](c.ctx, { clipId })).toEqual({ path: join(root, 'a.mp4'), roots: [root] });
    expect(internalLibraryHandlers['internal.clipLocation'](c.ctx, { clipId: 'x' })).toBeNull();
  });
});

describe('manual merge and split', () => {
  it('merges incidents (audit: combination) and re-indexing never undoes it', async () => {
    const { c, root, run } = await library();
    const singles = c.db.prepare("SELECT id FROM incidents WHERE reference IS NULL ORDER BY id").pluck().all() as number[];
    const r = call(c, 'incidents.merge', { ids: [singles[1], singles[0]], reason: 'same address, same night' }) as { incidentId: number; from: number[] };
    expect(r).toMatchObject({ incidentId: singles[0], from: [singles[1]] });
    const ev = readAudit(c.db).filter((a) => a.action === 'combination');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ object_type: 'incident', object_id: String(singles[0]), reason: 'same address, same night', actor: 'sgt.test' });
    expect(JSON.parse(ev[0]!.detail)).toMatchObject({ operation: 'merge', merged: [singles[1]], into: singles[0] });
    expect(c.db.prepare('SELECT status, superseded_by FROM incidents WHERE id = ?').get(singles[1])).toEqual({ status: 'superseded', superseded_by: singles[0] });

    // Force a full regroup (a changed file) and check the merge holds.
    uniqueCopy(t.end, join(root, 'e.mp4'), 9999);
    const s = await run();
    expect(s.grouping.regrouped).toBe(true);
    expect(c.db.prepare('SELECT manual, clip_count, officers FROM incidents WHERE id = ?').get(singles[0])).toEqual({ manual: 1, clip_count: 2, officers: '["PC 1","PC 4"]' });
    expect(() => mergeIncidents(c.db, 'x', [singles[0]!, singles[1]!], null)).toThrow(/superseded by incident/);
    expect(() => mergeIncidents(c.db, 'x', [singles[0]!], null)).toThrow(/at least two/);
  });

  it('splits clips into a new incident (audit: combination) that re-indexing keeps, and refuses bad splits', async () => {
    const { c, root, run } = await library();
    const id = c.db.prepare("SELECT id FROM incidents WHERE reference = 'CAD 100/01OCT26'").pluck().get() as number;
    const [a, b] = c.db.prepare('SELECT id FROM clips WHERE incident_id = ? ORDER BY rel_path').pluck().all(id) as number[];
    expect(() => splitIncident(c.db, 'x', id, [a!, b!], null)).toThrow(/would leave it empty/);
    expect(() => splitIncident(c.db, 'x', id, [12345], null)).toThrow(/not in incident/);
    const r = splitIncident(c.db, 'sgt.test', id, [b!], 'two separate visits');
    expect(r.from).toEqual([id]);
    expect(c.db.prepare('SELECT incident_id FROM clips WHERE id = ?').pluck().get(b)).toBe(r.incidentId);
    expect(JSON.parse(readAudit(c.db).filter((e) => e.action === 'combination')[0]!.detail)).toEqual({ operation: 'split', from: id, into: r.incidentId, clipIds: [b] });

    // A new clip citing the same call joins the first manual incident holding that reference; the split stays.
    uniqueCopy(t.end, join(root, 'g.mp4'), 777);
    const manifest = c.db.prepare('SELECT path FROM manifests').pluck().get() as string;
    writeFileSync(manifest, `${(await import('node:fs')).readFileSync(manifest, 'utf8')}\neg,T,Domestic Abuse,,PC 9,PC 9,01/10/2026 10:30,,00:00:01,CAD 100/01OCT26,,CE-ERT-A,g.mp4\n`);
    const s = await run();
    expect(s.added).toBe(1);
    const g = c.db.prepare("SELECT incident_id FROM clips WHERE rel_path = 'g.mp4'").pluck().get();
    expect(g).toBe(id);
    expect(c.db.prepare('SELECT incident_id FROM clips WHERE id = ?').pluck().get(b)).toBe(r.incidentId);
    expect(c.db.prepare('SELECT manual, clip_count FROM incidents WHERE id IN (?, ?) ORDER BY id').all(id, r.incidentId)).toEqual([{ manual: 1, clip_count: 2 }, { manual: 1, clip_count: 1 }]);
  });
});

describe('scores survive the footage', () => {
  it('keeps a missing clip, its incident and what hangs off it; an incident that loses its clips to a regroup is superseded, not dropped', async () => {
    const { c, root, manifest, run } = await library();
    // Stands in for the scores and samples that reference incidents (their tables come with later migrations).
    c.db.exec('CREATE TABLE test_scores (incident_id INTEGER NOT NULL REFERENCES incidents(id), score TEXT NOT NULL)');
    const incidentOf = (rel: string) => c.db.prepare('SELECT incident_id FROM clips WHERE rel_path = ?').pluck().get(rel) as number;
    const e = incidentOf('e.mp4');
    const f = incidentOf('f.mp4');
    c.db.prepare('INSERT INTO test_scores VALUES (?, ?), (?, ?)').run(e, 'good', f, 'inadequate');

    unlinkSync(join(root, 'e.mp4'));
    const s = await run();
    expect(s.missing).toBe(1);
    expect(c.db.prepare("SELECT status, incident_id, evidence_id IS NOT NULL AS linked FROM clips WHERE rel_path = 'e.mp4'").get()).toEqual({ status: 'missing', incident_id: e, linked: 1 });
    expect(c.db.prepare('SELECT status, missing_count FROM incidents WHERE id = ?').get(e)).toEqual({ status: 'active', missing_count: 1 });
    expect(c.db.prepare('SELECT count(*) FROM test_scores').pluck().get()).toBe(2);

    // The export now gives e and f one reference: they become one incident; the other, still scored, is superseded.
    const text = (await import('node:fs')).readFileSync(manifest, 'utf8').replace(/,,BCU:Central East,CE-NPT-Hackney,e\.mp4/, ',CAD 5/31OCT26,BCU:Central East,CE-NPT-Hackney,e.mp4').replace(/,,"child present, BCU:Central East",CE-ERT-A,f\.mp4/, ',CAD 5/31OCT26,"child present, BCU:Central East",CE-ERT-A,f.mp4');
    writeFileSync(manifest, text);
    const s2 = await run();
    expect(s2.grouping).toMatchObject({ regrouped: true, superseded: 1, removed: 0 });
    const kept = Math.min(e, f);
    const gone = Math.max(e, f);
    expect(incidentOf('e.mp4')).toBe(kept);
    expect(incidentOf('f.mp4')).toBe(kept);
    expect(c.db.prepare('SELECT status, superseded_by FROM incidents WHERE id = ?').get(gone)).toEqual({ status: 'superseded', superseded_by: kept });
    expect(c.db.prepare('SELECT count(*) FROM test_scores').pluck().get()).toBe(2);
  });
});

import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open';
import { assignIncidentIds, deriveIncident, groupClips, type ClipFacts, type DerivedIncident } from '../../../electron/core/library/group';
import type { IncidentDbRow } from '../../../electron/core/library/incidentsRepo';
import { mergeIncidents, splitIncident } from '../../../electron/core/library/manualIncidents';
import { regroup, regroupNeeded, type RegroupResult } from '../../../electron/core/library/regroup';
import { normaliseReference } from '../../../shared/library/reference';
import { removeTmpDirs, tmpDir } from './media';

/**
 * regroup against the rule stated plainly: a randomised library (references, teams, times, export rows, missing and
 * unplayable clips), people's merges and splits, edits between runs, and after every run the database compared with
 * what groupClips / assignIncidentIds / deriveIncident over the whole library say it should be.
 */

afterAll(removeTmpDirs);

const T0 = Date.parse('2026-10-01T08:00:00Z');
const MIN = 60_000;
// Recognised references, and two that are not (free text, and a reference not in its normal form).
const REFS = ['CAD 1/01OCT26', 'CAD 2/01OCT26', 'CAD 3/01OCT26', 'CAD 4/02OCT26', 'CRIS 1234567/26', 'CRIS 7654321/26', 'N/A', 'cad 9/01oct26'];
const TEAMS = ['ERT-A', 'ERT-B'];

interface Evidence {
  refs: string[];
  team: string | null;
  bcu: string | null;
  categories: string[];
  flags: string[];
  duration: number | null;
}

interface ModelClip {
  id: number;
  sideRefs: string[];
  evidence: Evidence | null;
  start: number | null;
  duration: number | null;
  officer: string | null;
  playable: boolean;
  missing: boolean;
}

type NewClip = Omit<ModelClip, 'id' | 'missing'>;

const arbRefs = fc.oneof(fc.constant<string[]>([]), fc.subarray(REFS, { maxLength: 2 }));
const arbNewClip: fc.Arbitrary<NewClip> = fc.record({
  sideRefs: arbRefs,
  evidence: fc.option(
    fc.record({
      refs: arbRefs,
      team: fc.option(fc.constantFrom(...TEAMS), { nil: null }),
      bcu: fc.option(fc.constantFrom('North', 'South'), { nil: null }),
      categories: fc.subarray(['Domestic Abuse', 'Public Order']),
      flags: fc.subarray(['child-present']),
      duration: fc.option(fc.constantFrom(60, 300), { nil: null }),
    }),
    { nil: null },
  ),
  start: fc.option(fc.integer({ min: 0, max: 24 }).map((n) => n * 5), { nil: null }),
  duration: fc.option(fc.constantFrom(0, 120, 600), { nil: null }),
  officer: fc.option(fc.constantFrom('PC 1', 'PC 2', 'PC 3'), { nil: null }),
  playable: fc.boolean(),
});

type Op =
  | { kind: 'refs'; at: number; refs: string[] }
  | { kind: 'exportRefs'; at: number; refs: string[] }
  | { kind: 'missing'; at: number }
  | { kind: 'add'; clip: NewClip }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'split'; at: number }
  | { kind: 'score'; at: number }
  | { kind: 'regroup'; proximity: number | null };

const arbProximity = fc.option(fc.constantFrom(0, 10, 30), { nil: null });
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('refs' as const), at: fc.nat(), refs: arbRefs }),
  fc.record({ kind: fc.constant('exportRefs' as const), at: fc.nat(), refs: arbRefs }),
  fc.record({ kind: fc.constant('missing' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), clip: arbNewClip }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('score' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('regroup' as const), proximity: arbProximity }),
);

class Library {
  readonly clips: ModelClip[] = [];
  private n = 0;
  private at = 0;

  constructor(readonly db: Database) {
    const now = new Date(T0).toISOString();
    db.prepare('INSERT INTO roots (path, added_at) VALUES (?, ?)').run('/footage', now);
    db.prepare("INSERT INTO manifests (path, sha256, mapping, rows, imported_at) VALUES ('/e.csv', 'x', 'axon', 0, ?)").run(now);
    // Stands in for the samples and scores that refer to incidents: a referred-to incident is superseded, not deleted.
    db.exec('CREATE TABLE test_scores (incident_id INTEGER NOT NULL REFERENCES incidents(id))');
  }

  /** A new clip, not yet grouped; its export row, if any, is its own. */
  add(c: NewClip): void {
    const now = this.now();
    const n = ++this.n;
    let evidenceId: number | null = null;
    if (c.evidence) {
      const e = c.evidence;
      evidenceId = Number(
        this.db
          .prepare(
            `INSERT INTO evidence (evidence_id, manifest_id, line, officer, team, bcu, categories, flags, refs, duration_sec,
               content_hash, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'h', ?)`,
          )
          .run(`E${n}`, n + 1, c.officer, e.team, e.bcu, JSON.stringify(e.categories), JSON.stringify(e.flags), JSON.stringify(e.refs), e.duration, now).lastInsertRowid,
      );
    }
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO clips (root_id, rel_path, file_name, size, mtime_ms, ino, fingerprint, container, playable, recorded_at,
             duration_sec, officer, officer_id, side_refs, evidence_id, created_at, updated_at)
           VALUES (1, ?, ?, 1, 0, ?, ?, 'mp4', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          `c/${n}.mp4`, `${n}.mp4`, String(n), `fp${n}`, c.playable ? 1 : 0,
          c.start === null ? null : new Date(T0 + c.start * MIN).toISOString(), c.duration, c.officer,
          c.officer === null ? null : c.officer.replace('PC ', ''), JSON.stringify(c.sideRefs), evidenceId, now, now,
        ).lastInsertRowid,
    );
    this.clips.push({ ...c, id, missing: false });
  }

  apply(op: Exclude<Op, { kind: 'regroup' }>): void {
    const clip = this.clips.length === 0 || !('at' in op) ? undefined : this.clips[op.at % this.clips.length]!;
    const incidents = () => this.db.prepare("SELECT id FROM incidents WHERE status = 'active' ORDER BY id").pluck().all() as number[];
    switch (op.kind) {
      case 'add':
        this.add(op.clip);
        break;
      case 'refs':
        if (!clip) break;
        clip.sideRefs = op.refs;
        this.db.prepare('UPDATE clips SET side_refs = ? WHERE id = ?').run(JSON.stringify(op.refs), clip.id);
        break;
      case 'exportRefs':
        if (!clip?.evidence) break;
        clip.evidence.refs = op.refs;
        this.db.prepare('UPDATE evidence SET refs = ? WHERE id = (SELECT evidence_id FROM clips WHERE id = ?)').run(JSON.stringify(op.refs), clip.id);
        break;
      case 'missing':
        if (!clip) break;
        clip.missing = true;
        this.db.prepare("UPDATE clips SET status = 'missing' WHERE id = ?").run(clip.id);
        break;
      case 'merge': {
        const ids = incidents();
        const [a, b] = [ids[op.a % Math.max(ids.length, 1)], ids[op.b % Math.max(ids.length, 1)]];
        if (a !== undefined && b !== undefined && a !== b) mergeIncidents(this.db, 'sgt.test', [a, b], null, new Date(this.now()));
        break;
      }
      case 'split': {
        const big = this.db.prepare("SELECT incident_id FROM clips WHERE incident_id IN (SELECT id FROM incidents WHERE status = 'active') GROUP BY incident_id HAVING count(*) > 1 ORDER BY incident_id").pluck().all() as number[];
        const id = big[op.at % Math.max(big.length, 1)];
        if (id === undefined) break;
        const first = this.db.prepare('SELECT min(id) FROM clips WHERE incident_id = ?').pluck().get(id) as number;
        splitIncident(this.db, 'sgt.test', id, [first], null, new Date(this.now()));
        break;
      }
      case 'score': {
        const ids = incidents();
        const id = ids[op.at % Math.max(ids.length, 1)];
        if (id !== undefined) this.db.prepare('INSERT INTO test_scores VALUES (?)').run(id);
        break;
      }
    }
  }

  /** What the grouping rule reads of each clip, worked out from the model (not from the database). */
  facts(): ClipFacts[] {
    const recognised = (r: string) => normaliseReference(r) === r;
    return this.clips.map((c) => {
      const startMs = c.start === null ? null : T0 + c.start * MIN;
      const duration = c.duration ?? c.evidence?.duration ?? null;
      return {
        id: c.id,
        refs: [...new Set([...(c.evidence?.refs ?? []), ...c.sideRefs].filter(recognised))].sort(),
        team: c.evidence?.team ?? null,
        bcu: c.evidence?.bcu ?? null,
        officer: c.officer,
        officerId: c.officer === null ? null : c.officer.replace('PC ', ''),
        categories: c.evidence?.categories ?? [],
        flags: c.evidence?.flags ?? [],
        startMs,
        endMs: startMs === null || duration === null ? null : startMs + duration * 1000,
        missing: c.missing,
        playable: c.playable,
      };
    });
  }

  /** A later time for every write, so nothing depends on two writes sharing one. */
  now(): string {
    return new Date(T0 + ++this.at * 1000).toISOString();
  }
}

type IncidentRow = IncidentDbRow;

/** The derived columns of an incident row, as the writer stores them. */
const columns = (d: DerivedIncident, source: string) => ({
  source, reference: d.reference, refs: JSON.stringify(d.refs), bcu: d.bcu, team: d.team, officers: JSON.stringify(d.officers),
  officer_ids: JSON.stringify(d.officerIds), started_at: d.startedAt, ended_at: d.endedAt, categories: JSON.stringify(d.categories),
  flags: JSON.stringify(d.flags), clip_count: d.clipCount, missing_count: d.missingCount, unplayable_count: d.unplayableCount,
});
const storedColumns = (r: IncidentRow) => ({
  source: r.source, reference: r.reference, refs: r.refs, bcu: r.bcu, team: r.team, officers: r.officers, officer_ids: r.officer_ids,
  started_at: r.started_at, ended_at: r.ended_at, categories: r.categories, flags: r.flags, clip_count: r.clip_count,
  missing_count: r.missing_count, unplayable_count: r.unplayable_count,
});

interface Unit {
  incidentId: number | null;
  source: string;
  clips: ClipFacts[];
}

/** The rule, stated plainly over the whole library (as regroup did before it was made compact). */
function expectedUnits(facts: readonly ClipFacts[], current: ReadonlyMap<number, number | null>, incidents: readonly IncidentRow[], proximity: number | null): Unit[] {
  const manualIds = incidents.filter((i) => i.manual === 1 && i.status === 'active').map((i) => i.id).sort((a, b) => a - b);
  const manual = new Map(manualIds.map((id) => [id, [] as ClipFacts[]]));
  const others: ClipFacts[] = [];
  for (const f of facts) {
    const members = manual.get(current.get(f.id) ?? -1);
    if (members) members.push(f);
    else others.push(f);
  }
  const manualByRef = new Map<string, number>();
  for (const id of manualIds) for (const f of manual.get(id)!) for (const r of f.refs) if (!manualByRef.has(r)) manualByRef.set(r, id);
  const pool: ClipFacts[] = [];
  for (const f of others) {
    const ref = current.get(f.id) === null ? f.refs.find((r) => manualByRef.has(r)) : undefined;
    if (ref !== undefined) manual.get(manualByRef.get(ref)!)!.push(f);
    else pool.push(f);
  }
  const groups = groupClips(pool, proximity);
  const voting = new Map(pool.filter((f) => current.get(f.id) !== null).map((f) => [f.id, current.get(f.id)!] as const));
  const ids = assignIncidentIds(groups, voting);
  const byId = new Map(pool.map((f) => [f.id, f]));
  return [
    ...manualIds.map((id) => ({ incidentId: id, source: 'manual', clips: manual.get(id)! })),
    ...groups.map((g, i) => ({ incidentId: ids[i] ?? null, source: g.source as string, clips: g.clipIds.map((id) => byId.get(id)!) })),
  ].filter((u) => u.clips.length > 0);
}

/** Runs regroup and checks the database and the counts against the rule. */
async function regroupAndCheck(lib: Library, proximity: number | null): Promise<RegroupResult> {
  const db = lib.db;
  const facts = lib.facts();
  const current = new Map((db.prepare('SELECT id, incident_id FROM clips').all() as { id: number; incident_id: number | null }[]).map((r) => [r.id, r.incident_id]));
  const before = db.prepare('SELECT * FROM incidents ORDER BY id').all() as IncidentRow[];
  const beforeById = new Map(before.map((r) => [r.id, r]));
  const maxId = before.reduce((m, r) => Math.max(m, r.id), 0);
  const units = expectedUnits(facts, current, before, proximity);

  const result = await regroup(db, proximity, lib.now());

  const incidentOf = new Map((db.prepare('SELECT id, incident_id FROM clips').all() as { id: number; incident_id: number | null }[]).map((r) => [r.id, r.incident_id]));
  const after = new Map((db.prepare('SELECT * FROM incidents').all() as IncidentRow[]).map((r) => [r.id, r]));
  const clipsOf = new Map<number, number[]>();
  for (const [clip, incident] of incidentOf) {
    expect(incident).not.toBeNull();
    clipsOf.set(incident!, [...(clipsOf.get(incident!) ?? []), clip]);
  }
  // Every clip in exactly one active incident, every active incident with its clips and its fields derived from them.
  for (const id of clipsOf.keys()) expect(after.get(id)?.status).toBe('active');
  for (const row of after.values()) if (row.status === 'active') expect(clipsOf.has(row.id)).toBe(true);

  let created = 0;
  let changed = 0;
  let lastNew = maxId;
  const takenBy = new Map<number, number>();
  for (const u of units) {
    const ids = u.clips.map((c) => c.id).sort((a, b) => a - b);
    const id = u.incidentId ?? incidentOf.get(ids[0]!)!;
    if (u.incidentId === null) {
      // New incidents are written in the order of the rule's groups.
      expect(id).toBeGreaterThan(lastNew);
      lastNew = id;
      created++;
    } else {
      const old = beforeById.get(id)!;
      if (old.status !== 'active' || JSON.stringify(storedColumns(old)) !== JSON.stringify(columns(deriveIncident(u.clips), u.source))) changed++;
    }
    expect(clipsOf.get(id)!.sort((a, b) => a - b)).toEqual(ids);
    const row = after.get(id)!;
    expect(row.status).toBe('active');
    expect(storedColumns(row)).toEqual(columns(deriveIncident(u.clips), u.source));
    for (const c of ids) {
      const from = current.get(c) ?? null;
      if (from !== null && from !== id && !takenBy.has(from)) takenBy.set(from, id);
    }
  }
  // Automatic incidents no group kept: deleted, or superseded by the first incident that took one of their clips.
  const kept = new Set(units.map((u) => u.incidentId));
  const retired = before.filter((r) => r.status === 'active' && r.manual === 0 && !kept.has(r.id));
  const superseded = retired.filter((r) => after.has(r.id));
  for (const r of superseded) {
    expect(after.get(r.id)).toMatchObject({ status: 'superseded', superseded_by: takenBy.get(r.id) ?? null, clip_count: 0 });
  }
  expect(result).toEqual({ created, changed, superseded: superseded.length, removed: retired.length - superseded.length });
  expect(regroupNeeded(db, proximity)).toBe(false);

  // Clips sharing a recognised reference share an incident, unless a manual incident holds one of them.
  const manual = new Set([...after.values()].filter((r) => r.manual === 1).map((r) => r.id));
  const incidentOfRef = new Map<string, number>();
  for (const f of facts) {
    const incident = incidentOf.get(f.id)!;
    if (manual.has(incident)) continue;
    for (const r of f.refs) expect(incidentOfRef.get(r) ?? incident).toBe(incident);
    for (const r of f.refs) incidentOfRef.set(r, incident);
  }
  return result;
}

describe('regroup', () => {
  it('gives what the rule gives, through merges, splits, edits and rule changes; an unchanged library writes nothing', async () => {
    const dir = tmpDir('bwc-regroup-');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbNewClip, { maxLength: 30, size: 'medium' }),
        arbProximity,
        fc.array(arbOp, { maxLength: 25, size: 'medium' }),
        arbProximity,
        async (clips, first, ops, last) => {
          const db = openDatabase(join(dir, `r${++run}.sqlite`));
          try {
            const lib = new Library(db);
            clips.forEach((c) => lib.add(c));
            await regroupAndCheck(lib, first);
            for (const op of ops) {
              if (op.kind === 'regroup') await regroupAndCheck(lib, op.proximity);
              else lib.apply(op);
            }
            await regroupAndCheck(lib, last);
            const placed = db.prepare('SELECT id, incident_id FROM clips ORDER BY id').all();
            expect(await regroupAndCheck(lib, last)).toEqual({ created: 0, changed: 0, superseded: 0, removed: 0 });
            expect(db.prepare('SELECT id, incident_id FROM clips ORDER BY id').all()).toEqual(placed);
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('supersedes an incident whose clips went to two groups by the first of them', async () => {
    const db = openDatabase(join(tmpDir('bwc-regroup-'), 'split.sqlite'));
    try {
      const lib = new Library(db);
      const [x, y, z] = ['CAD 1/01OCT26', 'CAD 2/01OCT26', 'CAD 3/01OCT26'];
      for (const refs of [[x], [x], [y], [y], [z], [z]]) lib.add({ sideRefs: refs, evidence: null, start: null, duration: null, officer: null, playable: true });
      await regroupAndCheck(lib, null);
      const incidentOf = (clip: number) => db.prepare('SELECT incident_id FROM clips WHERE id = ?').pluck().get(clip) as number;
      const [ix, iy] = [incidentOf(1), incidentOf(3)];
      lib.apply({ kind: 'score', at: 0 });
      lib.apply({ kind: 'refs', at: 0, refs: [y] });
      lib.apply({ kind: 'refs', at: 1, refs: [z] });
      expect(await regroupAndCheck(lib, null)).toEqual({ created: 0, changed: 2, superseded: 1, removed: 0 });
      expect(db.prepare('SELECT status, superseded_by FROM incidents WHERE id = ?').get(ix)).toEqual({ status: 'superseded', superseded_by: iy });
    } finally {
      db.close();
    }
  });

  it('works in chunks: a library larger than one chunk, with big groups, gives the same as the rule', async () => {
    const db = openDatabase(join(tmpDir('bwc-regroup-'), 'big.sqlite'));
    try {
      const lib = new Library(db);
      const ref = (n: number) => `CAD ${n}/01OCT26`;
      for (let i = 0; i < 6000; i++) {
        // Threes sharing a reference, a 2,500-clip call, and clips without a reference close in time.
        const sideRefs = i % 9 < 6 ? [ref(Math.floor(i / 3) + 10)] : i % 9 === 6 ? [ref(1)] : [];
        lib.add({ sideRefs, evidence: { refs: [], team: TEAMS[i % 2]!, bcu: null, categories: [], flags: [], duration: null }, start: Math.floor(i / 4), duration: 60, officer: null, playable: true });
      }
      // Killed half-way (here: the 1,000th new incident fails): what was committed stays, the next run finishes it.
      db.exec("CREATE TEMP TRIGGER killed BEFORE INSERT ON incidents WHEN (SELECT count(*) FROM incidents) >= 999 BEGIN SELECT RAISE(ABORT, 'killed'); END");
      await expect(regroup(db, 5, lib.now())).rejects.toThrow(/killed/);
      // At least the first transaction's writes are committed (later transactions are sized by time, so how many
      // depends on the machine); the 999 before the failure are not all in one.
      const committed = db.prepare('SELECT count(*) FROM incidents').pluck().get() as number;
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(999);
      expect(regroupNeeded(db, 5)).toBe(true);
      db.exec('DROP TRIGGER killed');
      expect((await regroupAndCheck(lib, 5)).created).toBeGreaterThan(1);
      for (let i = 0; i < 6000; i += 7) lib.apply({ kind: i % 2 ? 'refs' : 'missing', at: i, refs: [ref(2)] });
      lib.apply({ kind: 'score', at: 3 });
      await regroupAndCheck(lib, 5);
      await regroupAndCheck(lib, null);
    } finally {
      db.close();
    }
  });
});

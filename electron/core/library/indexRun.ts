import { access } from 'node:fs/promises';
import { realpathSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { IndexInput, IndexSummary, Skipped } from '../../../shared/ipc/library';
import { appendAudit } from '../audit/log';
import type { CoreContext } from '../context';
import { UserError } from '../errors';
import { clipRecord } from './clipRecord';
import {
  clipsNeedingHash, clipsWithOldFingerprints, clipWriter, countMissingClips, countPresentClips, hashWriter, loadKnownFiles, moveKeys,
  settleUnseen, type ClipWriter, type KnownFile, type MoveKeys,
} from './clipsRepo';
import { allRowsWithoutClip, countClipsWithoutRow, countEvidence } from './evidenceRepo';
import { fingerprintKey } from './fingerprint';
import {
  folderKey, folderListing, folderReader, keepFolderStates, relDirOf, saveFolderStates, takeFolderStates, type FolderStates,
} from './folderStates';
import { createHashPool } from './hashPool';
import { importManifest, linkEvidence, loadMapping } from './importExports';
import { countActiveIncidents } from './incidentsRepo';
import { clipAbsPath } from './paths';
import type { ProbedFile } from './probe/probeFile';
import { createProbePool, probesHeld } from './probePool';
import { timeSlicer } from './paging';
import { transactionSizer } from './transactionSizer';
import { progressReporter, type ProgressReporter } from './progress';
import { markRegroupNeeded, ownIncidents, regroup, regroupNeeded, type OwnIncidents, type RegroupResult } from './regroup';
import { ensureRoot, markRootsIndexed } from './rootsRepo';
import { liveRun, runWriter, startRun, type RunProblem, type RunWriter } from './runsRepo';
import { scanRoots, type ScannedClip, type ScanRoot, type ScanOptions } from './scan';
import { readSidecars, sidecarSignature } from './sidecars';

/**
 * One index run: exports imported, roots walked, new and changed files read, moved files re-linked, vanished ones
 * marked missing, rows linked to clips, clips grouped into incidents, optionally every clip hashed.
 *
 * Safety: writes are batched (a few milliseconds of work or one second, whichever comes first) in transactions, each
 * also recording the run's heartbeat and counts, so a process killed at any moment leaves a consistent database: every
 * committed clip row is whole (a new clip with its own incident is one write), and uncommitted work is simply redone by the next run (whose stat comparison skips what was
 * committed). The run row stays 'running' and the next run marks it 'interrupted'. Cancelling (ctx.signal) stops
 * taking new files, commits what is done and marks the run 'cancelled' (missing files and grouping are then left to
 * the next complete run: a partial walk cannot tell a missing file from one it did not reach).
 */
export type IndexOptions = IndexInput & Pick<ScanOptions, 'beforeReadDir'>;

/** Writes in the first scan transaction, and the bounds the time-sized ones stay within (batcher). */
const FIRST_BATCH_ROWS = 250;
const MIN_BATCH_ROWS = 50;
const MAX_BATCH_ROWS = 2000;
const BATCH_MS = 1000;
const WALK_SLICE_MS = 8;

type Counts = { scanned: number; added: number; updated: number; unchanged: number; moved: number; missing: number; hashed: number };

export async function runIndex(ctx: CoreContext, opts: IndexOptions): Promise<IndexSummary> {
  const t0 = Date.now();
  const db = ctx.db;
  const rootPaths = checkPaths(opts.roots, 'folder');
  const manifests = checkPaths(opts.manifests, 'file');
  const mapping = await loadMapping(opts.mapping);

  const start = new Date();
  const { runId, roots, states } = db.transaction(() => {
    const live = liveRun(db, start, hostname());
    if (live) {
      throw new UserError('locked', `another index run (#${live.id}, process ${live.pid}) has been running since ${live.started_at}; wait for it or cancel it`);
    }
    const id = startRun(
      db,
      { actor: ctx.actor, pid: process.pid, host: hostname(), roots: rootPaths, manifests, mapping: mapping.label, options: { hash: opts.hash, proximityMinutes: opts.proximityMinutes } },
      start,
    );
    const scanRoots: ScanRoot[] = rootPaths.map((path) => ({ id: ensureRoot(db, path, start), path, realPath: realpathSync(path) }));
    return { runId: id, roots: scanRoots, states: takeFolderStates(db) };
  })();
  const run = runWriter(db, runId);
  const progress = progressReporter(runId, (p) => ctx.emit('index.progress', p));
  const counts: Counts = { scanned: 0, added: 0, updated: 0, unchanged: 0, moved: 0, missing: 0, hashed: 0 };
  const skipped: Skipped[] = [];
  const problems = problemLog(skipped);
  const evidence = { manifests: manifests.length, rows: 0, added: 0, updated: 0, rowsWithoutClip: 0, clipsWithoutRow: 0 };
  let grouping: RegroupResult & { regrouped: boolean } = { regrouped: false, created: 0, changed: 0, superseded: 0, removed: 0 };
  const cancelled = () => ctx.signal?.aborted === true;
  const seen: Seen = { clips: new Set(), skipped: new Map(roots.map((r) => [r.id, new Set<string>()])) };

  try {
    progress.phase('import');
    if (manifests.length > 0) progress.update(0, null, true);
    for (const path of manifests) {
      const r = await importManifest(db, path, mapping, new Date().toISOString());
      evidence.rows += r.rows;
      evidence.added += r.added;
      evidence.updated += r.updated;
      r.problems.forEach(problems.add);
      progress.update(evidence.rows, null, true);
    }
    if (manifests.length > 0) db.transaction(() => run.addProblems(problems.drain()))();

    const own = ownIncidents(db, opts.proximityMinutes);
    const refresh = clipsWithOldFingerprints(db);
    // With folder states, clips are read folder by folder, only where a folder changed; a fingerprint refresh visits
    // every clip, so it reads them all, as a library without states does.
    const trusted = refresh === null ? states : null;
    const rootIds = roots.map((r) => r.id);
    const known = new Map<number, Map<string, KnownFile>>();
    for (const id of rootIds) known.set(id, trusted ? new Map() : await loadKnownFiles(db, id));
    const folders: FolderTrack = {
      states: trusted,
      read: trusted ? folderReader(db, rootIds) : null,
      listings: new Map(),
      unsettled: new Set(),
      inserted: db.prepare('SELECT EXISTS (SELECT 1 FROM clips)').pluck().get() === 0 ? new Map() : null,
      expected: trusted
        ? [...trusted.values()].reduce((n, s) => n + (rootIds.includes(s.rootId) ? s.count : 0), 0)
        : [...known.values()].reduce((n, m) => n + m.size, 0),
    };
    const wrote = await scanPhase(ctx, opts, roots, known, folders, { own, refresh }, seen, run, progress, counts, problems);
    const now = new Date().toISOString();
    let keepStates = false;
    if (!cancelled()) {
      // A folder with a state that the walk did not list (deleted, unreadable): its clips are read, to be settled.
      for (const s of trusted?.values() ?? []) {
        const k = folderKey(s.rootId, s.relDir);
        if (known.has(s.rootId) && !folders.listings.has(k)) for (const [rel, f] of folders.read!(s.rootId, s.relDir, s)) known.get(s.rootId)!.set(rel, f);
      }
      const settled = await settleUnseen(db, known, seen.clips, seen.skipped, now, () => markRegroupNeeded(db));
      counts.missing = countMissingClips(db, rootIds);
      // Nothing about any file was written: the states still describe the clips table as it is.
      keepStates = trusted !== null && !wrote && settled.newlyMissing === 0 && settled.forgotten === 0;
      if (!keepStates) await saveFolderStates(db, folders.listings, folders.unsettled, trusted, folders.inserted);
      if (regroupNeeded(db, opts.proximityMinutes)) {
        progress.phase('group');
        progress.update(0, null, true);
        await linkEvidence(db, now);
        grouping = { regrouped: true, ...(await regroup(db, opts.proximityMinutes, now)) };
      }
    }
    grouping.created += own?.written ?? 0;
    if (opts.hash && !cancelled()) await hashPhase(ctx, roots, run, progress, counts, problems);

    const status = cancelled() ? 'cancelled' : 'completed';
    if (countEvidence(db) > 0) {
      const unmatched = await allRowsWithoutClip(db);
      evidence.rowsWithoutClip = unmatched.length;
      evidence.clipsWithoutRow = countClipsWithoutRow(db);
      for (const r of unmatched) {
        skipped.push({ path: r.source, line: r.line, reason: `no file on disk matches evidence ${r.evidenceId}${r.fileName ? ` (${r.fileName})` : ''}; the row is kept` });
      }
    }
    const summary: IndexSummary = {
      runId,
      status,
      ...counts,
      skipped,
      clips: countPresentClips(db),
      incidents: countActiveIncidents(db),
      evidence,
      grouping: { rule: opts.proximityMinutes === null ? 'reference' : 'reference+proximity', proximityMinutes: opts.proximityMinutes, ...grouping },
      durationMs: Date.now() - t0,
    };
    const end = new Date();
    db.transaction(() => {
      run.addProblems(problems.drain());
      run.finish(status, counts, end);
      markRootsIndexed(db, rootIds, end);
      if (keepStates) keepFolderStates(db);
      const { skipped: list, ...rest } = summary;
      appendAudit(db, ctx.actor, {
        action: 'collection',
        objectType: 'library',
        objectId: runId,
        detail: { ...rest, roots: rootPaths, manifests, mapping: mapping.label, skipped: list.length },
      }, end);
    })();
    progress.phase(status === 'completed' ? 'done' : 'cancelled');
    progress.update(counts.scanned, counts.scanned, true);
    return summary;
  } catch (e) {
    try {
      db.transaction(() => {
        run.addProblems(problems.drain());
        run.finish('failed', counts, new Date());
      })();
    } catch {
      // The database itself failed; the run stays 'running' and the next run marks it 'interrupted'.
    }
    progress.phase('failed', (e as Error).message);
    progress.update(counts.scanned, null, true);
    throw e;
  }
}

/** The folders of this run (folderStates.ts): the states trusted at its start, and what the walk found. */
interface FolderTrack {
  states: FolderStates | null;
  /** Reads one folder's known files (present when states are trusted). */
  read: ReturnType<typeof folderReader> | null;
  /** Digest of every folder listed, by folderKey. */
  listings: Map<string, string>;
  /** Folders where a file could not be read this time. */
  unsettled: Set<string>;
  /** When the library had no clips as the run started: the ids it inserts, by folder. */
  inserted: Map<string, number[]> | null;
  /** Files the library held under these roots before the run (for the progress bar's total). */
  expected: number;
}

/** What the walk found in this run (clip ids, and paths of unreadable files per root): the rest is missing. */
interface Seen {
  clips: Set<number>;
  skipped: Map<number, Set<string>>;
}

/** Absolute, de-duplicated paths, each checked to be a folder (roots) or a file (exports) before any work. */
function checkPaths(paths: readonly string[], want: 'folder' | 'file'): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let isWanted: boolean;
    try {
      const st = statSync(full);
      isWanted = want === 'folder' ? st.isDirectory() : st.isFile();
    } catch {
      throw new UserError('not-found', `${want === 'folder' ? 'library folder' : 'export file'} does not exist: ${full}`);
    }
    if (!isWanted) throw new UserError('bad-input', want === 'folder' ? `not a folder: ${full}` : `export is not a file: ${full}`);
    if (!out.includes(full)) out.push(full);
  }
  return out;
}

interface ProblemLog {
  add(p: RunProblem): void;
  /** Problems not yet written to the run. */
  drain(): RunProblem[];
}

/** Each problem once (a folder's metadata.json is read for each of its clips), kept for the summary and the run. */
function problemLog(skipped: Skipped[]): ProblemLog {
  const seen = new Set<string>();
  let pending: RunProblem[] = [];
  return {
    add(p) {
      const key = `${p.kind}\u0000${p.path}\u0000${p.line}\u0000${p.reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      pending.push(p);
      skipped.push(p.line === null ? { path: p.path, reason: p.reason } : { path: p.path, line: p.line, reason: p.reason });
    },
    drain() {
      const out = pending;
      pending = [];
      return out;
    },
  };
}

/**
 * Batched writes, with the run's heartbeat and problems: committed when a batch is about TRANSACTION_MS of work
 * (transactionSizer.ts: a new clip with its own incident costs about twice a clip alone) or BATCH_MS old.
 */
function batcher(ctx: CoreContext, run: RunWriter, counts: Counts, problems: ProblemLog) {
  let ops: (() => void)[] = [];
  let clipWrites = false;
  let used = false;
  let last = Date.now();
  const sizer = transactionSizer(FIRST_BATCH_ROWS, MIN_BATCH_ROWS, MAX_BATCH_ROWS);
  const flush = () => {
    const work = ops;
    const dirty = clipWrites;
    ops = [];
    clipWrites = false;
    last = Date.now();
    const t = performance.now();
    ctx.db.transaction(() => {
      if (dirty) markRegroupNeeded(ctx.db);
      for (const w of work) w();
      run.addProblems(problems.drain());
      run.heartbeat(counts, new Date());
    })();
    sizer.took(work.length, performance.now() - t);
  };
  return {
    push(op: () => void, changesClips = true) {
      ops.push(op);
      used = true;
      clipWrites ||= changesClips;
      if (ops.length >= sizer.size) flush();
    },
    tick() {
      if (Date.now() - last >= BATCH_MS) flush();
    },
    pending: () => ops.length > 0,
    /** Whether anything was ever written through this batcher. */
    used: () => used,
    flush,
  };
}

async function scanPhase(
  ctx: CoreContext,
  opts: IndexOptions,
  roots: ScanRoot[],
  known: Map<number, Map<string, KnownFile>>,
  folders: FolderTrack,
  { own, refresh }: { own: OwnIncidents | null; refresh: ReadonlySet<number> | null },
  seen: Seen,
  run: RunWriter,
  progress: ProgressReporter,
  counts: Counts,
  problems: ProblemLog,
): Promise<boolean> {
  const db = ctx.db;
  // Its statements are prepared when the first write comes: an unchanged library makes none.
  let clips: ClipWriter | null = null;
  const writer = () => (clips ??= clipWriter(db));
  const batch = batcher(ctx, run, counts, problems);
  const pool = createProbePool();
  // Files whose probe is awaited: enough to keep every probe worker's queue full, a few MB at most.
  const probesInFlight = 2 * probesHeld(pool);
  // Read only when a new file turns up: an unchanged library never needs it.
  let keysBefore: Promise<MoveKeys> | null = null;
  const expected = folders.expected;
  const { clips: seenClips, skipped: seenSkipped } = seen;
  const inflight = new Set<Promise<void>>();
  let failure: unknown = null;
  let walkDone = false;
  const total = () => (walkDone ? counts.scanned : expected > 0 ? Math.max(expected, counts.scanned) : null);

  const remember = (f: ScannedClip, reason: string) => {
    seenSkipped.get(f.root.id)!.add(f.relPath);
    batch.push(() => writer().upsertSkipped(f.root.id, f.relPath, f.stat, reason), false);
  };

  const unreadable = (f: ScannedClip, fp: Extract<ProbedFile['fingerprint'], { ok: false }>) => {
    folders.unsettled.add(folderKey(f.root.id, relDirOf(f.relPath)));
    problems.add({ kind: 'file', path: f.absPath, line: null, reason: fp.code === 'ENOENT' ? 'file disappeared during the scan' : fp.reason });
  };

  const processFile = async (f: ScannedClip, prior: KnownFile | undefined, probed: Promise<ProbedFile>) => {
    const sideProblems: RunProblem[] = [];
    const [{ probe, fingerprint: fp }, side] = await Promise.all([
      probed,
      f.json || f.axisFolder ? readSidecars(f, sideProblems) : null,
    ]);
    sideProblems.forEach(problems.add);
    const now = new Date().toISOString();
    const clipId = prior?.clipId ?? null;
    if (!fp.ok) {
      // Unreadable, or gone since its stat: nothing new can be written; a known clip keeps its row as it was.
      unreadable(f, fp);
      if (clipId !== null) seenClips.add(clipId);
      else seenSkipped.get(f.root.id)!.add(f.relPath);
      return;
    }
    if (!probe.ok) problems.add({ kind: 'file', path: f.absPath, line: null, reason: probe.reason });
    if (!probe.ok && clipId === null) {
      remember(f, probe.reason);
      return;
    }
    const rec = clipRecord(f, fp.hex, probe, side, now);
    if (clipId !== null) {
      seenClips.add(clipId);
      counts.updated++;
      batch.push(() => writer().update(clipId, rec));
      return;
    }
    if (prior) batch.push(() => writer().deleteSkipped(f.root.id, f.relPath), false);
    keysBefore ??= moveKeys(db);
    const sameKey = (await keysBefore).get(fingerprintKey(fp.hex));
    for (const c of sameKey === undefined ? [] : writer().moveCandidates(fp.hex, sameKey)) {
      if (seenClips.has(c.id)) continue;
      if (c.status === 'present' && (await exists(clipAbsPath(c.rootPath, c.relPath)))) continue;
      // Another file with the same fingerprint may have claimed this clip while the check above awaited.
      if (seenClips.has(c.id)) continue;
      seenClips.add(c.id);
      counts.moved++;
      batch.push(() => writer().relink(c.id, rec));
      return;
    }
    counts.added++;
    const inserted = (id: number) => {
      seenClips.add(id);
      if (!folders.inserted) return;
      const key = folderKey(f.root.id, relDirOf(f.relPath));
      const ids = folders.inserted.get(key);
      if (ids) ids.push(id);
      else folders.inserted.set(key, [id]);
    };
    // A clip that can only ever be an incident of its own is written with it, and leaves grouping as it was.
    if (own?.takes(rec)) batch.push(() => inserted(writer().insert(rec, own.write(rec))), false);
    else batch.push(() => inserted(writer().insert(rec)));
  };

  // An unchanged clip fingerprinted the old way (clipsWithOldFingerprints): its new fingerprint, and nothing else.
  const refreshFingerprint = async (f: ScannedClip, clipId: number, probed: Promise<ProbedFile>) => {
    const { fingerprint: fp } = await probed;
    if (!fp.ok) {
      unreadable(f, fp);
      return;
    }
    const now = new Date().toISOString();
    batch.push(() => writer().setFingerprint(clipId, fp.hex, fingerprintKey(fp.hex), now), false);
  };

  // Waiting for a free slot: one waiter woken by whichever task ends (Promise.race over every task in flight would
  // leave a reaction on each of them per file).
  let wake: (() => void) | null = null;
  const slotFreed = () => new Promise<void>((resolve) => (wake = resolve));
  const launch = (work: Promise<void>) => {
    const task = work
      .catch((e: unknown) => {
        failure ??= e;
      })
      .finally(() => {
        inflight.delete(task);
        batch.tick();
        const w = wake;
        wake = null;
        w?.();
      });
    inflight.add(task);
  };

  const probe = (f: ScannedClip) => {
    const probed = pool.probe(f.absPath);
    // Not awaited if the run is cancelled before reaching this file.
    probed.catch(() => undefined);
    return probed;
  };

  // A folder whose listing is the one its state was settled with: every file in it is unchanged, and its clips' rows
  // need not be read (null). Otherwise what the library knows of its files: the root's (all read at the start, without
  // states) or the folder's own, read now and kept with the root's for settling the unseen ones.
  const folderKnown = (rootId: number, rel: string, clips: ScannedClip[]): ReadonlyMap<string, KnownFile> | null => {
    const key = folderKey(rootId, rel);
    const listing = folderListing(clips);
    folders.listings.set(key, listing);
    if (!folders.states) return known.get(rootId)!;
    const state = folders.states.get(key);
    if (state && state.listing !== '' && state.listing === listing) {
      counts.scanned += clips.length;
      counts.unchanged += clips.length;
      return null;
    }
    const here = folders.read!(rootId, rel, state);
    const rootKnown = known.get(rootId)!;
    for (const [relPath, k] of here) rootKnown.set(relPath, k);
    return here;
  };

  // Listing a folder and deciding its files is synchronous work: the event loop gets a turn every few milliseconds
  // (a walk over unchanged folders never waits for anything else, so it would otherwise hold the thread throughout).
  const slice = timeSlicer(WALK_SLICE_MS);
  try {
    progress.phase('scan');
    for await (const dir of scanRoots(roots, { signal: ctx.signal, beforeReadDir: opts.beforeReadDir })) {
      for (const s of dir.skipped) problems.add({ kind: s.kind, path: s.path, line: null, reason: s.reason });
      // Unchanged files are settled at once; the new and changed ones are handed to the probe workers together (so
      // they leave in batches) and then written as their answers come.
      const changed: { f: ScannedClip; prior: KnownFile | undefined; probed: Promise<ProbedFile>; oldFingerprint: boolean }[] = [];
      const knownHere = dir.folder ? folderKnown(dir.folder.rootId, dir.folder.rel, dir.clips) : undefined;
      for (const f of knownHere === null ? [] : dir.clips) {
        if (failure || ctx.signal?.aborted) break;
        const prior = knownHere?.get(f.relPath);
        if (prior && sameFile(prior, f)) {
          counts.scanned++;
          // Unchanged: the stat was the whole cost. A remembered problem is reported again; a clip that was missing
          // and is back where it was is the same clip, present again.
          if (prior.problem) problems.add({ kind: 'file', path: f.absPath, line: null, reason: prior.problem });
          const id = prior.clipId;
          if (id === null) seenSkipped.get(f.root.id)!.add(f.relPath);
          else seenClips.add(id);
          if (id !== null && prior.status === 'missing') {
            counts.updated++;
            batch.push(() => writer().markPresent(id, new Date().toISOString()));
          } else counts.unchanged++;
          if (id !== null && refresh?.has(id)) changed.push({ f, prior, probed: probe(f), oldFingerprint: true });
          continue;
        }
        changed.push({ f, prior, probed: probe(f), oldFingerprint: false });
      }
      for (const { f, prior, probed, oldFingerprint } of changed) {
        if (failure || ctx.signal?.aborted) break;
        // An unchanged file was counted as scanned above.
        if (!oldFingerprint) counts.scanned++;
        while (inflight.size >= probesInFlight) await slotFreed();
        launch(oldFingerprint ? refreshFingerprint(f, prior!.clipId!, probed) : processFile(f, prior, probed));
      }
      if (failure || ctx.signal?.aborted) break;
      batch.tick();
      progress.update(counts.scanned, total());
      await slice();
    }
    walkDone = true;
    progress.phase('probe');
    while (inflight.size > 0) {
      await slotFreed();
      progress.update(counts.scanned, total());
    }
  } finally {
    await Promise.allSettled([...inflight]);
    await pool.close();
  }
  if (failure) throw failure;
  // Nothing changed (an unchanged library): the run's closing transaction records the counts, no batch is needed.
  if (batch.pending()) batch.flush();
  return batch.used();
}

function sameFile(prior: KnownFile, f: ScannedClip): boolean {
  return (
    prior.size === f.stat.size &&
    prior.mtimeMs === f.stat.mtimeMs &&
    prior.ino === f.stat.ino &&
    (prior.clipId === null || prior.sidecarSig === sidecarSignature(f))
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function hashPhase(
  ctx: CoreContext,
  roots: ScanRoot[],
  run: RunWriter,
  progress: ProgressReporter,
  counts: Counts,
  problems: ProblemLog,
): Promise<void> {
  const todo = clipsNeedingHash(ctx.db, roots.map((r) => r.id));
  if (todo.length === 0) return;
  const pool = createHashPool();
  const write = hashWriter(ctx.db);
  const batch = batcher(ctx, run, counts, problems);
  const onAbort = () => void pool.close();
  ctx.signal?.addEventListener('abort', onAbort);
  progress.phase('hash');
  let next = 0;
  try {
    const worker = async () => {
      while (next < todo.length && !ctx.signal?.aborted) {
        const clip = todo[next++]!;
        const r = await pool.sha256(clip.path);
        if (r.ok) {
          counts.hashed++;
          batch.push(() => write(clip.id, r.hex, new Date().toISOString()), false);
        } else problems.add({ kind: 'file', path: clip.path, line: null, reason: r.reason });
        batch.tick();
        progress.update(counts.hashed, todo.length);
      }
    };
    await Promise.all(Array.from({ length: pool.size * 2 }, worker));
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort);
    await pool.close();
    batch.flush();
  }
}

// `npm run bench -- index [--sizes 1000,10000,100000]` (default 1000,10000): library indexing on a corpus of real
// MP4/MOV files (ffmpeg templates with varied durations, resolutions and metadata, moov at the start and at the end,
// each copy made unique as real recordings are, in a BCU/day/officer folder tree under benchmarks/.corpus/index/).
// Prints, per size: full index (footage only, and with the export), no-change re-index (best of 2, as the walk floor),
// files/s, CPU per file (all threads), peak RSS, the core's responsiveness while indexing (round trip to the worker
// thread that indexes, which has the app's core-thread settings), window fetches of the incident list,
// `exiftool -json` on the same files (reference; on more than 1,000 files it is timed on 1,000 and scaled), a bare
// readdir+stat walk (the floor, with synchronous and with promise-based calls; the faster counts), and what reading
// and hashing each file's two ends (the fingerprint) costs on its own. Figures beside the targets of issue 3; never asserts.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openDatabase } from '../electron/core/db/open';
import type { CoreContext } from '../electron/core/context';
import { runIndex } from '../electron/core/library/indexRun';
import { fingerprintHasher, type FingerprintHasher } from '../electron/core/library/probe/fingerprintHash';
import { CORE_RESOURCE_LIMITS } from '../electron/core/worker/protocol';
import { listIncidents } from '../electron/core/library/incidentsRepo';
import { incidentListInputSchema, type IndexSummary } from '../shared/ipc/library';

const ROOT = process.env.BWC_DIP_ROOT ?? process.cwd();
const CORPUS = join(ROOT, 'benchmarks', '.corpus', 'index');
const TEMPLATE_VERSION = '2';
const TARGETS = { timesExiftool: 100, timesWalk: 2, rssMb: 300, rttMs: 50 };

interface ChildResult {
  ms: number;
  maxRssMb: number;
  /** CPU time of the whole process (every thread), user + system, during the index run. */
  cpuMs?: number;
  /** The walk floor's two ways. */
  promiseMs?: number;
  syncMs?: number;
  summary?: Pick<IndexSummary, 'scanned' | 'added' | 'unchanged' | 'clips' | 'incidents'> & { skipped: number };
  rtt?: { max: number; p99: number; samples: number; maxPhase: string };
  files?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Child modes: each measurement runs in a fresh process so peak RSS is its own.

/** The floor, two ways: promise-based calls (many in flight) and synchronous calls; the faster one is reported. */
function walkFloorSync(root: string): number {
  let files = 0;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) stack.push(join(dir, e.name));
      else if (e.isFile()) {
        statSync(join(dir, e.name));
        files++;
      }
    }
  }
  return files;
}

/**
 * What the fingerprint alone costs (open, read the first and last 64 KiB, hash them as the probe workers do, close),
 * on one thread: the part of every new file's work that no parser or database choice can remove.
 */
function fingerprintFloor(root: string, hasher: FingerprintHasher): number {
  const edge = 64 * 1024;
  const buf = Buffer.allocUnsafe(2 * edge);
  let files = 0;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) stack.push(path);
      else if (e.isFile() && !e.name.startsWith('.')) {
        const fd = openSync(path, 'r');
        const size = fstatSync(fd).size;
        const head = buf.subarray(0, readSync(fd, buf, 0, Math.min(size, edge), 0));
        const tailAt = Math.max(edge, size - edge);
        hasher(size > tailAt ? [head, buf.subarray(edge, edge + readSync(fd, buf, edge, size - tailAt, tailAt))] : [head]);
        closeSync(fd);
        files++;
      }
    }
  }
  return files;
}

async function walkFloor(root: string): Promise<number> {
  let files = 0;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    const entries = await readdir(dir, { withFileTypes: true });
    const stats: Promise<unknown>[] = [];
    for (const e of entries) {
      if (e.isDirectory()) stack.push(join(dir, e.name));
      else if (e.isFile()) stats.push(stat(join(dir, e.name)).then(() => files++));
    }
    await Promise.all(stats);
  }
  return files;
}

/** The indexing worker: runs one index and answers pings from its event loop, as the core worker answers IPC. */
async function indexWorker(root: string, dbPath: string, manifests: string[]): Promise<void> {
  const port = parentPort!;
  // Each answer names the phase the run is in, so the slowest round trip can be placed.
  let phase = 'start';
  port.on('message', (m: { ping: number }) => port.postMessage({ pong: m.ping, phase }));
  const db = openDatabase(dbPath);
  const ctx: CoreContext = {
    db, dbPath, actor: 'bench', demo: false, resourcesDir: ROOT,
    emit: (event, payload) => {
      if (event === 'index.progress') phase = (payload as { phase: string }).phase;
    },
  };
  port.postMessage({ ready: true });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const s = await runIndex(ctx, { roots: [root], manifests, mapping: 'axon', hash: false, proximityMinutes: null });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // Pings that waited on the run's last steps are answered first. Then the benchmark closes its database, which the
  // app never does after a run (the close checkpoints the whole WAL): pongs delayed by it are marked and left out.
  await new Promise((resolve) => setImmediate(resolve));
  phase = 'close';
  db.close();
  port.postMessage({ done: { ms, cpuMs: (cpu.user + cpu.system) / 1000, summary: { scanned: s.scanned, added: s.added, unchanged: s.unchanged, clips: s.clips, incidents: s.incidents, skipped: s.skipped.length } } });
}

async function indexChild(root: string, dbPath: string, manifests: string[]): Promise<ChildResult> {
  // The same thread settings as the app's core worker (electron/main/coreClient.ts).
  const w = new Worker(__filename, { workerData: { root, dbPath, manifests }, resourceLimits: CORE_RESOURCE_LIMITS });
  const rtts: number[] = [];
  let slowest = { ms: 0, phase: '' };
  const sent = new Map<number, number>();
  let n = 0;
  let timer: NodeJS.Timeout | undefined;
  // Pings start when the index does (not during the worker's start-up and database opening), every 10 ms.
  type Done = { ms: number; cpuMs: number; summary: ChildResult['summary'] };
  const done = await new Promise<Done>((resolve, reject) => {
    w.on('message', (m: { ready?: true; pong?: number; phase?: string; done?: Done }) => {
      if (m.ready) {
        timer = setInterval(() => {
          sent.set(++n, performance.now());
          w.postMessage({ ping: n });
        }, 10);
      }
      if (m.pong !== undefined && m.phase !== 'close') {
        const ms = performance.now() - sent.get(m.pong)!;
        rtts.push(ms);
        if (ms > slowest.ms) slowest = { ms, phase: m.phase ?? '' };
      }
      if (m.done) resolve(m.done);
    });
    w.on('error', reject);
  });
  clearInterval(timer);
  await w.terminate();
  rtts.sort((a, b) => a - b);
  return {
    ms: done.ms,
    cpuMs: done.cpuMs,
    summary: done.summary,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rtt: { max: rtts.at(-1) ?? 0, p99: rtts[Math.floor(rtts.length * 0.99)] ?? 0, samples: rtts.length, maxPhase: slowest.phase },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus

interface Template {
  file: string;
  args: string[];
}

function templates(dir: string): string[] {
  const src = (size: string, rate: number, sec: number) => ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${rate}`, '-f', 'lavfi', '-i', 'sine', '-t', String(sec)];
  const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac'];
  const list: Template[] = [
    { file: 't1.mp4', args: [...src('160x120', 10, 1), ...h264, '-movflags', '+faststart', '-metadata', 'creation_time=2026-10-03T09:00:00Z'] },
    { file: 't2.mp4', args: [...src('160x120', 10, 2), ...h264, '-metadata', 'creation_time=2026-10-04T22:15:00Z'] },
    { file: 't3.mov', args: [...src('320x240', 15, 3), ...h264, '-metadata', 'make=Axon', '-metadata', 'model=Body 3', '-metadata', 'location=+51.5450-000.0553/', '-movflags', '+faststart'] },
    { file: 't4.mp4', args: [...src('320x240', 25, 1), ...h264, '-movflags', '+faststart'] },
    { file: 't5.mp4', args: [...src('240x180', 15, 5), ...h264, '-metadata', 'location=+51.5301-000.0420/', '-metadata', 'creation_time=2026-10-20T01:30:00Z'] },
    { file: 't6.mov', args: [...src('160x120', 30, 2), ...h264, '-metadata', 'make=Motorola', '-metadata', 'model=VB400'] },
  ];
  for (const t of list) {
    const out = join(dir, t.file);
    if (existsSync(out)) continue;
    const r = spawnSync('ffmpeg', ['-v', 'error', '-y', ...t.args, out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ffmpeg failed for ${t.file}: ${r.stderr}`);
  }
  return list.map((t) => join(dir, t.file));
}

const BCUS = ['Central East', 'Central North', 'North West', 'South'];
const CATEGORIES = ['Domestic Abuse', 'Domestic Abuse;Child Present', 'Public Order', 'Concern for Welfare', 'Child Protection'];

/**
 * BCU / day / officer folders of 25 clips, named like Axon exports; each copy gets a unique trailing 'free' box.
 * Beside the footage, an Axon-style export with one row per clip: two clips in three share a CAD reference (one call
 * attended by two officers), BCU in a tag, team, categories, "child present" on some.
 */
function corpus(n: number, tpl: string[]): { root: string; manifest: string } {
  const dir = join(CORPUS, `n${n}`);
  const manifest = join(CORPUS, `n${n}-export.csv`);
  const marker = join(dir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === TEMPLATE_VERSION && existsSync(manifest)) return { root: dir, manifest };
  rmSync(dir, { recursive: true, force: true });
  const part = `${dir}.part`;
  rmSync(part, { recursive: true, force: true });
  const bytes = tpl.map((p) => readFileSync(p));
  const free = Buffer.alloc(16);
  free.writeUInt32BE(16, 0);
  free.write('free', 4, 'latin1');
  const rows = ['ID,Title,Categories,Description,Owner,Recorded By,Recorded On,Uploaded On,Duration,Cases,Tags,Evidence Group,File Name'];
  for (let i = 0; i < n; i++) {
    const folder = Math.floor(i / 25);
    const day = String((folder % 31) + 1).padStart(2, '0');
    const bcu = folder % BCUS.length;
    const officer = `PC ${1000 + (folder % 400)}CE`;
    const rel = join(BCUS[bcu]!.toLowerCase().replace(' ', '-'), `2026-10-${day}`, officer);
    if (i % 25 === 0) mkdirSync(join(part, rel), { recursive: true });
    const t = i % bytes.length;
    const hh = String(Math.floor(i / 60) % 24).padStart(2, '0');
    const mm = String(i % 60).padStart(2, '0');
    const name = `Axon_Body_3_Video_2026-10-${day}_${hh}${mm}_${i}${tpl[t]!.slice(-4)}`;
    free.writeBigUInt64BE(BigInt(i), 8);
    writeFileSync(join(part, rel, name), Buffer.concat([bytes[t]!, free]));
    const call = Math.floor(i / 3);
    const cad = i % 3 === 2 ? '' : `CAD ${call % 10000}/${day}OCT26`;
    const tags = i % 4 === 0 ? `"child present, BCU:${BCUS[bcu]}"` : `BCU:${BCUS[bcu]}`;
    rows.push([i.toString(16).padStart(16, '0'), `Axon Body 3 Video ${i}`, CATEGORIES[call % CATEGORIES.length], '', officer, officer,
      `${day}/10/2026 ${hh}:${mm}`, '', '00:00:05', cad, tags, `TEAM-${bcu}-${folder % 7}`, name].join(','));
  }
  writeFileSync(manifest, `${rows.join('\r\n')}\r\n`);
  writeFileSync(join(part, '.complete'), TEMPLATE_VERSION);
  renameSync(part, dir);
  return { root: dir, manifest };
}

function listFiles(root: string, max: number): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length && out.length < max) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? 1 : -1))) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) stack.push(join(d, e.name));
      else if (out.length < max) out.push(join(d, e.name));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Parent

function child(args: string[]): ChildResult {
  const r = spawnSync(process.execPath, [__filename, '--child', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: process.env });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

function exiftool(root: string, n: number): { filesPerSec: number; scaled: boolean; ms: number } {
  const files = listFiles(root, Math.min(n, 1000));
  const list = join(scratchDir(), 'files.txt');
  writeFileSync(list, files.join('\n'));
  const t0 = performance.now();
  const r = spawnSync('exiftool', ['-json', '-@', list], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`exiftool failed: ${r.stderr}`);
  return { filesPerSec: (files.length / ms) * 1000, scaled: files.length < n, ms: (ms * n) / files.length };
}

function listWindowMs(dbPath: string, n: number): { plain: number; filtered: number; flag: number; reference: number } {
  const db = openDatabase(dbPath);
  const time = (input: object) => {
    const parsed = incidentListInputSchema.parse(input);
    listIncidents(db, parsed);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) listIncidents(db, parsed);
    return (performance.now() - t0) / 5;
  };
  const r = {
    plain: time({ offset: Math.floor(n / 2), limit: 100 }),
    filtered: time({ bcu: 'Central East', offset: Math.floor(n / 8), limit: 100 }),
    flag: time({ flag: 'child-present', offset: Math.floor(n / 8), limit: 100 }),
    reference: time({ reference: '12' }),
  };
  db.close();
  return r;
}

/** Scratch folders (databases, the exiftool file list), removed when the benchmark ends. */
const scratch: string[] = [];
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bwc-bench-'));
  scratch.push(dir);
  return dir;
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = (sizesArg > 0 ? process.argv[sizesArg + 1]! : '1000,10000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes whole numbers, e.g. 1000,10000');
  if (spawnSync('ffmpeg', ['-version']).status !== 0) throw new Error('ffmpeg is needed to make the corpus (apt-get install ffmpeg)');
  const hasExiftool = spawnSync('exiftool', ['-ver']).status === 0;
  mkdirSync(join(CORPUS, 'templates'), { recursive: true });
  const tpl = templates(join(CORPUS, 'templates'));
  console.log(`templates: ${tpl.map((p) => `${p.split('/').pop()} ${fmt(statSync(p).size / 1024)} KiB`).join(', ')}`);

  const rows: string[][] = [];
  for (const n of sizes) {
    const t0 = performance.now();
    const { root, manifest } = corpus(n, tpl);
    console.log(`\n${fmt(n)} files in ${root} (${fmt((performance.now() - t0) / 1000, 1)} s to prepare)`);
    // Every measurement below (exiftool's too) reads from the page cache: read each file once first.
    const warm = spawnSync('sh', ['-c', 'find "$1" -type f -exec cat {} + > /dev/null', 'warm', root]);
    if (warm.status !== 0) throw new Error(`could not read the corpus: ${warm.stderr}`);
    const dbPath = join(scratchDir(), 'bench.sqlite');
    const walk = child(['walk', root]);
    const footage = child(['index', root, join(scratchDir(), 'footage-only.sqlite')]);
    const full = child(['index', root, dbPath, manifest]);
    // Timed as the walk floor is, best of two runs (each in a fresh process): one run alone swings by ~10%.
    const againRuns = [child(['index', root, dbPath]), child(['index', root, dbPath])];
    const again = againRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
    const againExport = child(['index', root, dbPath, manifest]);
    const walk2 = child(['walk', root]);
    const floorMs = Math.min(walk.ms, walk2.ms);
    const ends = child(['ends', root]);
    const exif = hasExiftool ? exiftool(root, n) : null;
    const list = listWindowMs(dbPath, n);
    const fullRate = (n / footage.ms) * 1000;
    const runs = [footage, full, ...againRuns, againExport];
    const line = (label: string, r: ChildResult) =>
      console.log(`  ${label.padEnd(30)} ${fmt(r.ms / 1000, 2)} s, ${fmt((n / r.ms) * 1000)} files/s, CPU ${fmt(((r.cpuMs ?? 0) * 1000) / n)} µs/file (${fmt(availableParallelism())} cores), peak RSS ${fmt(r.maxRssMb)} MB, ` +
        `round trip p99 ${fmt(r.rtt!.p99, 1)} / max ${fmt(r.rtt!.max, 1)} ms (${r.rtt!.maxPhase}); ${JSON.stringify(r.summary)}`);
    line('full index, footage only:', footage);
    line('full index with the export:', full);
    line('no-change re-index (best of 2):', again);
    line('no-change, same export again:', againExport);
    const best = (k: 'promiseMs' | 'syncMs') => Math.min(walk[k]!, walk2[k]!);
    console.log(`  ${'readdir+stat walk:'.padEnd(30)} ${fmt(floorMs / 1000, 2)} s (best of 2 runs; synchronous calls ${fmt(best('syncMs') / 1000, 2)} s, promise-based ${fmt(best('promiseMs') / 1000, 2)} s), peak RSS ${fmt(walk.maxRssMb)} MB`);
    console.log(`  ${'fingerprint reads + hash:'.padEnd(30)} ${fmt(ends.ms / 1000, 2)} s on one thread, ${fmt((n / ends.ms) * 1000)} files/s, ${fmt((ends.ms * 1000) / n)} µs/file (the part of a new file's cost nothing else can remove)`);
    if (exif) console.log(`  ${'exiftool -json:'.padEnd(30)} ${fmt(exif.filesPerSec)} files/s${exif.scaled ? ` (timed on 1,000 files, scaled to ${fmt(n)}: ${fmt(exif.ms / 1000, 1)} s)` : ` (${fmt(exif.ms / 1000, 1)} s)`}`);
    console.log(`  ${'incident list, 100-row window:'.padEnd(30)} mid-table ${fmt(list.plain, 1)} ms, by BCU ${fmt(list.filtered, 1)} ms, by flag ${fmt(list.flag, 1)} ms, by reference ${fmt(list.reference, 1)} ms`);
    rows.push([
      fmt(n), fmt(footage.ms / 1000, 2), fmt(fullRate), exif ? `${fmt(fullRate / exif.filesPerSec, 1)}×` : 'n/a', fmt(full.ms / 1000, 2),
      fmt(again.ms / 1000, 2), fmt(floorMs / 1000, 2), `${fmt(again.ms / floorMs, 2)}×`,
      fmt(Math.max(...runs.map((r) => r.maxRssMb))),
      fmt(Math.max(...runs.map((r) => r.rtt!.p99)), 1), fmt(Math.max(...runs.map((r) => r.rtt!.max)), 1), fmt(list.plain, 1),
    ]);
  }
  const head = ['files', 'full s', 'files/s', 'vs exiftool', '+export s', 'no-change s', 'walk s', 'vs walk', 'peak RSS MB', 'RTT p99 ms', 'RTT max ms', 'list ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(`\n${line(head)}\n${rows.map(line).join('\n')}`);
  console.log(
    `targets: full index >= ${TARGETS.timesExiftool}× exiftool's files/s; no-change re-index <= ${TARGETS.timesWalk}× the readdir+stat walk; ` +
      `peak RSS flat in N and < ${TARGETS.rssMb} MB at 100k; round trip to the indexing thread < ${TARGETS.rttMs} ms. ` +
      'Page cache warm (every file read once before timing); exiftool reads the same files. ' +
      '"vs exiftool" and "vs walk" use the footage-only full index and the no-change re-index; peak RSS and round trips are the worst of all five index runs.',
  );
}

async function childMain(): Promise<void> {
  const [mode, root, dbPath, ...manifests] = process.argv.slice(process.argv.indexOf('--child') + 1);
  if (mode === 'ends') {
    const t0 = performance.now();
    const hasher = await fingerprintHasher();
    const files = fingerprintFloor(root!, hasher);
    console.log(JSON.stringify({ ms: performance.now() - t0, files, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  } else if (mode === 'walk') {
    const t0 = performance.now();
    const files = await walkFloor(root!);
    const t1 = performance.now();
    walkFloorSync(root!);
    const promiseMs = t1 - t0;
    const syncMs = performance.now() - t1;
    console.log(JSON.stringify({ ms: Math.min(promiseMs, syncMs), promiseMs, syncMs, files, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  } else {
    console.log(JSON.stringify(await indexChild(root!, dbPath!, manifests)));
  }
}

if (!isMainThread) {
  const { root, dbPath, manifests } = workerData as { root: string; dbPath: string; manifests: string[] };
  void indexWorker(root, dbPath, manifests);
} else if (process.argv.includes('--child')) {
  void childMain();
} else {
  main()
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));
}

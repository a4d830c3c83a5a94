// `npm run bench -- sample [--runs N] [--incidents N]`: drawing an audit round from a library of a million incidents.
// Builds (once, kept in benchmarks/.corpus) a SQLite file of 1M incidents over 12 BCUs and two years, with teams,
// categories, flags and officers in the library's one-row-per-value tables; then times `createRound` end to end
// (checks, frame query, SHA-256 frame hash, stratified draw, store with its frame and audit record) for a team-stratified
// 95% / ±5% round, beside SQLite's `ORDER BY RANDOM() LIMIT n` on the same frame. Prints figures; never asserts.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../electron/core/db/open';
import { createRound } from '../electron/core/rounds/create';
import { checkDesign } from '../electron/core/rounds/design';
import { encodeFrame } from '../electron/core/rounds/frameCodec';
import { frameHash } from '../electron/core/rounds/frameHash';
import { frameQuery, readFrame } from '../electron/core/rounds/frameRepo';
import type { RoundCreateInput } from '../shared/ipc/rounds';
import { createMt19937 } from '../shared/random/mt19937';
import { uniformBelow } from '../shared/random/uniform';
import { drawStratifiedFrame } from '../shared/sampling/draw';

const ROOT = process.env.BWC_DIP_ROOT ?? process.cwd();
const RESOURCES = join(ROOT, 'resources');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Math.max(1, Number(process.argv[i + 1]) || fallback) : fallback;
};
const RUNS = arg('runs', 5);
const INCIDENTS = arg('incidents', 1_000_000);
const TARGET_MS = 500;
const CORPUS = join(ROOT, 'benchmarks', '.corpus', `sample-${INCIDENTS}.sqlite`);

const BCUS = ['Central East', 'Central North', 'Central South', 'Central West', 'East Area', 'North Area', 'North East',
  'North West', 'South Area', 'South East', 'South West', 'West Area'];
const CATEGORIES = ['domestic abuse', 'public order', 'theft', 'burglary', 'assault', 'concern for welfare',
  'missing person', 'neglect', 'road traffic', 'mental health'];
const CATEGORY_WEIGHTS = [30, 12, 10, 8, 10, 10, 6, 4, 6, 4];
const FLAGS = ['child present', 'child resident', 'repeat address', 'weapon'];
const FLAG_PERCENT = [25, 15, 20, 5];
const TEAMS_PER_BCU = 8;
const OFFICERS = 2400;

/** A deterministic library: the same file on every machine (MT19937, seed 2026), so figures compare across runs. */
function buildCorpus(path: string): void {
  mkdirSync(join(ROOT, 'benchmarks', '.corpus'), { recursive: true });
  const part = `${path}.part`;
  rmSync(part, { force: true });
  const db = openDatabase(part);
  const rng = createMt19937([2026]);
  const pick = (n: number) => uniformBelow(rng, n);
  const totalWeight = CATEGORY_WEIGHTS.reduce((a, b) => a + b, 0);
  const category = () => {
    let x = pick(totalWeight);
    for (let i = 0; i < CATEGORY_WEIGHTS.length; i++) if ((x -= CATEGORY_WEIGHTS[i]!) < 0) return CATEGORIES[i]!;
    return CATEGORIES[0]!;
  };
  const start = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2027, 0, 1) - start;
  const t0 = performance.now();
  const insert = db.prepare(
    `INSERT INTO incidents (id, reference, refs, source, bcu, team, officers, officer_ids, started_at, ended_at, categories,
       flags, clip_count, created_at, updated_at) VALUES (?, ?, '[]', 'reference', ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?)`,
  );
  const addCategory = db.prepare('INSERT INTO incident_categories (incident_id, category) VALUES (?, ?)');
  const addFlag = db.prepare('INSERT INTO incident_flags (incident_id, flag) VALUES (?, ?)');
  const addOfficer = db.prepare('INSERT INTO incident_officers (incident_id, officer) VALUES (?, ?)');
  db.transaction(() => {
    for (let id = 1; id <= INCIDENTS; id++) {
      const bcu = pick(BCUS.length);
      const team = `${BCUS[bcu]} ${String.fromCharCode(65 + pick(TEAMS_PER_BCU))}`;
      const at = new Date(start + Math.floor((pick(0x40000000) / 0x40000000) * span)).toISOString();
      const end = new Date(Date.parse(at) + (10 + pick(110)) * 60_000).toISOString();
      const cats = [...new Set([category(), ...(pick(4) === 0 ? [category()] : [])])].sort();
      const flags = FLAGS.filter((_, i) => pick(100) < FLAG_PERCENT[i]!);
      const first = pick(OFFICERS);
      const officerNumbers = [...new Set([first, ...(pick(2) === 0 ? [pick(OFFICERS)] : [])])].sort((a, b) => a - b);
      const officers = officerNumbers.map((n) => `PC ${n}`);
      const ids = officerNumbers.map((n) => `${100000 + n}`);
      insert.run(id, `CAD ${id}`, BCUS[bcu], team, JSON.stringify(officers), JSON.stringify(ids), at, end, JSON.stringify(cats), JSON.stringify(flags), at, at);
      for (const c of cats) addCategory.run(id, c);
      for (const f of flags) addFlag.run(id, f);
      for (const o of officers) addOfficer.run(id, o);
    }
  })();
  db.exec('ANALYZE');
  db.close();
  renameSync(part, path);
  console.log(`built ${INCIDENTS.toLocaleString('en-GB')} incidents in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${path}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;

function time<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

function scenario(db: Database, label: string, filters: RoundCreateInput['filters']): void {
  const input: RoundCreateInput = {
    name: `bench: ${label}`,
    filters: { ...filters, includePreviouslySampled: true },
    size: { method: 'confidence', confidence: 0.95, margin: 0.05 },
    strata: ['team'],
    seed: 'bench-2026',
  };
  const design = checkDesign({ filters: input.filters, size: input.size, strata: input.strata });
  if (!design.ok) throw new Error(design.problems.map((p) => p.message).join('; '));
  const { filters: f, strata, size } = design.value;

  const tool: number[] = [];
  const parts = { frame: [] as number[], hash: [] as number[], draw: [] as number[], encode: [] as number[] };
  const random: number[] = [];
  let n = 0;
  let frameSize = 0;
  let strataCount = 0;
  for (let r = 0; r < RUNS; r++) {
    const made = time(() => createRound(db, input, { actor: 'bench', resourcesDir: RESOURCES }));
    tool.push(made.ms);
    n = made.value.statement.size.outcome.n;
    frameSize = made.value.statement.frameSize;
    strataCount = made.value.statement.allocation.length;

    // The same steps one by one, to show where the time goes.
    const frame = time(() => readFrame(db, f, strata, Number.MAX_SAFE_INTEGER));
    parts.frame.push(frame.ms);
    parts.hash.push(time(() => frameHash(frame.value.ids)).ms);
    parts.draw.push(time(() => drawStratifiedFrame({ frame: frame.value, size, seed: 'bench-2026' })).ms);
    parts.encode.push(time(() => encodeFrame(frame.value)).ms);

    const q = frameQuery(f, [], Number.MAX_SAFE_INTEGER);
    const sql = q.sql.replace(/ORDER BY i\.id$/, 'ORDER BY RANDOM() LIMIT ?');
    random.push(time(() => db.prepare(sql).pluck().all(...q.params, n)).ms);
  }
  const toolMs = median(tool);
  console.log(`\n${label}: frame ${frameSize.toLocaleString('en-GB')} incidents, ${strataCount} team strata, n = ${n} (95% ±5%)`);
  console.log(`  createRound, end to end (median of ${RUNS}) ${ms(toolMs)}   target < ${TARGET_MS} ms: ${toolMs < TARGET_MS ? 'met' : 'NOT met'}`);
  console.log(`    frame query + stratum keys           ${ms(median(parts.frame))}`);
  console.log(`    SHA-256 of sorted frame ids          ${ms(median(parts.hash))}`);
  console.log(`    stratified draw (MT19937, FY)        ${ms(median(parts.draw))}`);
  console.log(`    frame encoding for verify            ${ms(median(parts.encode))}`);
  console.log(`  SQLite ORDER BY RANDOM() LIMIT n       ${ms(median(random))}   (unstratified, unseeded, not reproducible)`);
}

function main(): void {
  if (!existsSync(CORPUS)) buildCorpus(CORPUS);
  const db = openDatabase(CORPUS);
  const count = db.prepare('SELECT count(*) FROM incidents').pluck().get() as number;
  console.log(`library: ${count.toLocaleString('en-GB')} incidents (${CORPUS}); ${RUNS} runs per figure`);
  scenario(db, 'one BCU, one month (Central East, October 2026)', { bcu: 'Central East', from: '2026-10-01', to: '2026-10-31' });
  scenario(db, 'one BCU, one year, domestic abuse with a child present', {
    bcu: 'Central East', from: '2026-01-01', to: '2026-12-31', categories: ['domestic abuse'], flags: ['child present', 'child resident'],
  });
  scenario(db, 'one BCU, two years', { bcu: 'Central East', from: '2025-01-01', to: '2026-12-31' });
  scenario(db, 'the whole library', {});
  db.close();
}

main();

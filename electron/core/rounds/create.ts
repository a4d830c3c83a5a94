import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { roundCreateInputSchema, type FieldProblem, type RoundCreate, type RoundDetail } from '../../../shared/ipc/rounds';
import { createMt19937 } from '../../../shared/random/mt19937';
import { parseSeed, seedFromRandomWords } from '../../../shared/random/seed';
import { assignReviewers, type Assignment } from '../../../shared/sampling/assign';
import { allocateProportional, type StratumAllocation } from '../../../shared/sampling/allocate';
import { drawStratifiedFrame } from '../../../shared/sampling/draw';
import { appendAudit } from '../audit/log';
import { UserError } from '../errors';
import { loadRubrics, getRubric } from '../rubrics/catalogue';
import { getUser } from '../users/users';
import { checkParsedDesign, schemaProblems, type CheckedDesign } from './design';
import { readRound } from './detail';
import { encodeFrame } from './frameCodec';
import { frameHash } from './frameHash';
import { readFrame } from './frameRepo';
import { frameProblems } from './frameProblems';
import { allocationRows, sizeFor, sizeOutcome } from './preview';
import { insertRound, type SampledIncident } from './roundsRepo';

/**
 * Drawing a round: everything is checked before anything is written, then the frame is read, hashed, drawn from,
 * assigned and stored in ONE immediate transaction with its audit record, so a round exists whole or not at all, and
 * no other writer can slip a round in between reading the frame and storing the sample.
 */

/** Assignment tie-breaks come from MT19937 keyed with the seed words followed by this word ("assg"), a stream of their own. */
export const ASSIGNMENT_STREAM = 0x61737367;
export const DEFAULT_RUBRIC_ID = 'child-focus';

export interface CreateOptions {
  actor: string;
  resourcesDir: string;
  now?: Date;
  /** Where a fresh seed's two 32-bit words come from; the OS's cryptographic source unless a test says otherwise. */
  randomWords?: () => [number, number];
}

function cryptoWords(): [number, number] {
  const b = randomBytes(8);
  return [b.readUInt32LE(0), b.readUInt32LE(4)];
}

function fail(problems: FieldProblem[]): never {
  throw new UserError('bad-input', problems.map((p) => p.message).join('; '));
}

interface Checked {
  input: RoundCreate;
  design: CheckedDesign;
  seed: { text: string; words: number[]; generated: boolean };
  reviewers: { id: string; officerIds: string[] }[];
  rubric: { id: string; version: number };
}

function resolveRubric(resourcesDir: string, asked: RoundCreate['rubric'], problems: FieldProblem[]): { id: string; version: number } | null {
  if (asked) {
    try {
      getRubric(resourcesDir, asked.id, asked.version);
      return asked;
    } catch (e) {
      problems.push({ field: 'rubric', message: (e as Error).message });
      return null;
    }
  }
  const newest = loadRubrics(resourcesDir)
    .rubrics.map((r) => r.rubric)
    .filter((r) => r.id === DEFAULT_RUBRIC_ID)
    .sort((a, b) => b.version - a.version)[0];
  if (!newest) problems.push({ field: 'rubric', message: `No ${DEFAULT_RUBRIC_ID} rubric is installed: name the rubric to score with` });
  return newest ? { id: newest.id, version: newest.version } : null;
}

function checkCalibration(c: RoundCreate['calibration'], reviewers: number, problems: FieldProblem[]): void {
  if (c.fraction !== undefined && c.count !== undefined) {
    problems.push({ field: 'calibration', message: 'Calibration: give a fraction or a count, not both' });
    return;
  }
  if (c.fraction !== undefined && !(c.fraction >= 0 && c.fraction <= 1)) {
    problems.push({ field: 'calibration', message: `Calibration fraction must be from 0 to 1 (e.g. 0.1 for 10%), got ${c.fraction}` });
  }
  if (c.count !== undefined && !(Number.isSafeInteger(c.count) && c.count >= 0)) {
    problems.push({ field: 'calibration', message: `Calibration count must be a whole number, 0 or more, got ${c.count}` });
  }
  if (((c.fraction ?? 0) > 0 || (c.count ?? 0) > 0) && reviewers < 2) {
    problems.push({ field: 'reviewers', message: 'Calibration needs at least two reviewers to double-score incidents' });
  }
}

function checkAll(db: Database, raw: unknown, resourcesDir: string, randomWords: () => [number, number]): Checked {
  const parsed = roundCreateInputSchema.safeParse(raw);
  if (!parsed.success) fail(schemaProblems(parsed.error));
  const input = parsed.data;
  const problems: FieldProblem[] = [];
  if (input.name.trim() === '') problems.push({ field: 'name', message: 'Round name is required' });
  const design = checkParsedDesign(input);
  if (!design.ok) problems.push(...design.problems);

  let seed: Checked['seed'] | null = null;
  if (input.seed === undefined) {
    const text = seedFromRandomWords(randomWords());
    const generated = parseSeed(text);
    if (!generated.ok) throw new Error(`generated seed ${text} does not parse: ${generated.error}`);
    seed = { text, words: generated.words, generated: true };
  } else {
    const s = parseSeed(input.seed);
    if (s.ok) seed = { text: s.seed, words: s.words, generated: false };
    else problems.push({ field: 'seed', message: s.error });
  }

  const reviewers: Checked['reviewers'] = [];
  const seen = new Set<string>();
  for (const raw of input.reviewers) {
    const id = raw.trim();
    if (id === '') continue;
    if (seen.has(id)) {
      problems.push({ field: 'reviewers', message: `Reviewer '${id}' is listed twice` });
      continue;
    }
    seen.add(id);
    const user = getUser(db, id);
    if (!user) problems.push({ field: 'reviewers', message: `Unknown reviewer '${id}': no such user (see bwc-dip users list)` });
    else reviewers.push({ id: user.id, officerIds: user.officerIds });
  }
  checkCalibration(input.calibration, seen.size, problems);
  const rubric = resolveRubric(resourcesDir, input.rubric, problems);

  if (problems.length > 0 || !design.ok || !seed || !rubric) fail(problems);
  return { input: { ...input, name: input.name.trim() }, design: design.value, seed, reviewers, rubric };
}

function officersOf(db: Database, ids: readonly number[]): Map<number, string[]> {
  const stmt = db.prepare('SELECT officers, officer_ids FROM incidents WHERE id = ?');
  const out = new Map<number, string[]>();
  for (const id of ids) {
    const row = stmt.get(id) as { officers: string; officer_ids: string };
    // Collar numbers and names alike: a reviewer listed under either is never assigned their own incident.
    out.set(id, [...(JSON.parse(row.officer_ids) as string[]), ...(JSON.parse(row.officers) as string[])]);
  }
  return out;
}

export function createRound(db: Database, raw: unknown, opts: CreateOptions): RoundDetail {
  const c = checkAll(db, raw, opts.resourcesDir, opts.randomWords ?? cryptoWords);
  const now = opts.now ?? new Date();
  const { design } = c;

  const roundId = db.transaction(() => {
    const frame = readFrame(db, design.filters, design.strata, Number.MAX_SAFE_INTEGER);
    const problems = frameProblems(db, design.filters, design.strata, frame);
    if (problems.length > 0) fail(problems);
    const frameSize = frame.ids.length;
    const sized = sizeFor(design.size, frameSize);
    if (!sized.ok) fail([sized.problem]);

    const drawn = drawStratifiedFrame({ frame, size: design.size, seed: c.seed.text, minPerStratum: design.minPerStratum });
    if (!drawn.ok) fail([{ field: 'minPerStratum', message: drawn.error }]);
    // The sample is each stratum's draw in allocation order (draw.ts, step 5), so the allocation names every id's stratum.
    const sample: SampledIncident[] = [];
    for (const a of drawn.allocation) {
      for (let k = 0; k < a.sample; k++) sample.push({ id: drawn.ids[sample.length]!, stratum: a.key, weight: a.weight });
    }

    let assignments: Assignment[] = [];
    if (c.reviewers.length > 0) {
      const officers = officersOf(db, drawn.ids);
      const assigned = assignReviewers({
        incidents: drawn.ids.map((id) => ({ id, officers: officers.get(id)! })),
        reviewers: c.reviewers,
        calibration: c.input.calibration,
        rng: createMt19937([...c.seed.words, ASSIGNMENT_STREAM]),
      });
      if (!assigned.ok) fail([{ field: 'reviewers', message: assigned.error }]);
      assignments = assigned.assignments;
    }

    const hash = frameHash(frame.ids);
    const calibration = {
      fraction: c.input.calibration.fraction ?? null,
      count: c.input.calibration.count ?? null,
      incidents: assignments.filter((a) => a.calibration).length,
    };
    const id = insertRound(
      db,
      {
        name: c.input.name,
        filters: design.filters.stored,
        frameSize,
        frameHash: hash,
        sizeRequest: design.size,
        sizeOutcome: sizeOutcome(drawn.sizeResult),
        strata: design.strata,
        minPerStratum: design.minPerStratum,
        allocation: allocationRows(drawn.allocation),
        proportional: isProportional(drawn.allocation, drawn.n, design.minPerStratum),
        algorithm: { id: drawn.algorithm.id, version: drawn.algorithm.version, prng: drawn.algorithm.prng },
        seed: drawn.seed,
        seedGenerated: c.seed.generated,
        calibration,
        reviewers: c.reviewers,
        rubric: c.rubric,
        drawnBy: opts.actor,
        drawnAt: now.toISOString(),
      },
      sample,
      encodeFrame(frame),
      assignments,
    );
    appendAudit(
      db,
      opts.actor,
      {
        action: 'combination',
        objectType: 'round',
        objectId: id,
        detail: {
          statement: `Drew round ${id} "${c.input.name}": ${drawn.n} of ${frameSize} incidents`,
          filters: design.filters.stored,
          frameSize,
          frameHash: hash,
          size: design.size,
          n: drawn.n,
          strata: design.strata,
          algorithm: drawn.algorithm,
          seed: drawn.seed,
          reviewers: c.reviewers.map((r) => r.id),
          calibrationIncidents: calibration.incidents,
        },
      },
      now,
    );
    return id;
  }).immediate();
  return readRound(db, roundId);
}

/** The draw's allocation is allocate.ts's; asking it again (over the strata, not the frame) gives the flag it leaves out. */
function isProportional(allocation: readonly StratumAllocation[], n: number, minPerStratum: number): boolean {
  const r = allocateProportional(allocation.map((a) => ({ key: a.key, population: a.population })), n, minPerStratum);
  return r.ok && r.proportional;
}

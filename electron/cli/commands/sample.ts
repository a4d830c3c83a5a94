import type { RoundCreateInput, RoundDetail, RoundVerification, SizeRequest } from '../../../shared/ipc/rounds';
import { computeSampleSize, type SizeSpec } from '../../../shared/sampling/size';
import { UserError } from '../../core/errors';
import { createRound } from '../../core/rounds/create';
import { listRounds, readRound } from '../../core/rounds/detail';
import { verifyRound } from '../../core/rounds/verify';
import { flag, num, probability, requireStr, str, strs } from '../args';
import type { Command, ParsedValues } from '../command';

/** `bwc-dip sample-size` and `bwc-dip sample create|show|verify|list`: audit rounds from the command line. */

/** Comma lists and repeated options alike: `--reviewers a,b --reviewers c`. */
function commaList(values: ParsedValues, name: string): string[] {
  return strs(values, name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

function roundIdOf(text: string): number {
  const id = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(id) || id < 1) {
    throw new UserError('bad-input', `round must be a round number (see bwc-dip sample list), got '${text}'`);
  }
  return id;
}

/** The one size option set given, as a size request; two methods at once, or none, is the user's to fix. */
function sizeRequest(values: ParsedValues): SizeRequest {
  const discovery = flag(values, 'discovery');
  const methods = [
    values.size !== undefined && '--size',
    values.percent !== undefined && '--percent',
    values.margin !== undefined && '--confidence with --margin',
    discovery && '--discovery',
  ].filter((m): m is string => m !== false);
  if (methods.length > 1) throw new UserError('bad-input', `give one sample size method, not ${methods.join(' and ')}`);
  if (discovery) {
    if (values.confidence === undefined) throw new UserError('bad-input', '--discovery needs --confidence C');
    if (values.tolerable === undefined) throw new UserError('bad-input', '--discovery needs --tolerable R (the tolerable failure rate)');
    return { method: 'discovery', confidence: probability(values, 'confidence'), tolerableRate: probability(values, 'tolerable') };
  }
  if (values.size !== undefined) return { method: 'fixed', n: num(values, 'size', { integer: true, min: 1 }) };
  if (values.percent !== undefined) return { method: 'percent', percent: num(values, 'percent') };
  if (values.margin !== undefined) {
    if (values.confidence === undefined) throw new UserError('bad-input', '--margin needs --confidence C');
    const proportion = probability(values, 'proportion');
    return {
      method: 'confidence',
      confidence: probability(values, 'confidence'),
      margin: probability(values, 'margin'),
      ...(proportion === undefined ? {} : { proportion }),
    };
  }
  if (values.confidence !== undefined) throw new UserError('bad-input', '--confidence needs --margin E (or --discovery with --tolerable R)');
  throw new UserError('bad-input', 'give a sample size: --size N, --percent P, --confidence C --margin E, or --discovery --confidence C --tolerable R');
}

export const sampleSize: Command = {
  path: ['sample-size'],
  summary: 'sample size for a confidence level and margin (with finite population correction) or discovery sampling',
  usage:
    'bwc-dip sample-size --population N (--confidence C --margin E [--proportion P] | --discovery --confidence C --tolerable R) [--json]',
  options: {
    population: { type: 'string' },
    confidence: { type: 'string' },
    margin: { type: 'string' },
    proportion: { type: 'string' },
    discovery: { type: 'boolean' },
    tolerable: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  run(_ctx, values) {
    const population = num(values, 'population', { integer: true, min: 1 });
    if (population === undefined) throw new UserError('bad-input', '--population is required');
    // computeSampleSize checks the request against the size schema itself; sizeRequest only read the options.
    const spec = sizeRequest(values) as SizeSpec;
    const r = computeSampleSize(spec, population);
    if (!r.ok) throw new UserError('bad-input', r.error);
    return { json: { n: r.n }, text: `${r.n}\n${r.explanation}` };
  },
};

/** What `sample create` and `sample show` print with --json: the issue's keys first, then the whole statement. */
export function roundJson(d: RoundDetail) {
  const s = d.statement;
  return {
    roundId: s.id,
    name: s.name,
    frameSize: s.frameSize,
    frameHash: s.frameHash,
    seed: s.seed,
    seedGenerated: s.seedGenerated,
    algorithm: s.algorithm,
    size: s.size.outcome.n,
    sizeMethod: s.size.request,
    sizeExplanation: s.size.outcome.explanation,
    takeAll: s.size.outcome.takeAll,
    allocation: s.allocation,
    incidents: d.incidents.map((i) => i.incidentId),
    assignments: d.incidents.map((i) => ({ incidentId: i.incidentId, reviewers: i.reviewers, calibration: i.calibration })),
    progress: d.progress,
    statement: s,
  };
}

function roundText(d: RoundDetail): string {
  const s = d.statement;
  const f = s.filters;
  const lines = [
    `Round ${s.id}: ${s.name} (${s.status})`,
    `Drawn by ${s.drawnBy} at ${s.drawnAt}`,
    `Filters: BCU ${f.bcu ?? 'any'}; dates ${f.from ?? 'open'} to ${f.to ?? 'open'} (UK local)` +
      `; categories ${f.categories.join(', ') || 'any'}; flags ${f.flags.join(', ') || 'any'}` +
      `; teams ${f.teams.join(', ') || 'any'}; officers ${f.officers.join(', ') || 'any'}` +
      `; previously sampled incidents ${f.includePreviouslySampled ? 'included' : 'excluded'}`,
    `Frame: ${s.frameSize} incidents, SHA-256 ${s.frameHash}`,
    `Size: n = ${s.size.outcome.n}. ${s.size.outcome.explanation}`,
    `Strata: ${s.strata.join(', ') || 'none'}; minimum per stratum ${s.minPerStratum}; allocation ${s.proportional ? 'proportional' : 'not proportional (estimates weighted by N_h/n_h)'}`,
    ...s.allocation.map((a) => `  ${a.stratum}: ${a.sample} of ${a.population}${a.weight === null ? '' : ` (weight ${Number(a.weight.toFixed(4))})`}`),
    `Algorithm: ${s.algorithm.id} v${s.algorithm.version} (PRNG ${s.algorithm.prng}); seed ${s.seed}${s.seedGenerated ? ' (generated)' : ''}`,
    `Rubric: ${s.rubric.id} v${s.rubric.version}`,
    `Calibration: ${s.calibration.incidents} incidents double-scored`,
    `Sample (draw order): ${d.incidents.map((i) => i.incidentId).join(', ')}`,
    ...d.progress.map((p) => `  ${p.reviewerId}: ${p.assigned} assigned, ${p.notStarted} not started, ${p.draft} draft, ${p.submitted} submitted`),
    `Verify: ${s.verifyCommand}`,
  ];
  return lines.join('\n');
}

export const sampleCreate: Command = {
  path: ['sample', 'create'],
  summary: 'draw an audit round (reproducible stratified random sample), assign reviewers, store and lock its statement',
  usage:
    'bwc-dip sample create --name TEXT [--bcu X] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--category C]... [--flag F]... ' +
    '[--team T]... [--officer O]... [--include-sampled] [--size N | --percent P | --confidence C --margin E [--proportion P] | ' +
    '--discovery --confidence C --tolerable R] [--strata FIELD[,FIELD]] [--min-per-stratum K] [--seed S] ' +
    '[--calibration FRACTION] [--reviewers ID,ID] [--json]',
  options: {
    name: { type: 'string' },
    bcu: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    category: { type: 'string', multiple: true },
    flag: { type: 'string', multiple: true },
    team: { type: 'string', multiple: true },
    officer: { type: 'string', multiple: true },
    'include-sampled': { type: 'boolean' },
    size: { type: 'string' },
    percent: { type: 'string' },
    confidence: { type: 'string' },
    margin: { type: 'string' },
    proportion: { type: 'string' },
    discovery: { type: 'boolean' },
    tolerable: { type: 'string' },
    strata: { type: 'string', multiple: true },
    'min-per-stratum': { type: 'string' },
    seed: { type: 'string' },
    calibration: { type: 'string' },
    reviewers: { type: 'string', multiple: true },
  },
  positionals: { min: 0, max: 0 },
  run(ctx, values) {
    const calibration = num(values, 'calibration');
    const input: RoundCreateInput = {
      name: requireStr(values, 'name'),
      filters: {
        bcu: str(values, 'bcu'),
        from: str(values, 'from'),
        to: str(values, 'to'),
        categories: strs(values, 'category'),
        flags: strs(values, 'flag'),
        teams: strs(values, 'team'),
        officers: strs(values, 'officer'),
        includePreviouslySampled: flag(values, 'include-sampled'),
      },
      size: sizeRequest(values),
      strata: commaList(values, 'strata'),
      minPerStratum: num(values, 'min-per-stratum') ?? 0,
      seed: str(values, 'seed'),
      calibration: calibration === undefined ? {} : { fraction: calibration },
      reviewers: commaList(values, 'reviewers'),
    };
    const detail = createRound(ctx.db(), input, { actor: ctx.actor, resourcesDir: ctx.resourcesDir });
    return { json: roundJson(detail), text: roundText(detail) };
  },
};

export const sampleShow: Command = {
  path: ['sample', 'show'],
  summary: "print a round's statement, allocation, sample, assignments and progress",
  usage: 'bwc-dip sample show <round> [--json]',
  options: {},
  positionals: { min: 1, max: 1 },
  run(ctx, _values, [round]) {
    const detail = readRound(ctx.db(), roundIdOf(round!));
    return { json: roundJson(detail), text: roundText(detail) };
  },
};

function verificationText(v: RoundVerification): string {
  return [`Round ${v.roundId} (${v.name}): ${v.identical ? 'IDENTICAL' : 'DIFFERS'}`, ...v.findings.map((f) => `- ${f}`)].join('\n');
}

export const sampleVerify: Command = {
  path: ['sample', 'verify'],
  summary: "re-derive a round's sample from its statement against today's library; exit 1 naming what differs",
  usage: 'bwc-dip sample verify <round> [--json]',
  options: {},
  positionals: { min: 1, max: 1 },
  run(ctx, _values, [round]) {
    const v = verifyRound(ctx.db(), roundIdOf(round!));
    return { json: v, text: verificationText(v), exitCode: v.identical ? 0 : 1 };
  },
};

export const sampleList: Command = {
  path: ['sample', 'list'],
  summary: 'list the audit rounds, newest first',
  usage: 'bwc-dip sample list [--json]',
  options: {},
  positionals: { min: 0, max: 0 },
  run(ctx) {
    const rounds = listRounds(ctx.db());
    const text = rounds.length
      ? rounds
          .map((r) => `${r.id}\t${r.name}\t${r.status}\tn=${r.n} of ${r.frameSize}\tseed ${r.seed}\t${r.drawnAt}\t${r.submitted}/${r.assigned} submitted`)
          .join('\n')
      : 'no rounds yet (bwc-dip sample create)';
    return { json: rounds, text };
  },
};

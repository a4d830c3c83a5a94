import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KappaWeights } from '../../../shared/agreement/cohen';
import { parseAgreementCsv, type AgreementCsvIssue } from '../../../shared/agreement/longFormat';
import { AGREEMENT_METRICS, computeAgreement, type AgreementMetric, type AgreementSummary } from '../../../shared/agreement/summary';
import { MEASUREMENT_LEVELS, pairableUnits, type MeasurementLevel } from '../../../shared/agreement/table';
import { gatherCalibration } from '../../core/calibration/gather';
import { roundAgreement, type RoundAgreement } from '../../core/calibration/roundAgreement';
import { UserError } from '../../core/errors';
import { num, str } from '../args';
import type { Command, CommandResult, ParsedValues } from '../command';

const WEIGHTS: readonly KappaWeights[] = ['none', 'linear', 'quadratic'];
/** Far beyond any calibration export (a million ratings is ~20 MB); keeps a mistaken video path out of memory. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** A file with thousands of bad lines is the wrong file; the first ones say so. */
const MAX_LISTED_PROBLEMS = 50;

const USAGE =
  'bwc-dip agreement (--input FILE.csv [--level nominal|ordinal|interval|ratio] | --round ID [--item N]) ' +
  '[--metric percent|cohen|fleiss|krippendorff|ac1|all] [--weights none|linear|quadratic] [--json]';

export const agreement: Command = {
  path: ['agreement'],
  summary: "inter-rater agreement (percent, Cohen, Fleiss, Krippendorff's alpha, Gwet's AC1) of a CSV file or a round's calibration reviews",
  usage: USAGE,
  options: {
    input: { type: 'string' },
    round: { type: 'string' },
    item: { type: 'string' },
    metric: { type: 'string' },
    level: { type: 'string' },
    weights: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  run(ctx, values) {
    const input = str(values, 'input');
    const round = num(values, 'round', { integer: true, min: 1 });
    if ((input === undefined) === (round === undefined)) {
      throw new UserError('bad-input', `give either --input FILE.csv or --round ID (usage: ${USAGE})`);
    }
    const metrics = readMetrics(values);
    const weights = readChoice(values, 'weights', WEIGHTS) ?? 'none';
    if (round !== undefined) {
      if (values.level !== undefined) {
        throw new UserError('bad-input', '--level applies to --input only: rubric answers are ordered (yes > partly > no), so --round uses ordinal');
      }
      const item = num(values, 'item', { integer: true, min: 1 });
      const result = roundAgreement(gatherCalibration(ctx.db(), ctx.resourcesDir, round), { weights, metrics, ...(item === undefined ? {} : { item }) });
      return roundResult(result, metrics, item !== undefined);
    }
    if (values.item !== undefined) throw new UserError('bad-input', '--item applies to --round only');
    const level = readChoice(values, 'level', MEASUREMENT_LEVELS) ?? 'nominal';
    if (weights !== 'none' && level === 'nominal') {
      throw new UserError('bad-input', `--weights ${weights} measures distances between ordered values: add --level ordinal, interval or ratio`);
    }
    return fileResult(input!, level, weights, metrics);
  },
};

function readChoice<T extends string>(values: ParsedValues, name: string, choices: readonly T[]): T | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const t = v.trim().toLowerCase();
  if (!(choices as readonly string[]).includes(t)) throw new UserError('bad-input', `--${name} must be ${choices.join(', ')}; got '${v}'`);
  return t as T;
}

function readMetrics(values: ParsedValues): readonly AgreementMetric[] {
  const m = readChoice(values, 'metric', [...AGREEMENT_METRICS, 'all'] as const);
  return m === undefined || m === 'all' ? AGREEMENT_METRICS : [m];
}

function readRatingsFile(path: string): string {
  const full = resolve(path);
  let size: number;
  try {
    const st = statSync(full);
    if (st.isDirectory()) throw new UserError('bad-input', `--input is a folder, not a CSV file: ${full}`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('not-found', `cannot read ${full}: no such file`);
  }
  if (size > MAX_INPUT_BYTES) throw new UserError('bad-input', `${full} is ${size} bytes; agreement files are at most ${MAX_INPUT_BYTES}`);
  try {
    return readFileSync(full, 'utf8');
  } catch (e) {
    throw new UserError('io', `cannot read ${full}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

const at = (issue: AgreementCsvIssue) => (issue.line > 0 ? `line ${issue.line}: ${issue.message}` : issue.message);

function fileResult(path: string, level: MeasurementLevel, weights: KappaWeights, metrics: readonly AgreementMetric[]): CommandResult {
  const parsed = parseAgreementCsv(readRatingsFile(path), level);
  if (!parsed.ok) {
    const errors = parsed.errors;
    if (errors.length === 1) throw new UserError('bad-input', `${path}: ${at(errors[0]!)}`);
    const listed = errors.slice(0, MAX_LISTED_PROBLEMS).map((e) => `  ${at(e)}`);
    const more = errors.length > MAX_LISTED_PROBLEMS ? [`  … and ${errors.length - MAX_LISTED_PROBLEMS} more`] : [];
    throw new UserError('bad-input', [`${path}: ${errors.length} problems, nothing computed:`, ...listed, ...more].join('\n'));
  }
  const summary = computeAgreement(parsed.table, { level, weights, metrics });
  const excludedUnits = parsed.table.units.length - pairableUnits(parsed.table).units.length;
  const text = [
    `${path}: ${plural(summary.units, 'unit')}, ${plural(summary.raters, 'rater')}; ${level} level` +
      (metrics.includes('cohen') ? `, Cohen weights ${weights}` : ''),
    ...(excludedUnits > 0 ? [`${plural(excludedUnits, 'unit')} with fewer than two ratings counted but excluded from every figure.`] : []),
    ...parsed.warnings.map((w) => `  note: ${at(w)}`),
    '',
    ...figureTable([{ label: null, summary }], metrics),
  ];
  return { json: { ...summary, excludedUnits, warnings: parsed.warnings }, text: text.join('\n') };
}

function roundResult(r: RoundAgreement, metrics: readonly AgreementMetric[], oneItem: boolean): CommandResult {
  const awaiting = r.calibrationIncidents - r.doubleScored - r.excludedIncidents.length;
  const text = [
    `Round ${r.round.id} (${r.round.name}), rubric ${r.round.rubricId} v${r.round.rubricVersion}: ` +
      `${plural(r.calibrationIncidents, 'calibration incident')}, ${r.doubleScored} double-scored, ${plural(r.reviewers, 'reviewer')}`,
    'Ordinal scale: yes > partly > no (good > requires improvement > inadequate); "not applicable", "not visible" and',
    'out-of-scope items count as missing. Units are incidents (incident × item for "All items").',
    ...(awaiting > 0 ? [`${plural(awaiting, 'incident')} with no submitted review yet: not in the figures.`] : []),
    ...r.excludedIncidents.map(
      (i) => `  note: incident ${i.reference ?? i.incidentId} has one submitted review (${i.submittedBy.join(', ')}): counted, excluded`,
    ),
    ...r.excludedReviews.map((e) => `  note: review of incident ${e.incidentId} by ${e.reviewerId} left out: ${e.reason}`),
    '',
    ...figureTable(
      r.questions.map((q) => ({ label: q.question.label, summary: q })),
      metrics,
    ),
  ];
  return { json: oneItem ? singleQuestion(r) : r, text: text.join('\n') };
}

/** `--item N`: one object with the same top-level keys as a CSV file's result, plus where it came from. */
function singleQuestion(r: RoundAgreement) {
  const { questions, ...rest } = r;
  return { ...rest, ...questions[0]! };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function metricName(metric: AgreementMetric, s: AgreementSummary): string {
  switch (metric) {
    case 'percent':
      return 'Percent agreement';
    case 'cohen':
      return s.weights === 'none' ? "Cohen's kappa" : `Cohen's kappa (${s.weights} weights)`;
    case 'fleiss':
      return "Fleiss' kappa";
    case 'krippendorff':
      return `Krippendorff's alpha (${s.level})`;
    case 'ac1':
      return "Gwet's AC1";
  }
}

/**
 * One row per figure with its band and the units and raters it rests on; an undefined figure points to a numbered
 * reason under the table (the same reason is numbered once).
 */
function figureTable(groups: { label: string | null; summary: AgreementSummary }[], metrics: readonly AgreementMetric[]): string[] {
  const reasons: string[] = [];
  const withQuestion = groups.some((g) => g.label !== null);
  const header = [...(withQuestion ? ['Question'] : []), 'Statistic', 'Value', 'Band', 'Units', 'Raters'];
  const rows: string[][] = [];
  for (const { label, summary } of groups) {
    metrics.forEach((metric, i) => {
      const s = summary.details[metric]!;
      let value: string;
      let band: string;
      if (s.value === null) {
        // Reasons name their statistic where it matters ("Cohen's kappa needs exactly two raters…").
        const reason = s.reason;
        if (!reasons.includes(reason)) reasons.push(reason);
        value = '—';
        band = `undefined [${reasons.indexOf(reason) + 1}]`;
      } else {
        value = s.value.toFixed(3);
        band = summary.bands[metric] ?? '—';
      }
      const question = withQuestion ? [i === 0 ? (label ?? '') : ''] : [];
      rows.push([...question, metricName(metric, summary), value, band, String(s.units), String(s.raters)]);
    });
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const numeric = new Set(['Value', 'Units', 'Raters']);
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (numeric.has(header[c]!) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(reasons.length > 0 ? ['', ...reasons.map((r, i) => `[${i + 1}] ${r}`)] : []),
  ];
}

import type { RoundCreateInput, RoundDesignInput, SizeMethod, SizeRequest, StratumField } from '../../../shared/ipc/rounds';

/** The new-round form as typed (text in inputs), and how it becomes the core's design and create payloads. */
export interface RoundForm {
  name: string;
  bcu: string;
  period: 'month' | 'dates' | 'all';
  /** yyyy-mm */
  month: string;
  from: string;
  to: string;
  categories: string[];
  flags: string[];
  includeSampled: boolean;
  method: SizeMethod;
  n: string;
  percent: string;
  /** Percentages as people type them: 95 means 0.95. */
  confidence: string;
  margin: string;
  proportion: string;
  tolerable: string;
  strata: StratumField[];
  minPerStratum: string;
  seed: string;
  /** Percentage of the sample double-scored. */
  calibration: string;
  reviewers: string[];
}

export function initialForm(today = new Date()): RoundForm {
  const month = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  return {
    name: '',
    bcu: '',
    period: 'month',
    month,
    from: '',
    to: '',
    categories: [],
    flags: [],
    includeSampled: false,
    method: 'confidence',
    n: '',
    percent: '10',
    confidence: '95',
    margin: '10',
    proportion: '',
    tolerable: '5',
    strata: ['team'],
    minPerStratum: '0',
    seed: '',
    calibration: '10',
    reviewers: [],
  };
}

const number = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};
const fraction = (text: string) => {
  const n = number(text);
  return n === undefined ? undefined : n / 100;
};

/** First and last day of a yyyy-mm month; the month's length from the calendar, not from a guess. */
export function monthRange(month: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}

function sizeOf(f: RoundForm): SizeRequest {
  switch (f.method) {
    case 'fixed':
      return { method: 'fixed', n: number(f.n) };
    case 'percent':
      return { method: 'percent', percent: number(f.percent) };
    case 'confidence':
      return { method: 'confidence', confidence: fraction(f.confidence), margin: fraction(f.margin), proportion: fraction(f.proportion) };
    case 'discovery':
      return { method: 'discovery', confidence: fraction(f.confidence), tolerableRate: fraction(f.tolerable) };
  }
}

export function toDesign(f: RoundForm): RoundDesignInput {
  const dates: { from?: string; to?: string } =
    f.period === 'month' ? (monthRange(f.month) ?? { from: f.month, to: f.month }) : f.period === 'dates' ? { from: f.from, to: f.to } : {};
  const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s);
  return {
    filters: {
      bcu: blank(f.bcu),
      from: blank(dates.from),
      to: blank(dates.to),
      categories: f.categories,
      flags: f.flags,
      includePreviouslySampled: f.includeSampled,
    },
    size: sizeOf(f),
    strata: f.strata,
    minPerStratum: number(f.minPerStratum) ?? 0,
  };
}

export function toCreate(f: RoundForm): RoundCreateInput {
  const calibration = fraction(f.calibration);
  return {
    ...toDesign(f),
    name: f.name.trim(),
    seed: f.seed.trim() === '' ? undefined : f.seed.trim(),
    // Without reviewers nothing is assigned, so there is nothing to double-score.
    calibration: calibration === undefined || f.reviewers.length === 0 ? {} : { fraction: calibration },
    reviewers: f.reviewers,
  };
}

/** Which control a problem's field names, so its message can sit under it (ids are the inputs' ids). */
export function controlOf(field: string, f: RoundForm): string {
  if ((field === 'filters.from' || field === 'filters.to') && f.period === 'month') return 'round-month';
  const map: Record<string, string> = {
    name: 'round-name',
    'filters.from': 'round-from',
    'filters.to': 'round-to',
    filters: 'round-scope',
    'size.n': 'round-n',
    'size.percent': 'round-percent',
    'size.confidence': 'round-confidence',
    'size.margin': 'round-margin',
    'size.proportion': 'round-proportion',
    'size.tolerableRate': 'round-tolerable',
    size: 'round-size',
    strata: 'round-strata',
    minPerStratum: 'round-min',
    seed: 'round-seed',
    calibration: 'round-calibration',
    reviewers: 'round-reviewers',
  };
  return map[field] ?? 'round-size';
}

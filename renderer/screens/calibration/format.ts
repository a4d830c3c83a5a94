import type { Direction, Figure, QuestionStats } from '../../../shared/ipc/calibration';

/** Agreement figures to three decimals, the precision the statistics are checked to; a minus sign, not a hyphen. */
export function figureValue(f: Figure): string {
  return f.value === null ? 'undefined' : signed(f.value, 3);
}

export function signed(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `−${s}` : s;
}

/** A difference with its sign always shown, so "+0.16" and "−0.20" read as directions. */
export function delta(x: number, digits: number): string {
  const s = signed(x, digits);
  return Number(Math.abs(x).toFixed(digits)) === 0 || s.startsWith('−') ? s : `+${s}`;
}

export function percent(f: Figure): string {
  return f.value === null ? 'undefined' : `${Math.round(f.value * 100)}%`;
}

/** The band as a sentence-case word ('' for a figure without bands or without a value). */
export function bandWords(f: Figure): string {
  if (f.value === null || f.band === null) return '';
  return f.band.charAt(0).toUpperCase() + f.band.slice(1);
}

export const DIRECTION_WORDS: Record<Direction, string> = {
  harsher: 'Harsher than the others',
  'more lenient': 'More lenient than the others',
  'in line': 'In line with the others',
};

export function incidentName(i: { reference: string | null; incidentId: number }): string {
  return i.reference ?? `Incident ${i.incidentId}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "α = 0.620 (95% bootstrap interval 0.410–0.780, 1,000 resamples, seed 3, mt19937)", or why there is none. */
export function alphaWithInterval(q: QuestionStats): string {
  const alpha = q.figures.krippendorff;
  if (alpha.value === null) return `α undefined: ${alpha.reason ?? 'no reason given'}`;
  const head = `α = ${signed(alpha.value, 3)}`;
  const i = q.krippendorffInterval;
  if (i === null) return head;
  const how = `${i.iterations.toLocaleString('en-GB')} resamples, seed ${i.seed} (the round id), ${i.rng}`;
  if (i.lower === null || i.upper === null) return `${head} (no bootstrap interval: ${i.reason ?? 'undefined'}; ${how})`;
  return `${head} (${Math.round(i.confidence * 100)}% bootstrap interval ${signed(i.lower, 3)} to ${signed(i.upper, 3)}, ${how})`;
}

/**
 * The data model every agreement statistic reads: a units × raters grid with gaps, plus the one result shape they all
 * return. Statistics never throw and never yield NaN or Infinity: a quality report that says "undefined, because
 * every rating was 'yes'" is useful, a NaN in a PDF is not.
 */

/** A rating as it arrives: a category label (nominal) or a number (ordinal/interval/ratio). */
export type RatingValue = string | number;

/** Krippendorff's levels of measurement; they pick the difference function between two values. */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export const MEASUREMENT_LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** values[unitIndex][raterIndex]; null = that rater did not rate that unit. */
export interface RatingTable<V> {
  units: string[];
  raters: string[];
  values: (V | null)[][];
}

/** One row of long-format data: who rated what, and how (null = rating left blank). */
export interface LongRecord<V> {
  unit: string;
  rater: string;
  value: V | null;
}

/** The same rater rating the same unit twice; indexes point into the records given to tableFromRecords. */
export interface DuplicateRating {
  unit: string;
  rater: string;
  firstIndex: number;
  secondIndex: number;
}

export type TableBuild<V> = { ok: true; table: RatingTable<V> } | { ok: false; duplicates: DuplicateRating[] };

/**
 * Result of every statistic. `units` and `raters` count what the figure rests on (units with at least two ratings,
 * raters who gave at least one of those ratings); `excludedUnits` counts table units left out (fewer than two usable
 * ratings); `pairable` counts the ratings inside the units used.
 */
export type Statistic = DefinedStatistic | UndefinedStatistic;
export interface DefinedStatistic {
  value: number;
  units: number;
  raters: number;
  pairable?: number;
  excludedUnits: number;
}
export interface UndefinedStatistic {
  value: null;
  reason: string;
  units: number;
  raters: number;
  excludedUnits: number;
}

/** Units and raters keep the order in which they first appear, so a table reads like its source file. */
export function tableFromRecords<V>(records: readonly LongRecord<V>[]): TableBuild<V> {
  const unitIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  for (const r of records) {
    if (!unitIndex.has(r.unit)) unitIndex.set(r.unit, unitIndex.size);
    if (!raterIndex.has(r.rater)) raterIndex.set(r.rater, raterIndex.size);
  }
  const values: (V | null)[][] = Array.from({ length: unitIndex.size }, () =>
    new Array<V | null>(raterIndex.size).fill(null),
  );
  // Blank ratings still count as "this rater answered this unit", so a second row for the pair is a duplicate.
  const seenAt = new Map<string, number>();
  const duplicates: DuplicateRating[] = [];
  records.forEach((r, i) => {
    const u = unitIndex.get(r.unit)!;
    const k = raterIndex.get(r.rater)!;
    const key = `${u}:${k}`;
    const first = seenAt.get(key);
    if (first !== undefined) {
      duplicates.push({ unit: r.unit, rater: r.rater, firstIndex: first, secondIndex: i });
      return;
    }
    seenAt.set(key, i);
    values[u]![k] = r.value;
  });
  if (duplicates.length > 0) return { ok: false, duplicates };
  return { ok: true, table: { units: [...unitIndex.keys()], raters: [...raterIndex.keys()], values } };
}

/** The ratings of one unit that has at least two of them. */
export interface PairableUnit<V> {
  unitIndex: number;
  /** Non-missing values, in rater order. */
  values: V[];
  /** Rater index of each value. */
  raterIndexes: number[];
}

export interface Pairable<V> {
  units: PairableUnit<V>[];
  /** Table units with fewer than two ratings. */
  excludedUnits: number;
  /** Distinct raters with at least one rating in `units`. */
  raters: number;
  /** Total ratings in `units`. */
  pairable: number;
}

/**
 * Units with two or more ratings: the only ones that carry information about agreement. Ragged rows (a hand-built
 * table whose row is shorter than the rater list) read as missing rather than crashing.
 */
export function pairableUnits<V>(table: RatingTable<V>): Pairable<V> {
  const units: PairableUnit<V>[] = [];
  const ratersSeen = new Set<number>();
  let pairable = 0;
  table.units.forEach((_, u) => {
    const row = table.values[u] ?? [];
    const values: V[] = [];
    const raterIndexes: number[] = [];
    for (let k = 0; k < table.raters.length; k++) {
      const v = row[k];
      if (v !== null && v !== undefined) {
        values.push(v);
        raterIndexes.push(k);
      }
    }
    if (values.length >= 2) {
      units.push({ unitIndex: u, values, raterIndexes });
      raterIndexes.forEach((k) => ratersSeen.add(k));
      pairable += values.length;
    }
  });
  return { units, excludedUnits: table.units.length - units.length, raters: ratersSeen.size, pairable };
}

/** Counts of each distinct value, in first-seen order (Map keys compare with SameValueZero: "1" and 1 differ). */
export function valueCounts<V>(values: readonly V[]): Map<V, number> {
  const counts = new Map<V, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

export interface StatisticBasis {
  units: number;
  raters: number;
  excludedUnits: number;
  pairable?: number;
}

/** The counts every statistic reports beside its value: units and raters behind it, and the units left out. */
export function basisOf<V>(p: Pairable<V>): StatisticBasis {
  return { units: p.units.length, raters: p.raters, excludedUnits: p.excludedUnits, pairable: p.pairable };
}

export function undefinedStatistic(reason: string, basis: StatisticBasis): Statistic {
  return { value: null, reason, units: basis.units, raters: basis.raters, excludedUnits: basis.excludedUnits };
}

/**
 * The single exit for a computed figure: anything non-finite (overflow from huge interval values, say) becomes an
 * explained null instead of leaking NaN into reports.
 */
export function definedStatistic(value: number, basis: StatisticBasis): Statistic {
  if (!Number.isFinite(value)) {
    return undefinedStatistic('the computation overflowed (values too large to combine); rescale the ratings', basis);
  }
  const out: DefinedStatistic = { value, units: basis.units, raters: basis.raters, excludedUnits: basis.excludedUnits };
  if (basis.pairable !== undefined) out.pairable = basis.pairable;
  return out;
}

/** Why a statistic needing pairs has nothing to work on; shared wording keeps CLI and UI messages consistent. */
export function noPairsReason(table: RatingTable<unknown>): string {
  if (table.units.length === 0) return 'no units: the table is empty';
  if (table.raters.length < 2) return `only ${table.raters.length} rater: agreement needs at least two`;
  return 'no unit has ratings from two or more raters';
}

/** True when every value is a finite number: the precondition for ordinal, interval and ratio arithmetic. */
export function allFiniteNumbers(values: readonly unknown[]): values is number[] {
  return values.every((v) => typeof v === 'number' && Number.isFinite(v));
}

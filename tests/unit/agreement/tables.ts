import type { RatingTable } from '../../../shared/agreement/table';

/** Rows are units, columns are raters r1, r2, …; null = missing. */
export function tableFromRows<V>(rows: readonly (readonly (V | null)[])[]): RatingTable<V> {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    units: rows.map((_, i) => `u${i + 1}`),
    raters: Array.from({ length: width }, (_, k) => `r${k + 1}`),
    values: rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? null)),
  };
}

/** A two-rater contingency table (rows: rater 1's category, columns: rater 2's) expanded to one unit per count. */
export function tableFromContingency<V>(labels: readonly V[], counts: readonly (readonly number[])[]): RatingTable<V> {
  const rows: [V, V][] = [];
  counts.forEach((row, i) =>
    row.forEach((n, j) => {
      for (let c = 0; c < n; c++) rows.push([labels[i]!, labels[j]!]);
    }),
  );
  return tableFromRows(rows);
}

/**
 * A "distribution of raters" table (rows: units, columns: how many raters chose each category) expanded so that
 * unit i's ratings sit in the first columns; the statistics fed this way ignore rater identity.
 */
export function tableFromDistribution<V>(labels: readonly V[], counts: readonly (readonly number[])[]): RatingTable<V> {
  return tableFromRows(counts.map((row) => row.flatMap((n, j) => new Array<V>(n).fill(labels[j]!))));
}

/** Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units, gaps. */
export const KRIPPENDORFF_2011: readonly (readonly (number | null)[])[] = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, null, 3, null],
];

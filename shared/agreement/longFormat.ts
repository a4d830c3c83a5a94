import { parseCsv } from '../csv/parse';
import {
  MEASUREMENT_LEVELS,
  tableFromRecords,
  type LongRecord,
  type MeasurementLevel,
  type RatingTable,
  type RatingValue,
} from './table';

/** A problem tied to a physical line of the file (1-based; 0 = not about any one line). */
export interface AgreementCsvIssue {
  line: number;
  message: string;
}

export type AgreementCsvResult =
  | { ok: true; table: RatingTable<RatingValue>; warnings: AgreementCsvIssue[] }
  | { ok: false; errors: AgreementCsvIssue[] };

const COLUMNS = ['unit', 'rater', 'value'] as const;
// Plain decimal or scientific notation; rejects hex, "Infinity", thousands separators and the like that Number() takes.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads long-format ratings: a header naming the columns unit, rater and value (any order, any case, surrounding
 * spaces ignored; other columns are ignored with a warning), then one row per rating. A missing rating is an absent
 * row or an empty value. Nominal values are kept as trimmed text; ordinal, interval and ratio values must be numbers
 * (ratio ones non-negative). Every problem is reported with its line, all of them at once, so a supervisor can fix
 * the file in one pass. Units with a single rating stay in the table (the statistics exclude them) and are listed
 * in the warnings.
 */
export function parseAgreementCsv(text: string, level: MeasurementLevel): AgreementCsvResult {
  if (!MEASUREMENT_LEVELS.includes(level)) {
    return fail([{ line: 0, message: `unknown level ${JSON.stringify(level)}: use ${MEASUREMENT_LEVELS.join(', ')}` }]);
  }
  if (typeof text !== 'string') return fail([{ line: 0, message: 'the agreement file is not text' }]);
  const parsed = parseCsv(text);
  if (parsed.errors.length > 0) return fail(parsed.errors);
  const header = parsed.rows[0];
  if (header === undefined) {
    return fail([
      { line: 1, message: 'the file is empty: expected a header row "unit,rater,value" and ratings below it' },
    ]);
  }

  const names = header.fields.map((f) => f.trim().toLowerCase());
  const errors: AgreementCsvIssue[] = [];
  const warnings: AgreementCsvIssue[] = [];
  const column = {} as Record<(typeof COLUMNS)[number], number>;
  for (const name of COLUMNS) {
    const at = names.indexOf(name);
    if (at === -1) {
      return fail([
        {
          line: header.line,
          message:
            `missing header column "${name}": the first row must name the columns unit, rater and value ` +
            `(found ${names.map((n) => JSON.stringify(n)).join(', ')})`,
        },
      ]);
    }
    if (names.indexOf(name, at + 1) !== -1) {
      errors.push({ line: header.line, message: `header names column "${name}" twice` });
    }
    column[name] = at;
  }
  const extra = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (extra.length > 0) {
    const list = extra.map((n) => JSON.stringify(n)).join(', ');
    warnings.push({ line: header.line, message: `ignored column(s): ${list}` });
  }

  const records: LongRecord<RatingValue>[] = [];
  const recordLines: number[] = [];
  const width = Math.max(column.unit, column.rater, column.value) + 1;
  for (const row of parsed.rows.slice(1)) {
    // Spreadsheets often leave rows of bare commas at the end; they hold nothing.
    if (row.fields.every((f) => f.trim() === '')) continue;
    if (row.fields.length < width) {
      errors.push({ line: row.line, message: `expected at least ${width} fields, found ${row.fields.length}` });
      continue;
    }
    const unit = row.fields[column.unit]!.trim();
    const rater = row.fields[column.rater]!.trim();
    const raw = row.fields[column.value]!.trim();
    if (unit === '') errors.push({ line: row.line, message: 'unit is empty' });
    if (rater === '') errors.push({ line: row.line, message: 'rater is empty' });
    const value = readValue(raw, level);
    if (!value.ok) errors.push({ line: row.line, message: value.error });
    if (unit === '' || rater === '' || !value.ok) continue;
    records.push({ unit, rater, value: value.value });
    recordLines.push(row.line);
  }

  const built = tableFromRecords(records);
  if (!built.ok) {
    for (const d of built.duplicates) {
      errors.push({
        line: recordLines[d.secondIndex]!,
        message:
          `rater ${JSON.stringify(d.rater)} rated unit ${JSON.stringify(d.unit)} twice ` +
          `(lines ${recordLines[d.firstIndex]!} and ${recordLines[d.secondIndex]!})`,
      });
    }
  }
  if (errors.length > 0 || !built.ok) return fail(errors.sort((a, b) => a.line - b.line));
  if (records.length === 0) {
    return fail([{ line: header.line, message: 'no ratings: the file has a header but no rows below it' }]);
  }

  warnings.push(...thinUnitWarnings(built.table, records, recordLines));
  return { ok: true, table: built.table, warnings };
}

function fail(errors: AgreementCsvIssue[]): AgreementCsvResult {
  return { ok: false, errors };
}

function readValue(
  raw: string,
  level: MeasurementLevel,
): { ok: true; value: RatingValue | null } | { ok: false; error: string } {
  if (raw === '') return { ok: true, value: null };
  if (level === 'nominal') return { ok: true, value: raw };
  if (!NUMBER.test(raw)) {
    return { ok: false, error: `value ${JSON.stringify(raw)} is not a number (${level} ratings must be numeric)` };
  }
  const n = Number(raw);
  if (!Number.isFinite(n)) return { ok: false, error: `value ${JSON.stringify(raw)} is too large` };
  if (level === 'ratio' && n < 0) {
    return { ok: false, error: `value ${raw} is negative (ratio ratings must be 0 or more)` };
  }
  return { ok: true, value: n };
}

/** Units with fewer than two ratings: kept, but flagged because no statistic can use them. */
function thinUnitWarnings(
  table: RatingTable<RatingValue>,
  records: readonly LongRecord<RatingValue>[],
  recordLines: readonly number[],
): AgreementCsvIssue[] {
  const firstLine = new Map<string, number>();
  records.forEach((r, i) => {
    if (!firstLine.has(r.unit)) firstLine.set(r.unit, recordLines[i]!);
  });
  const warnings: AgreementCsvIssue[] = [];
  table.units.forEach((unit, u) => {
    const rated = table.raters.filter((_, k) => table.values[u]![k] !== null);
    if (rated.length >= 2) return;
    const message =
      rated.length === 1
        ? `unit ${JSON.stringify(unit)} was rated only by ${JSON.stringify(rated[0])}: excluded from the statistics`
        : `unit ${JSON.stringify(unit)} has no ratings (all values empty): excluded from the statistics`;
    warnings.push({ line: firstLine.get(unit)!, message });
  });
  return warnings;
}

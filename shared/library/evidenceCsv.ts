import { parseCsv } from '../csv/parse';
import { parseDuration } from '../time/duration';
import { parseUkDateTime, type LocalTimeFlag } from '../time/london';
import { deriveFlags } from './flagRules';
import { checkMapping, type ColumnRef, type EvidenceMapping, type EvidenceMappingInput } from './mapping';
import { collarNumberOf } from './officerId';
import { parseReferences } from './reference';

/**
 * An evidence-list CSV export read through a column mapping into one record per piece of evidence, with every
 * oddity reported against the physical line a supervisor can find in the file. It never throws. Choices:
 * - Missing required columns (id, officer, recorded-on) give one problem naming them and no records at all: rows
 *   without those cannot be placed in a sampling frame.
 * - A row whose recorded/uploaded time or duration cannot be read is kept with that value null and a problem naming
 *   the column; a time in the repeated or skipped hour is kept with its flag and also reported, so a person sees it.
 * - A row with no evidence id is skipped (nothing could refer to it). A row identical to an earlier one is dropped as
 *   "duplicate of line N"; a row reusing an earlier evidence id with different content is dropped too, keeping the
 *   first, and reported, because the export cannot tell which is right.
 * - Rows of only empty cells (spreadsheet padding) are ignored; rows with more or fewer cells than the header are
 *   reported and read as far as they go.
 * - Officer: the first mapped column with a value in that row; officerId: its column, else the collar number in the
 *   officer label ("PC 2211CE" gives "2211CE").
 */
export interface EvidenceRecord {
  line: number;
  evidenceId: string;
  title: string | null;
  officer: string | null;
  officerId: string | null;
  team: string | null;
  bcu: string | null;
  group: string | null;
  categories: string[];
  flags: string[];
  tags: string[];
  description: string | null;
  recordedAtUtc: string | null;
  timeFlag: LocalTimeFlag;
  uploadedAtUtc: string | null;
  durationSec: number | null;
  /** Normalised CAD/CRIS references, then any unrecognised text kept as written (see reference.ts). */
  references: string[];
  fileName: string | null;
  custom: Record<string, string>;
}

export interface EvidenceProblem {
  line: number;
  message: string;
}

export interface EvidenceCsvResult {
  source: string;
  records: EvidenceRecord[];
  problems: EvidenceProblem[];
}

type FieldName = Exclude<keyof EvidenceMapping['columns'], 'custom'>;
const REQUIRED: readonly FieldName[] = ['id', 'officer', 'recordedOn'];
const FIELD_LABEL: Record<FieldName, string> = {
  id: 'evidence id', title: 'title', categories: 'categories', description: 'description', officer: 'officer',
  officerId: 'officer id', team: 'team', bcu: 'BCU', tags: 'tags', group: 'group', recordedOn: 'recorded on',
  uploadedOn: 'uploaded on', duration: 'duration', cases: 'cases', fileName: 'file name',
};

/** The header positions a column reference found, in the mapping's order of preference. */
type Resolved = number[];

export function parseEvidenceCsv(
  text: string,
  mapping: EvidenceMapping | EvidenceMappingInput,
  sourceName: string,
): EvidenceCsvResult {
  const result: EvidenceCsvResult = { source: sourceName, records: [], problems: [] };
  const problem = (line: number, message: string) => result.problems.push({ line, message });
  const checked = checkMapping(mapping);
  if (!checked.ok) {
    problem(1, checked.error);
    return result;
  }
  const map = checked.mapping;
  const csv = parseCsv(text);
  for (const e of csv.errors) problem(e.line, e.message);
  const [headerRow, ...dataRows] = csv.rows;
  if (!headerRow) {
    problem(1, `${sourceName} is empty: no header row`);
    return result;
  }

  const header = headerRow.fields.map((h) => h.trim());
  const positions = headerPositions(header, (m) => problem(headerRow.line, m));
  const resolve = (ref: ColumnRef | undefined): Resolved =>
    ref === undefined ? [] : (typeof ref === 'string' ? [ref] : ref).flatMap((n) => positions.get(key(n)) ?? []);

  const missing = REQUIRED.filter((f) => resolve(map.columns[f]).length === 0);
  if (missing.length > 0) {
    const names = missing.map((f) => `${describeRef(map.columns[f]!)} (${FIELD_LABEL[f]})`);
    problem(headerRow.line, `${sourceName} is missing required column(s) ${names.join(', ')} for mapping "${map.name}"; ` +
      `its header has ${header.map((h) => `"${h}"`).join(', ')}`);
    return result;
  }

  const cols = {} as Record<FieldName, Resolved>;
  for (const f of Object.keys(FIELD_LABEL) as FieldName[]) {
    const ref = map.columns[f];
    cols[f] = resolve(ref);
    if (ref !== undefined && cols[f].length === 0) {
      problem(headerRow.line, `column ${describeRef(ref)} (${FIELD_LABEL[f]}) is not in the header; that field is left empty`);
    }
  }
  const custom = Object.entries(map.columns.custom ?? {}).map(([name, ref]) => ({ name, at: resolve(ref), ref }));
  for (const c of custom) {
    if (c.at.length === 0) problem(headerRow.line, `column ${describeRef(c.ref)} (custom field "${c.name}") is not in the header`);
  }
  const ruleColumns = new Set(map.flags.map((r) => r.when.column));
  for (const column of ruleColumns) {
    if (!positions.has(key(column))) {
      const names = [...new Set(map.flags.filter((r) => r.when.column === column).map((r) => r.name))];
      problem(headerRow.line, `column "${column}" used by flag ${names.join(', ')} is not in the header; that rule never matches`);
    }
  }

  const firstLineOfRow = new Map<string, number>();
  const firstById = new Map<string, number>();
  for (const row of dataRows) {
    if (row.fields.every((f) => f.trim() === '')) continue;
    const fail = (message: string) => problem(row.line, message);
    if (row.fields.length !== header.length) {
      fail(`has ${row.fields.length} cells but the header has ${header.length}; read as far as it goes`);
    }
    const rowKey = JSON.stringify(row.fields);
    const sameRow = firstLineOfRow.get(rowKey);
    if (sameRow !== undefined) {
      fail(`duplicate of line ${sameRow}`);
      continue;
    }
    firstLineOfRow.set(rowKey, row.line);

    // First non-empty cell among the resolved columns, trimmed; null when there is none.
    const value = (at: Resolved): string | null => {
      for (const i of at) {
        const v = (row.fields[i] ?? '').trim();
        if (v !== '') return v;
      }
      return null;
    };
    const label = (at: Resolved) => `column "${header[at[0]!]}"`;
    const empty = (at: Resolved) =>
      at.length > 1 ? `columns ${at.map((i) => `"${header[i]}"`).join(' and ')} are empty` : `${label(at)} is empty`;

    const evidenceId = value(cols.id);
    if (evidenceId === null) {
      fail(`${empty(cols.id)}: a row without an evidence id is skipped`);
      continue;
    }
    const earlier = firstById.get(evidenceId);
    if (earlier !== undefined) {
      fail(`evidence id "${evidenceId}" is also on line ${earlier} with different content; line ${earlier} is kept`);
      continue;
    }
    firstById.set(evidenceId, row.line);

    const officer = value(cols.officer);
    if (officer === null) fail(`${empty(cols.officer)}: officer unknown`);

    const readTime = (at: Resolved, required: boolean): { utc: string | null; flag: LocalTimeFlag } => {
      const raw = value(at);
      if (raw === null) {
        if (required) fail(`${empty(at)}: recorded time unknown`);
        return { utc: null, flag: null };
      }
      const t = parseUkDateTime(raw, map.dateFormat);
      if (!t.ok) {
        fail(`${label(at)}: ${t.error}; time left unknown`);
        return { utc: null, flag: null };
      }
      if (t.flag === 'ambiguous') {
        fail(`${label(at)}: "${raw}" is in the hour repeated when the clocks went back; read as the first (BST) one, ${t.utc}`);
      } else if (t.flag === 'nonexistent') {
        fail(`${label(at)}: "${raw}" is in the hour skipped when the clocks went forward; read as GMT, ${t.utc}`);
      }
      return { utc: t.utc, flag: t.flag };
    };
    const recorded = readTime(cols.recordedOn, true);
    const uploaded = readTime(cols.uploadedOn, false);

    let durationSec: number | null = null;
    const durationText = value(cols.duration);
    if (durationText !== null) {
      const d = parseDuration(durationText);
      if (d.ok) durationSec = d.seconds;
      else fail(`${label(cols.duration)}: ${d.error}; duration left unknown`);
    }

    const refs = parseReferences(value(cols.cases) ?? '');
    for (const u of refs.unrecognised) fail(`${label(cols.cases)}: "${u}" is not a CAD or CRIS reference; kept as written`);

    const tags = splitList(value(cols.tags), map.tagSeparator);
    const customValues: Record<string, string> = {};
    for (const c of custom) if (c.at.length) customValues[c.name] = value(c.at) ?? '';

    result.records.push({
      line: row.line,
      evidenceId,
      title: value(cols.title),
      officer,
      officerId: value(cols.officerId) ?? (officer === null ? null : collarNumberOf(officer)),
      team: value(cols.team) ?? tagValue(tags, map.fieldsFromTags.team),
      bcu: value(cols.bcu) ?? tagValue(tags, map.fieldsFromTags.bcu),
      group: value(cols.group),
      categories: splitList(value(cols.categories), map.categorySeparator),
      flags: deriveFlags(map.flags, (column) => {
        const at = positions.get(key(column));
        return at === undefined ? null : (row.fields[at] ?? '');
      }),
      tags,
      description: value(cols.description),
      recordedAtUtc: recorded.utc,
      timeFlag: recorded.flag,
      uploadedAtUtc: uploaded.utc,
      durationSec,
      references: refs.references,
      fileName: value(cols.fileName),
      custom: customValues,
    });
  }
  if (dataRows.length === 0) problem(headerRow.line, `${sourceName} has a header but no evidence rows`);
  return result;
}

function key(headerName: string): string {
  return headerName.trim().toLowerCase();
}

/** Header name (normalised) to its column position; a repeated header is reported and its first position used. */
function headerPositions(header: readonly string[], report: (message: string) => void): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === '') return;
    const seen = positions.get(key(h));
    if (seen !== undefined) report(`header "${h}" appears in columns ${seen + 1} and ${i + 1}; column ${seen + 1} is used`);
    else positions.set(key(h), i);
  });
  return positions;
}

function describeRef(ref: ColumnRef): string {
  return (typeof ref === 'string' ? [ref] : ref).map((n) => `"${n}"`).join(' or ');
}

function splitList(cell: string | null, separator: string): string[] {
  if (cell === null) return [];
  return [...new Set(cell.split(separator).map((s) => s.trim()).filter((s) => s !== ''))];
}

/** The value of the first "key:value" tag whose key matches (case-insensitive), e.g. "BCU:Central East". */
function tagValue(tags: readonly string[], tagKey: string | undefined): string | null {
  if (tagKey === undefined) return null;
  for (const tag of tags) {
    const colon = tag.indexOf(':');
    if (colon > 0 && key(tag.slice(0, colon)) === key(tagKey)) {
      const v = tag.slice(colon + 1).trim();
      if (v !== '') return v;
    }
  }
  return null;
}

import { hash } from 'node:crypto';
import { parseCsv } from '../../../shared/csv/parse';
import { parseEvidenceCsv, type EvidenceProblem, type EvidenceRecord } from '../../../shared/library/evidenceCsv';
import type { EvidenceMapping } from '../../../shared/library/mapping';
import { pause } from './paging';

/**
 * An adapter over shared/library/evidenceCsv so that an export of 100,000 rows does not freeze the core for seconds:
 * the text is cut into runs of whole records (a newline inside quotes does not end a record), each run is parsed
 * under the export's own header, and the core pauses between runs. What the parser does within one run, this does
 * across runs: line numbers are those of the whole file, header problems are reported once, and a row repeating an
 * earlier evidence ID is dropped, keeping the first (as "duplicate of line N" when the row is the same, or as a
 * conflict when it differs), worded as the parser words it, with the dropped row's other problems left out as the
 * parser leaves them out. A property test holds it to the parser's own result on the whole text.
 */
export interface EvidenceChunk {
  records: EvidenceRecord[];
  problems: EvidenceProblem[];
}

/** Records per run: parsing one costs tens of microseconds, so a run stays around ten milliseconds. */
export const ROWS_PER_CHUNK = 200;
/** Records in the first run; each run after it holds twice as many, up to ROWS_PER_CHUNK. */
const FIRST_ROWS = 25;

/**
 * CSV text as the splitter reads it: a string, or an export's bytes decoded a piece at a time (textOf), so a 100k-row
 * export never sits in the core's heap as one string. Only the codes of '"' and '\n' are looked at, and in UTF-8 and
 * Windows-1252 those bytes are always those characters, so a byte source splits exactly where its text would.
 */
export interface CsvSource {
  readonly length: number;
  codeAt(i: number): number;
  textOf(start: number, end: number): string;
}

const stringSource = (text: string): CsvSource => ({
  length: text.length,
  codeAt: (i) => text.charCodeAt(i),
  textOf: (start, end) => text.slice(start, end),
});

/** Bytes of UTF-8 or Windows-1252 text (both keep '"' and '\n' as single bytes), decoded a piece at a time. */
export function byteSource(bytes: Buffer, decode: (b: Buffer) => string): CsvSource {
  return { length: bytes.length, codeAt: (i) => bytes[i]!, textOf: (start, end) => decode(bytes.subarray(start, end)) };
}

interface Piece {
  /** Physical line (1-based) of the piece's first record in the whole file. */
  firstLine: number;
  text: string;
}

/**
 * Splits CSV text into its header line (null when there is no line end at all) and runs of whole records, found
 * lazily as they are taken: the text of a 100k-row export is never scanned in one go.
 */
export function splitRecords(input: string | CsvSource, rowsPerChunk = ROWS_PER_CHUNK): { header: string | null; pieces: Iterable<Piece> } {
  const text = typeof input === 'string' ? stringSource(input) : input;
  let i = 0;
  let line = 1;
  let inQuotes = false;
  // Quotes toggle the state; a line end outside quotes ends a record. Returns the index after it, or -1 at the end.
  const nextRecordEnd = (): number => {
    for (; i < text.length; i++) {
      const ch = text.codeAt(i);
      if (ch === 34 /* " */) inQuotes = !inQuotes;
      else if (ch === 10 /* \n */) {
        line++;
        if (!inQuotes) return ++i;
      }
    }
    return -1;
  };
  const headerEnd = nextRecordEnd();
  if (headerEnd < 0) return { header: null, pieces: [] };
  function* pieces(): Generator<Piece> {
    let start = headerEnd;
    let firstLine = line;
    let rows = 0;
    let yielded = 0;
    for (let end = nextRecordEnd(); end >= 0; end = nextRecordEnd()) {
      // The first runs are smaller: the parser's code is still cold then, and a full run would hold the core ~30 ms.
      if (++rows < Math.min(rowsPerChunk, FIRST_ROWS << yielded)) continue;
      yield { firstLine, text: text.textOf(start, end) };
      yielded++;
      rows = 0;
      start = end;
      firstLine = line;
    }
    if (start < text.length || yielded === 0) yield { firstLine, text: text.textOf(start, text.length) };
  }
  return { header: text.textOf(0, headerEnd), pieces: pieces() };
}

const DUPLICATE = /^duplicate of line (\d+)$/;
const CELL_COUNT = /^has \d+ cells but the header has \d+/;
const CONFLICT = /^evidence id "(.*)" is also on line (\d+) with different content; line \d+ is kept$/;

export async function* parseEvidenceInChunks(
  text: string | CsvSource,
  mapping: EvidenceMapping,
  source: string,
  rowsPerChunk = ROWS_PER_CHUNK,
): AsyncGenerator<EvidenceChunk> {
  const { header, pieces } = splitRecords(text, rowsPerChunk);
  if (header === null) {
    const r = parseEvidenceCsv(typeof text === 'string' ? text : text.textOf(0, text.length), mapping, source);
    yield { records: r.records, problems: r.problems };
    return;
  }
  // The parser's order of checks, across runs: a row identical (cell for cell) to an earlier one is a duplicate of
  // the first such row, whatever else is wrong with it; otherwise a row reusing the evidence ID of an earlier kept
  // row is a conflict with that row.
  const firstByCells = new Map<string, number>();
  const firstById = new Map<string, number>();
  const headerProblems = new Set<string>();
  const headerText = header.charCodeAt(0) === 0xfeff ? header.slice(1) : header;
  let index = -1;
  for (const piece of pieces) {
    index++;
    // Before the first piece too: the caller has just read and joined the whole export.
    await pause();
    const fileLine = (l: number) => (l <= 1 ? l : l - 2 + piece.firstLine);
    // Rows repeating a row of an earlier run (the parser only sees repeats within this run).
    const repeatOf = new Map<number, number>();
    for (const row of parseCsv(piece.text).rows) {
      if (row.fields.every((f) => f.trim() === '')) continue;
      // A digest, not the row itself: a 100k-row export's keys then take a few megabytes.
      const key = hash('sha1', JSON.stringify(row.fields), 'base64');
      const line = row.line - 1 + piece.firstLine;
      const first = firstByCells.get(key);
      if (first === undefined) firstByCells.set(key, line);
      else if (first < piece.firstLine) repeatOf.set(line, first);
    }
    const r = parseEvidenceCsv(index === 0 ? header + piece.text : headerText + piece.text, mapping, source);
    const dropped = new Map<number, string>();
    for (const [line, first] of repeatOf) dropped.set(line, `duplicate of line ${first}`);
    const records: EvidenceRecord[] = [];
    for (const rec of r.records) {
      const line = fileLine(rec.line);
      if (dropped.has(line)) continue;
      const earlier = firstById.get(rec.evidenceId);
      if (earlier !== undefined) {
        dropped.set(line, conflictMessage(rec.evidenceId, earlier));
        continue;
      }
      firstById.set(rec.evidenceId, line);
      records.push({ ...rec, line });
    }
    const problems: EvidenceProblem[] = [];
    for (const p of r.problems) {
      if (p.line <= 1) {
        if (headerProblems.has(p.message)) continue;
        headerProblems.add(p.message);
        problems.push(p);
        continue;
      }
      const line = fileLine(p.line);
      // The parser drops a repeated row before reading its cells: of that row's problems only the cell count stays.
      if (dropped.has(line) && !CELL_COUNT.test(p.message)) continue;
      const duplicate = DUPLICATE.exec(p.message);
      const conflict = CONFLICT.exec(p.message);
      let message = p.message;
      if (duplicate) {
        const to = fileLine(Number(duplicate[1]));
        message = `duplicate of line ${repeatOf.get(to) ?? to}`;
      } else if (conflict) message = conflictMessage(conflict[1]!, firstById.get(conflict[1]!) ?? fileLine(Number(conflict[2])));
      problems.push({ line, message });
    }
    for (const [line, message] of dropped) problems.push({ line, message });
    problems.sort((a, b) => a.line - b.line);
    yield { records, problems };
  }
}

function conflictMessage(evidenceId: string, earlierLine: number): string {
  return `evidence id "${evidenceId}" is also on line ${earlierLine} with different content; line ${earlierLine} is kept`;
}

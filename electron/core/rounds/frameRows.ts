import type { StratumField } from '../../../shared/ipc/rounds';
import type { FrameColumns } from '../../../shared/sampling/frame';
import { compareKeys } from '../../../shared/sampling/key-order';
import { sortById } from './sortById';
import { joinStratumParts, stratumPart } from './stratumKey';

/**
 * Turns the frame as read (ids, and per stratum field the value SQLite gave, NULL as '') into columns: each distinct
 * value becomes its stratum part once, the parts of an incident combine into its stratum key, the keys are listed in
 * key order, and the ids are put in ascending order. Nothing here makes an object per incident.
 */

/** Codes one field's values as indexes into the distinct stratum parts seen so far. */
function partCoder(field: StratumField) {
  const parts: string[] = [];
  const indexOfPart = new Map<string, number>();
  const code = (part: string) => {
    let c = indexOfPart.get(part);
    if (c === undefined) {
      c = parts.length;
      parts.push(part);
      indexOfPart.set(part, c);
    }
    return c;
  };
  const byValue = new Map<string, number>();
  const partOf =
    field === 'shift'
      ? // A start time is all but unique per incident: remembering each would only fill memory.
        (value: string) => code(stratumPart(field, value))
      : (value: string) => {
          let c = byValue.get(value);
          if (c === undefined) {
            c = code(stratumPart(field, value));
            byValue.set(value, c);
          }
          return c;
        };
  return { parts, partOf };
}

type PartCoder = ReturnType<typeof partCoder>;

const COMMA = 44;
const MINUS = 45;
const SEPARATOR = '\x1f';

/** The `count` integers of a comma-joined list, or null if the text is not exactly that. */
function parseIds(text: string, count: number): Float64Array | null {
  const ids = new Float64Array(count);
  if (count === 0) return text === '' ? ids : null;
  let n = 0;
  let value = 0;
  let sign = 1;
  let digits = 0;
  for (let p = 0; p <= text.length; p++) {
    const c = p === text.length ? COMMA : text.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === MINUS && digits === 0 && sign === 1) sign = -1;
    else if (c === COMMA && digits > 0 && n < count) {
      ids[n++] = sign * value;
      value = 0;
      sign = 1;
      digits = 0;
    } else return null;
  }
  return n === count ? ids : null;
}

/** Part indexes of `count` values joined by U+001F, or null when the pieces do not number exactly `count`. */
function parseValues(text: string, count: number, coder: PartCoder): Uint32Array | null {
  const codes = new Uint32Array(count);
  let start = 0;
  for (let r = 0; r < count; r++) {
    let end = text.indexOf(SEPARATOR, start);
    if (end === -1) {
      if (r !== count - 1) return null;
      end = text.length;
    }
    codes[r] = coder.partOf(text.slice(start, end));
    start = end + 1;
  }
  return count === 0 ? (text === '' ? codes : null) : start === text.length + 1 ? codes : null;
}

/**
 * The frame from one aggregate row (frameAggregateQuery): `count` incidents, their ids comma-joined, and per field
 * their values joined by U+001F in the same order. Null when a value holds the separator, so the pieces cannot be
 * told apart: the caller then reads row by row.
 */
export function frameFromJoined(fields: readonly StratumField[], count: number, ids: string, values: readonly string[]): FrameColumns | null {
  const parsed = parseIds(ids, count);
  if (parsed === null) return null;
  const coders = fields.map(partCoder);
  const parts: Uint32Array[] = [];
  for (const [f, coder] of coders.entries()) {
    const codes = parseValues(values[f] ?? '', count, coder);
    if (codes === null) return null;
    parts.push(codes);
  }
  return assemble(parsed, parts, coders);
}

/** The frame from rows of [id, ...field values] (frameQuery). */
export function frameFromRows(fields: readonly StratumField[], rows: readonly (number | string | null)[][]): FrameColumns {
  const coders = fields.map(partCoder);
  // Values as the aggregate read gives them: NULL as '', anything else as its text.
  const parts = coders.map((coder, f) => Uint32Array.from(rows, (row) => coder.partOf(row[f + 1] == null ? '' : String(row[f + 1]))));
  return assemble(Float64Array.from(rows, (row) => Number(row[0])), parts, coders);
}

function assemble(ids: Float64Array, parts: Uint32Array[], coders: PartCoder[]): FrameColumns {
  // Fields combine one at a time into dense tuple indexes, each tuple remembering its parts.
  let tuple = parts[0] ?? new Uint32Array(ids.length);
  let tupleParts: string[][] = coders[0]?.parts.map((p) => [p]) ?? [[]];
  for (let f = 1; f < parts.length; f++) {
    const field = parts[f]!;
    const fieldParts = coders[f]!.parts;
    const dense = new Map<number, number>();
    const combined = new Uint32Array(ids.length);
    const next: string[][] = [];
    for (let r = 0; r < ids.length; r++) {
      const key = tuple[r]! * fieldParts.length + field[r]!;
      let d = dense.get(key);
      if (d === undefined) {
        d = next.length;
        next.push([...tupleParts[tuple[r]!]!, fieldParts[field[r]!]!]);
        dense.set(key, d);
      }
      combined[r] = d;
    }
    tuple = combined;
    tupleParts = next;
  }
  if (ids.length === 0) return { ids, strata: [], stratumOf: new Uint32Array(0) };
  // Different parts can spell the same key (a value containing ' | '): strata are told apart by key.
  const keys = tupleParts.map(joinStratumParts);
  const strata = [...new Set(keys)].sort(compareKeys);
  const index = new Map(strata.map((s, i) => [s, i]));
  const stratumOfTuple = Uint32Array.from(keys, (k) => index.get(k)!);
  const stratumOf = new Uint32Array(ids.length);
  for (let r = 0; r < ids.length; r++) stratumOf[r] = stratumOfTuple[tuple[r]!]!;
  const sorted = sortById(ids, stratumOf);
  return { ids: sorted.ids, strata, stratumOf: sorted.stratumOf };
}

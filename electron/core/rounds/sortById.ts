/**
 * Puts a frame read in index order into id order, moving each id's stratum index with it. Ids that fit 32 bits (all
 * a library holds: SQLite hands them out from 1 up) go through an LSD radix sort on 11-bit digits, two passes for a
 * million-incident library and linear in the frame, where a comparison sort of a million costs several times more.
 * Anything else falls back to a comparison sort, so the order is right for any input and the draw's checks see
 * exactly what was read.
 */
const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

interface ById {
  ids: Float64Array;
  stratumOf: Uint32Array;
}

function isAscending(ids: Float64Array): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}

export function sortById(ids: Float64Array, stratumOf: Uint32Array): ById {
  if (isAscending(ids)) return { ids, stratumOf };
  const max = largest32BitId(ids);
  if (max === null) return comparisonSort(ids, stratumOf);
  let keys = new Uint32Array(ids);
  let payload = new Uint32Array(stratumOf);
  let keysTo = new Uint32Array(ids.length);
  let payloadTo = new Uint32Array(ids.length);
  const starts = new Uint32Array(1 << DIGIT_BITS);
  for (let shift = 0; shift < 32 && max >>> shift > 0; shift += DIGIT_BITS) {
    digitStarts(keys, shift, starts);
    scatter(keys, payload, shift, starts, keysTo, payloadTo);
    [keys, keysTo] = [keysTo, keys];
    [payload, payloadTo] = [payloadTo, payload];
  }
  return { ids: new Float64Array(keys), stratumOf: payload };
}

/** The largest id, or null if any id is not a whole number that fits 32 bits. */
function largest32BitId(ids: Float64Array): number | null {
  let max = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!(id >= 0 && id <= 0xffffffff && id === Math.floor(id))) return null;
    if (id > max) max = id;
  }
  return max;
}

// The loops live in small functions of their own, which V8 optimises early: a one-off sort (a CLI draw in a
// fresh process) then runs near its warmed-up speed.

/** Where each digit's run starts in the output of a pass. */
function digitStarts(keys: Uint32Array, shift: number, starts: Uint32Array): void {
  starts.fill(0);
  for (let i = 0; i < keys.length; i++) starts[(keys[i]! >>> shift) & DIGIT_MASK]!++;
  for (let d = 0, at = 0; d < starts.length; d++) {
    const count = starts[d]!;
    starts[d] = at;
    at += count;
  }
}

/** One stable pass: each key (and its payload) to the next place of its digit's run. */
function scatter(keys: Uint32Array, payload: Uint32Array, shift: number, starts: Uint32Array, keysTo: Uint32Array, payloadTo: Uint32Array): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const at = starts[(key >>> shift) & DIGIT_MASK]!++;
    keysTo[at] = key;
    payloadTo[at] = payload[i]!;
  }
}

function comparisonSort(ids: Float64Array, stratumOf: Uint32Array): ById {
  const order = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]! || a - b);
  return { ids: Float64Array.from(order, (i) => ids[i]!), stratumOf: Uint32Array.from(order, (i) => stratumOf[i]!) };
}

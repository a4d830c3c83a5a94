import { MAX_HEADER_BYTES, parseBoxHeader, printable, walkBoxes, type BoxHeader } from './boxes';
import { withFile, type PositionedReader } from './fileReader';
import { MOOV_CONTAINERS, MOOV_LEAVES } from './moovShape';
import { ProbeError } from './probeError';
import { describeNotA } from './sniff';

export interface ReadMoovOptions {
  /** Bytes read at the start of the file and after each jump over media. 64 KiB holds a short clip's whole moov. */
  chunkBytes?: number;
  /** A moov declaring more than this is refused rather than read (an hour of 30 fps video needs ~2-3 MiB). */
  maxMoovBytes?: number;
  /**
   * When no more than this much of the moov is still unread, it is read whole in one go; above it, only the boxes
   * parseMoov needs are fetched. One read beats several small ones until the bytes skipped outweigh the seeks.
   */
  wholeMoovUpTo?: number;
}

export interface MoovBytes {
  /**
   * The moov box at its full size, header included (offset 0 is its first byte). Only the boxes in moovShape are
   * filled in; other boxes keep their headers, with payloads left as zeros.
   */
  moov: Buffer;
  moovOffset: number;
  fileSize: number;
  /**
   * The moov has mvex and a moof box follows it (or the search for one ran out of reads): the media continues in
   * movie fragments, so mvhd's duration covers only the part inside moov.
   */
  mayHaveFragments: boolean;
  reads: number;
  bytesRead: number;
}

const DEFAULT_CHUNK = 64 * 1024;
const DEFAULT_MAX_MOOV = 64 * 1024 * 1024;
/**
 * Up to about one chunk still unread, a single read of the rest beats the one or two reads per track that skipping
 * costs; beyond it (clips longer than a few minutes), skipping the sample tables saves far more bytes than reads.
 */
const DEFAULT_WHOLE_MOOV_UP_TO = 64 * 1024;
/** Inside a large moov the boxes wanted next are small and close together: read ahead less than a full chunk. */
const MOOV_READ_AHEAD = 16 * 1024;
/** Bytes kept after the moov so the next box's size can be checked without another read. */
const LOOKAHEAD = 16;
/** Header reads allowed after a fragmented moov to find its first moof (ffmpeg puts one mdat in between). */
const MAX_FRAGMENT_SEARCH_READS = 2;

/**
 * Types a real MP4/MOV may begin with: 'ftyp' (ISO), or for older QuickTime files a bare 'moov', 'mdat', 'wide',
 * 'free', 'skip' or 'pnot' (preview). Anything else at offset 0 means this is not an MP4/MOV at all.
 */
const FIRST_BOX_TYPES = new Set(['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot', 'uuid']);

/**
 * Reads the moov box of the MP4/MOV at `path`, wherever it sits, touching as little of the file as it can.
 * Top-level boxes are walked by their sizes and mdat (the media, nearly all of the file) is jumped over, so moov at
 * the end costs one extra read; inside a moov too big for the bytes in hand, only the boxes parseMoov reads are
 * fetched. After moov, a following box whose header is already in hand is still checked, so a faststart file cut
 * short reports "truncated" without another read; after a fragmented moov, up to two header reads look for a moof.
 */
export async function readMoov(path: string, options: ReadMoovOptions = {}): Promise<MoovBytes> {
  return withFile(path, (reader) => readMoovFrom(reader, options));
}

/** The same from an open file (probeFile.ts hands in a reader that already holds the file's two ends). */
export function readMoovFrom(reader: PositionedReader, options: ReadMoovOptions = {}): MoovBytes {
  const chunkBytes = Math.max(MAX_HEADER_BYTES, options.chunkBytes ?? DEFAULT_CHUNK);
  const maxMoov = options.maxMoovBytes ?? DEFAULT_MAX_MOOV;
  const fileSize = reader.size;
  if (fileSize === 0) throw new ProbeError('empty file (0 bytes)');
  const win = createWindow(reader);
  win.ensure(0, 1, chunkBytes, fileSize);

  let moov: { bytes: Buffer; offset: number } | null = null;
  let fragmentedMoov = false;
  let moofFound = false;
  let searchReads = 0;
  let pos = 0;
  while (pos < fileSize) {
    let box = win.header(pos, fileSize);
    if (!box) {
      // With moov in hand, read further only to learn whether movie fragments follow a fragmented moov.
      if (moov && (!fragmentedMoov || searchReads === MAX_FRAGMENT_SEARCH_READS)) break;
      if (moov) searchReads += 1;
      win.ensure(pos, Math.min(fileSize, pos + MAX_HEADER_BYTES), moov ? MAX_HEADER_BYTES : chunkBytes, fileSize);
      box = win.header(pos, fileSize);
      if (!box && pos === 0) throw new ProbeError(describeNotA('an MP4/MOV', win.bytes()));
      if (!box) throw new ProbeError(`truncated: box header at offset ${pos} is cut off by the end of the file`);
    }
    if (pos === 0 && !FIRST_BOX_TYPES.has(box.type)) throw new ProbeError(describeNotA('an MP4/MOV', win.bytes()));
    if (box.size > fileSize - pos) {
      throw new ProbeError(
        `truncated: box '${printable(box.type)}' claims ${box.size} bytes, file has ${fileSize - pos} (box at offset ${pos})`,
      );
    }
    if (moov && box.type === 'moof') {
      moofFound = true;
      break;
    }
    if (box.type === 'moov' && !moov) {
      if (box.size > maxMoov) {
        throw new ProbeError(`moov box is ${box.size} bytes, over the ${maxMoov}-byte limit for a clip's headers`);
      }
      const limit = Math.min(fileSize, pos + box.size + LOOKAHEAD);
      const wholeUpTo = options.wholeMoovUpTo ?? DEFAULT_WHOLE_MOOV_UP_TO;
      moov = { bytes: fetchMoov(win, box, limit, wholeUpTo, Math.min(chunkBytes, MOOV_READ_AHEAD)), offset: pos };
      fragmentedMoov = walkBoxes(moov.bytes, box.headerSize, box.size, 'moov').some((b) => b.type === 'mvex');
    }
    pos += box.size;
  }
  if (!moov) throw new ProbeError('no moov box: the recording was not finalised, or the file is incomplete');
  return {
    moov: moov.bytes,
    moovOffset: moov.offset,
    fileSize,
    mayHaveFragments: fragmentedMoov && (moofFound || pos < fileSize),
    reads: reader.stats.reads,
    bytesRead: reader.stats.bytesRead,
  };
}

/**
 * The moov as a buffer of its full size. When little of it is still unread, that is a view of the bytes in hand
 * after at most one more read; otherwise the tree is walked in file order, fetching the boxes in moovShape and only
 * the headers of the rest.
 */
function fetchMoov(
  win: Window,
  moov: BoxHeader,
  limit: number,
  wholeUpTo: number,
  readAhead: number,
): Buffer {
  const end = moov.start + moov.size;
  if (end - win.end() <= wholeUpTo) {
    win.ensure(moov.start, limit, 0, limit);
    return win.slice(moov.start, end);
  }
  const out = Buffer.alloc(moov.size);
  const keep = (from: number, to: number) => win.slice(from, to).copy(out, from - moov.start);

  const visit = (box: BoxHeader): void => {
    const boxEnd = box.start + box.size;
    if (MOOV_LEAVES.has(box.type)) {
      win.ensure(box.start, boxEnd, readAhead, limit);
      keep(box.start, boxEnd);
      return;
    }
    keep(box.start, box.start + box.headerSize);
    const wanted = MOOV_CONTAINERS.get(box.type);
    if (wanted === undefined) return;
    const missing = wanted && new Set(wanted);
    // Same rules as walkBoxes: fewer than 8 bytes left are a terminator, a child may not overrun its parent.
    for (let pos = box.start + box.headerSize; boxEnd - pos >= 8 && missing?.size !== 0; ) {
      win.ensure(pos, Math.min(boxEnd, pos + MAX_HEADER_BYTES), readAhead, limit);
      const child = win.header(pos, boxEnd);
      if (!child || pos + child.headerSize > boxEnd) {
        throw new ProbeError(`box header at offset ${pos - moov.start} inside '${printable(box.type)}' is cut off`);
      }
      if (child.size > boxEnd - pos) {
        throw new ProbeError(
          `box '${printable(child.type)}' inside '${printable(box.type)}' claims ${child.size} bytes, only ${boxEnd - pos} remain`,
        );
      }
      visit(child);
      missing?.delete(child.type);
      pos += child.size;
    }
  };
  visit(moov);
  // Leave the bytes just after the moov in hand for the caller's follow-on check.
  win.ensure(end, limit, readAhead, limit);
  return out;
}

/** The most recently read contiguous span of the file; reads move forward and extend it when they adjoin it. */
interface Window {
  ensure(from: number, to: number, readAhead: number, limit: number): void;
  covers(from: number, to: number): boolean;
  /** File offset just past the bytes in hand. */
  end(): number;
  slice(from: number, to: number): Buffer;
  /** The header at file offset `pos` if the window holds all of it; `spaceEnd` resolves size 0. */
  header(pos: number, spaceEnd: number): BoxHeader | null;
  bytes(): Buffer;
}

function createWindow(reader: PositionedReader): Window {
  let at = 0;
  let bytes: Buffer = Buffer.alloc(0);
  const covers = (from: number, to: number) => from >= at && to <= at + bytes.length;
  return {
    covers,
    end: () => at + bytes.length,
    slice: (from, to) => bytes.subarray(from - at, to - at),
    bytes: () => bytes,
    header: (pos, spaceEnd) =>
      pos >= at && pos < at + bytes.length ? parseBoxHeader(bytes, pos - at, pos, spaceEnd) : null,
    ensure(from, to, readAhead, limit) {
      if (covers(from, to)) return;
      const readEnd = Math.min(limit, Math.max(to, from + readAhead));
      const end = at + bytes.length;
      const inHand = reader.held(from, readEnd - from);
      if (inHand) {
        // Already read (the file's two ends): a view, neither read nor copied again.
        bytes = inHand;
      } else if (from >= at && from <= end) {
        // Adjoining: keep what is already here from `from` on and read only the rest.
        const rest = reader.read(end, readEnd - end);
        bytes = Buffer.concat([bytes.subarray(from - at), rest]);
      } else {
        bytes = reader.read(from, readEnd - from);
      }
      at = from;
      if (at + bytes.length < to) throw new ProbeError(`truncated: the file ended at offset ${at + bytes.length}, inside the headers`);
    },
  };
}

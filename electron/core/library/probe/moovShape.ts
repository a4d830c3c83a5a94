/**
 * The parts of a moov that parseMoov reads. readMoov fetches only these from disk and leaves the rest (the sample
 * tables stsz, stco, ctts, stss..., which grow with every frame and are most of a long clip's moov) as zeros, so a
 * 30-minute clip costs ~100 KB instead of ~1.5 MB. parseMoov must never read a payload outside this list; a zeroed
 * stretch reads back as one box of size 0 ("to the end of the parent"), which it ignores.
 */

/**
 * Boxes whose children are walked, each mapped to the child types wanted from it: once all of those have been
 * seen the rest of the box is skipped unread (the sample tables come after stsd and stts). null means walk it all.
 */
export const MOOV_CONTAINERS: ReadonlyMap<string, ReadonlySet<string> | null> = new Map([
  ['moov', null],
  ['trak', new Set(['tkhd', 'mdia'])],
  ['mdia', new Set(['mdhd', 'hdlr', 'minf'])],
  ['minf', new Set(['stbl'])],
  ['stbl', new Set(['stsd', 'stts'])],
  ['mvex', new Set(['mehd'])],
]);

/** Boxes fetched whole: headers and times, sample description and timing, and the tag containers. */
export const MOOV_LEAVES: ReadonlySet<string> = new Set(['mvhd', 'tkhd', 'mdhd', 'hdlr', 'stsd', 'stts', 'mehd', 'udta', 'meta']);

/**
 * A WebVTT reader (W3C WebVTT: file header, blank-line separated blocks, optional cue identifier, "start --> end"
 * timing line, payload lines) that keeps the line number of every cue so sidecar problems can be found in the file.
 * NOTE, STYLE and REGION blocks are skipped. Malformed blocks are reported and skipped; the rest are still read.
 */
export interface VttCue {
  /** 1-based line of the timing line. */
  line: number;
  id: string | null;
  startSec: number;
  endSec: number;
  /** Payload lines joined with "\n". */
  text: string;
  /** 1-based line of the first payload line (the timing line + 1). */
  textLine: number;
}

export interface VttProblem {
  line: number;
  message: string;
}

export interface VttParse {
  cues: VttCue[];
  problems: VttProblem[];
}

const TIMESTAMP = String.raw`(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})`;
const TIMING = new RegExp(String.raw`^${TIMESTAMP}[ \t]+-->[ \t]+${TIMESTAMP}(?:[ \t].*)?$`);

export function parseVtt(text: string): VttParse {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const cues: VttCue[] = [];
  const problems: VttProblem[] = [];
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    problems.push({ line: 1, message: 'not a WebVTT file: the first line must be "WEBVTT"' });
    return { cues, problems };
  }
  let i = 1;
  // The header block runs to the first blank line.
  while (i < lines.length && lines[i]!.trim() !== '') i++;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!)) continue;
    const timingAt = block[0]!.includes('-->') ? 0 : block[1]?.includes('-->') ? 1 : -1;
    if (timingAt < 0) {
      problems.push({ line: blockStart + 1, message: `expected a cue timing line "HH:MM:SS.mmm --> HH:MM:SS.mmm", found "${block[0]}"` });
      continue;
    }
    const timingLine = blockStart + timingAt + 1;
    const m = TIMING.exec(block[timingAt]!.trim());
    if (!m) {
      problems.push({ line: timingLine, message: `cue timing "${block[timingAt]!.trim()}" is not "HH:MM:SS.mmm --> HH:MM:SS.mmm"` });
      continue;
    }
    const startSec = seconds(m.slice(1, 5));
    const endSec = seconds(m.slice(5, 9));
    if (endSec <= startSec) {
      problems.push({ line: timingLine, message: `cue ends (${endSec} s) before or when it starts (${startSec} s)` });
      continue;
    }
    cues.push({
      line: timingLine,
      id: timingAt === 1 ? block[0]!.trim() : null,
      startSec,
      endSec,
      text: block.slice(timingAt + 1).join('\n'),
      textLine: timingLine + 1,
    });
  }
  return { cues, problems };
}

function seconds([h, m, s, ms]: (string | undefined)[]): number {
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
}

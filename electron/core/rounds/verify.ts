import type { Database } from 'better-sqlite3';
import type { RoundVerification } from '../../../shared/ipc/rounds';
import { DRAW_ALGORITHM, drawStratifiedFrame } from '../../../shared/sampling/draw';
import type { FrameColumns } from '../../../shared/sampling/frame';
import { UserError } from '../errors';
import { checkParsedDesign } from './design';
import { decodeFrame } from './frameCodec';
import { frameHash } from './frameHash';
import { readFrame } from './frameRepo';
import { readSample, readStatement, readStoredFrame } from './roundsRepo';

/**
 * Re-derives a round from its statement against today's library, as an inspector would: the same filters (with
 * "earlier rounds" meaning rounds before this one), the same strata, size, minimum and seed, through the same draw.
 * Says "identical", or exactly what moved: incidents that joined or left the frame, incidents whose stratum changed,
 * and the draw positions where the sample differs. It also re-draws from the frame stored with the round, which
 * separates "the library changed" from "the algorithm or the stored sample changed".
 */

/** Ascending-id frames compared in one merge walk. */
function compareFrames(stored: FrameColumns, now: FrameColumns) {
  const added: number[] = [];
  const removed: number[] = [];
  const restratified: { incidentId: number; stored: string; now: string }[] = [];
  const stratumOf = (f: FrameColumns, i: number) => f.strata[f.stratumOf[i]!]!;
  let i = 0;
  let j = 0;
  while (i < stored.ids.length || j < now.ids.length) {
    const a = i < stored.ids.length ? stored.ids[i]! : Infinity;
    const b = j < now.ids.length ? now.ids[j]! : Infinity;
    if (a < b) {
      removed.push(a);
      i++;
    } else if (b < a) {
      added.push(b);
      j++;
    } else {
      const [was, is] = [stratumOf(stored, i), stratumOf(now, j)];
      if (was !== is) restratified.push({ incidentId: a, stored: was, now: is });
      i++;
      j++;
    }
  }
  return { added, removed, restratified };
}

function listed(ids: readonly (number | string)[], max = 20): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} … and ${ids.length - max} more` : shown;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function verifyRound(db: Database, roundId: number): RoundVerification {
  const st = readStatement(db, roundId);
  const design = checkParsedDesign({ filters: st.filters, size: st.size.request, strata: st.strata, minPerStratum: st.minPerStratum });
  if (!design.ok) {
    throw new UserError('conflict', `round ${roundId}: its stored design no longer passes the checks: ${design.problems.map((p) => p.message).join('; ')}`);
  }
  const { filters, strata, size, minPerStratum } = design.value;
  const storedSample = readSample(db, roundId).map((s) => s.id);
  const encoded = readStoredFrame(db, roundId);
  const storedFrame: FrameColumns = encoded ? decodeFrame(encoded) : { ids: new Float64Array(0), strata: [], stratumOf: new Uint32Array(0) };

  const current = readFrame(db, filters, strata, roundId);
  const currentHash = frameHash(current.ids);
  const frames = compareFrames(storedFrame, current);

  const redraw = (frame: FrameColumns) => drawStratifiedFrame({ frame, size, seed: st.seed, minPerStratum });
  const today = redraw(current);
  const nowSample = today.ok ? today.ids : [];
  const differences: { position: number; stored: number | null; now: number | null }[] = [];
  for (let p = 0; p < Math.max(storedSample.length, nowSample.length); p++) {
    const a = storedSample[p] ?? null;
    const b = nowSample[p] ?? null;
    if (a !== b) differences.push({ position: p + 1, stored: a, now: b });
  }
  const storedSet = new Set(storedSample);
  const nowSet = new Set(nowSample);
  const sampleAdded = nowSample.filter((id) => !storedSet.has(id)).sort((a, b) => a - b);
  const sampleRemoved = storedSample.filter((id) => !nowSet.has(id)).sort((a, b) => a - b);

  const fromStored = encoded ? redraw(storedFrame) : null;
  const storedFrameReproduces =
    fromStored !== null &&
    fromStored.ok &&
    frameHash(storedFrame.ids) === st.frameHash &&
    fromStored.ids.length === storedSample.length &&
    fromStored.ids.every((id, k) => id === storedSample[k]);
  const algorithmMatches = st.algorithm.id === DRAW_ALGORITHM.id && st.algorithm.version === DRAW_ALGORITHM.version;

  const findings: string[] = [];
  if (!algorithmMatches) {
    findings.push(
      `The round was drawn with ${st.algorithm.id} v${st.algorithm.version}; this tool draws with ` +
        `${DRAW_ALGORITHM.id} v${DRAW_ALGORITHM.version}, so its draw cannot be re-derived here`,
    );
  }
  if (!encoded) findings.push('The frame stored with the round is missing, so changes to the frame cannot be itemised');
  else if (!storedFrameReproduces) {
    findings.push('The frame stored with the round no longer re-draws to its stored sample (or no longer matches its frame hash): the stored round or the algorithm has changed');
  }
  const frameSame = currentHash === st.frameHash;
  if (!frameSame) {
    findings.push(
      `The frame changed: ${st.frameSize} incidents when drawn, ${current.ids.length} now; SHA-256 ${st.frameHash} then, ${currentHash} now`,
    );
  }
  if (frames.added.length > 0) findings.push(`${plural(frames.added.length, 'incident')} joined the frame: ${listed(frames.added)}`);
  if (frames.removed.length > 0) findings.push(`${plural(frames.removed.length, 'incident')} left the frame: ${listed(frames.removed)}`);
  if (frames.restratified.length > 0) {
    findings.push(
      `${plural(frames.restratified.length, 'incident')} changed stratum: ` +
        listed(frames.restratified.map((r) => `${r.incidentId} (${r.stored} → ${r.now})`)),
    );
  }
  if (!today.ok) findings.push(`Today's frame cannot be drawn from: ${today.error}`);
  else if (differences.length > 0) {
    findings.push(
      `The sample differs at ${plural(differences.length, 'draw position')}: ` +
        listed(differences.map((d) => `#${d.position} ${d.stored ?? '—'} → ${d.now ?? '—'}`)) +
        (sampleAdded.length + sampleRemoved.length > 0
          ? `; now drawn but not then: ${listed(sampleAdded) || 'none'}; drawn then but not now: ${listed(sampleRemoved) || 'none'}`
          : ''),
    );
  }
  const identical = findings.length === 0;
  if (identical) {
    findings.push(
      `Identical: the frame (${st.frameSize} incidents, SHA-256 ${st.frameHash}) and the sample of ${storedSample.length} ` +
        `in draw order re-derive exactly from seed ${st.seed}`,
    );
  }
  return {
    roundId,
    name: st.name,
    identical,
    frame: {
      storedSize: st.frameSize,
      currentSize: current.ids.length,
      storedHash: st.frameHash,
      currentHash,
      added: frames.added,
      removed: frames.removed,
      restratified: frames.restratified,
    },
    sample: { storedSize: storedSample.length, currentSize: nowSample.length, differences, added: sampleAdded, removed: sampleRemoved },
    drawError: today.ok ? null : today.error,
    storedFrameReproduces,
    algorithmMatches,
    findings,
  };
}

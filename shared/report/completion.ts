import { compareKeys } from '../sampling/key-order';
import { proportion } from './proportion';
import type { Completion, ReviewRecord, SampledIncident } from './types';

/** Sampled against submitted, per incident: a calibration incident with two reviews is one incident done. */
export function completion(sampled: readonly SampledIncident[], reviews: readonly ReviewRecord[]): Completion {
  const reviewed = new Set(reviews.map((r) => r.incidentId));
  const unique = new Map<number, SampledIncident>();
  for (const s of sampled) if (!unique.has(s.incidentId)) unique.set(s.incidentId, s);
  const list = [...unique.values()].sort((a, b) => a.incidentId - b.incidentId);

  const strata = new Map<string, { sampled: number; submitted: number }>();
  const missing: SampledIncident[] = [];
  for (const s of list) {
    const row = strata.get(s.stratum) ?? { sampled: 0, submitted: 0 };
    row.sampled += 1;
    if (reviewed.has(s.incidentId)) row.submitted += 1;
    else missing.push(s);
    strata.set(s.stratum, row);
  }
  const submitted = list.length - missing.length;
  return {
    sampled: list.length,
    submitted,
    rate: proportion(submitted, list.length),
    missing,
    byStratum: [...strata].sort((a, b) => compareKeys(a[0], b[0])).map(([key, row]) => ({ key, ...row })),
    outsideSample: [...reviewed].filter((id) => !unique.has(id)).sort((a, b) => a - b),
  };
}

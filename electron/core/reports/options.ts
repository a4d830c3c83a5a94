import type { Database } from 'better-sqlite3';
import type { ReportChoices } from '../../../shared/ipc/reports';
import { compareKeys } from '../../../shared/sampling/key-order';
import { ukMonth } from './period';
import { listRounds, sampledStarts } from './read';

function mostCommon(values: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of values) if (c > n || (c === n && best !== null && v > best)) [best, n] = [v, c];
  return best;
}

/**
 * What the dashboard's pickers offer: BCUs with the UK local months their sampled incidents started in (newest
 * first), and rounds (newest first) with the BCU and month most of their incidents belong to.
 */
export function reportChoices(db: Database): ReportChoices {
  const months = new Map<string, Set<string>>();
  const roundBcu = new Map<number, Map<string, number>>();
  const roundMonth = new Map<number, Map<string, number>>();
  const bump = (m: Map<number, Map<string, number>>, id: number, key: string): void => {
    const inner = m.get(id) ?? new Map<string, number>();
    inner.set(key, (inner.get(key) ?? 0) + 1);
    m.set(id, inner);
  };
  for (const s of sampledStarts(db)) {
    const month = ukMonth(s.started_at);
    if (s.bcu !== null) bump(roundBcu, s.round_id, s.bcu);
    if (month !== null) bump(roundMonth, s.round_id, month);
    if (s.bcu === null || month === null) continue;
    const set = months.get(s.bcu) ?? new Set<string>();
    set.add(month);
    months.set(s.bcu, set);
  }
  return {
    bcus: [...months]
      .sort((a, b) => compareKeys(a[0], b[0]))
      .map(([bcu, set]) => ({ bcu, months: [...set].sort().reverse() })),
    rounds: listRounds(db).map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      drawnAt: r.drawn_at,
      submitted: r.submitted,
      bcu: mostCommon(roundBcu.get(r.id) ?? new Map()),
      month: mostCommon(roundMonth.get(r.id) ?? new Map()),
    })),
  };
}

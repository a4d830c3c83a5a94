import { utcToLocal } from '../time/london';
import type { Proportion, WeightedEstimate } from './types';

/**
 * How figures are written wherever a person reads them (PDF, dashboard, CLI text), so a number on screen can be
 * found in the PDF exactly as it is. One decimal place: at a few dozen incidents it is more than the data can
 * carry, but at a BCU's thousands a whole per cent hides real movement.
 */
export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** "50.0%" or "–" when there is nothing to divide. */
export function rate(p: Proportion): string {
  return p.interval === null ? '–' : percent(p.interval.point);
}

/** "15.0–85.0%": the 95% Wilson interval, or "–". */
export function interval(p: Proportion): string {
  if (p.interval === null) return '–';
  return `${(Math.round(p.interval.lower * 1000) / 10).toFixed(1)}–${percent(p.interval.upper)}`;
}

/** "2/4 = 50.0% (95% CI 15.0–85.0%)" */
export function rateWithInterval(p: Proportion): string {
  if (p.interval === null) return `${p.successes}/${p.n}: no figure (nothing scored)`;
  return `${p.successes}/${p.n} = ${rate(p)} (95% CI ${interval(p)})`;
}

/** "69.2% (deff 1.44)" or "–". */
export function weighted(w: WeightedEstimate | null): string {
  return w === null ? '–' : `${percent(w.point)} (deff ${w.designEffect.toFixed(2)})`;
}

/** Agreement statistics to three decimals, the precision their published bands are stated in. */
export function statistic(value: number | null): string {
  return value === null ? '–' : value.toFixed(3);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "03/10/2025 14:05 BST": UK local time, as the people reading a report live it; unreadable text as given. */
export function ukDateTime(iso: string): string {
  const t = utcToLocal(iso);
  if (!t.ok) return iso;
  const { y, m, d, hh, mm } = t.local;
  return `${two(d)}/${two(m)}/${y} ${two(hh)}:${two(mm)} ${t.zone}`;
}

import { wilsonInterval } from '../stats/wilson';
import type { Proportion } from './types';

/** Every rate in a report goes out with its counts and a 95% Wilson interval, never as a bare percentage. */
export function proportion(successes: number, n: number): Proportion {
  return { successes, n, interval: wilsonInterval(successes, n) };
}

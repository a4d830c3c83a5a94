import { UserError } from '../core/errors';
import type { ParsedValues } from './command';

/** Typed readers for parsed option values: every bad value becomes one clear sentence naming the option. */
export function str(values: ParsedValues, name: string): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UserError('bad-input', `--${name} needs a value`);
  return v;
}

export function requireStr(values: ParsedValues, name: string): string {
  const v = str(values, name);
  if (v === undefined || v.trim() === '') throw new UserError('bad-input', `--${name} is required`);
  return v;
}

export function strs(values: ParsedValues, name: string): string[] {
  const v = values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => {
    if (typeof x !== 'string') throw new UserError('bad-input', `--${name} needs a value`);
    return x;
  });
}

export function num(values: ParsedValues, name: string, check?: { min?: number; max?: number; integer?: boolean }): number | undefined {
  const raw = str(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n)) throw new UserError('bad-input', `--${name} must be a number, got '${raw}'`);
  if (check?.integer && !Number.isInteger(n)) throw new UserError('bad-input', `--${name} must be a whole number, got '${raw}'`);
  if (check?.min !== undefined && n < check.min) throw new UserError('bad-input', `--${name} must be at least ${check.min}, got ${raw}`);
  if (check?.max !== undefined && n > check.max) throw new UserError('bad-input', `--${name} must be at most ${check.max}, got ${raw}`);
  return n;
}

export function flag(values: ParsedValues, name: string): boolean {
  return values[name] === true;
}

/** Accepts 0.95 or 95 (a percentage) for probabilities, as people type both. */
export function probability(values: ParsedValues, name: string): number | undefined {
  const n = num(values, name);
  if (n === undefined) return undefined;
  // Exactly 1 is refused rather than read as 1%: "--confidence 1" most likely means 100%, which no sample gives.
  const p = n > 1 && n < 100 ? n / 100 : n;
  if (!(p > 0 && p < 1)) throw new UserError('bad-input', `--${name} must be between 0 and 1 exclusive (or a percentage such as 95), got ${n}`);
  return p;
}
